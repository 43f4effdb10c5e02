import type { OpinionRow, SubmissionInfo } from './opinion-file.js';

/** What becomes of a submission_id of the file. */
export const enum Fate {
  /** None of its rows was good yet. */
  Unseen,
  /** Waiting for the look-up of its submission_id. */
  Pending,
  /** Not in the database: written under the id reserved for it. */
  New,
  /** Already in the consultation: its rows are skipped. */
  Present,
  /** One of its rows is bad: none of its rows is imported. */
  Bad,
}

/** A submission_id of the file: what the validator knows of it, and what the import makes of it. */
export interface FileSubmission extends SubmissionInfo {
  fate: Fate;
  /** submissions.id reserved for it at its first good row (used only if it turns out New). */
  dbId: number;
  unitId: number;
  channel: OpinionRow['channel'];
  contributorGroup: OpinionRow['contributorGroup'];
  /** submitted_at in Unix milliseconds. */
  atMs: number;
  /** Its good rows. */
  count: number;
  /** Its good rows' document and stance, one number each (`tallyKey`), for the weekly figures. */
  tallies: number[];
  /** The first contact details given on one of its rows. */
  contact: OpinionRow['contact'];
  /** Some of its opinions were copied already (they go if it turns out Bad). */
  copied: boolean;
  /** Its submissions row (and queue row) was copied, with this opinion count (-1: not yet). */
  writtenCount: number;
  /** Its sealed contact details were copied. */
  contactWritten: boolean;
  /** Line of its first bad row (Bad only). */
  badLine: number;
}

/** The import's record of a submission_id, made when the validator first meets it. */
export function fileSubmission(info: SubmissionInfo): FileSubmission {
  return {
    id: info.id,
    line: info.line,
    at: info.at,
    unitCode: info.unitCode,
    channelSeen: info.channelSeen,
    groupSeen: info.groupSeen,
    contactSeen: info.contactSeen,
    contactLine: info.contactLine,
    fate: Fate.Unseen,
    dbId: 0,
    unitId: 0,
    channel: 'other',
    contributorGroup: 'khac',
    atMs: 0,
    count: 0,
    tallies: [],
    contact: null,
    copied: false,
    writtenCount: -1,
    contactWritten: false,
    badLine: 0,
  };
}
