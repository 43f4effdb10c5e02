import type { Actor } from '../../../platform/access/roles.js';
import type { Channel, ContributorGroup, Stance } from '../tables.js';

/** What every intake path hands to the writer (`storeSubmission`, `writeSubmissions`), and what it gets back. */

export interface OpinionInput {
  documentCode: string;
  sectionRef?: string | null | undefined;
  stance: Stance;
  text?: string | undefined;
}

export interface PreparedOpinion {
  documentId: number;
  sectionRef: string | null;
  stance: Stance;
  body: string;
}

/** The details of a meeting's minutes (channel `meeting`), stored beside its submission. */
export interface MeetingDetails {
  kind: 'hoi_nghi' | 'toa_dam';
  title: string;
  attendees: number;
}

export interface SubmissionToStore {
  consultationId: number;
  /** Unique within the consultation: `web:<uuid>`, `staff:<uuid>`, `meeting:<uuid>` or a file's submission_id. */
  externalId: string;
  unitId: number;
  channel: Channel;
  contributorGroup: ContributorGroup;
  submittedAt: Date;
  selfSubmitted: boolean;
  enteredByUserId: number | null;
  opinions: PreparedOpinion[];
  /** Output of `sealedContact` (never the plain details). */
  sealedContact: string | null;
  /** The audit row (entity `submission`), written in the same statement when the submission is created. */
  audit?: { actor: Actor; action: string; after: unknown } | null;
}

export interface StoredSubmission {
  submissionId: number;
  opinions: number;
  /** False when a submission with this external id already existed: nothing was written. */
  created: boolean;
}
