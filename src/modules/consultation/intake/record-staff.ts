import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { StaffSubmissionInput } from './schemas.js';
import { checkEnteredInstant } from './instant.js';
import { prepareOpinions } from './check-opinions.js';
import { loadIntakeConsultation, participatingUnitId, prepareContact, sealedContact, storeSubmission } from './store.js';
import type { StoredSubmission } from './submission.js';

/**
 * Staff type in a letter, a press article, an e-mail or another item (not self-submitted) for a unit
 * they edit. `submittedAt` is when the contributor sent it (now by default); it may be earlier than
 * the entry, even after the consultation closed. The idempotency key makes a retry count once.
 */
export async function recordStaffSubmission(
  db: Db,
  options: { actor: Actor; consultationCode: string; input: StaffSubmissionInput; contactKey: () => Buffer; now?: Date },
): Promise<StoredSubmission> {
  const { actor, input } = options;
  const now = options.now ?? new Date();
  await requireUnitRole(db, actor, [input.unitId], 'editor');
  const consultation = await loadIntakeConsultation(db, options.consultationCode);
  const submittedAt = input.submittedAt ? new Date(input.submittedAt) : now;
  checkEnteredInstant(consultation, submittedAt, now, 'submittedAt');
  const [unitId, prepared] = await Promise.all([participatingUnitId(db, consultation, { id: input.unitId }), prepareOpinions(db, consultation, input.opinions)]);
  const sealed = sealedContact(prepareContact(input.contact), options.contactKey);
  const externalId = `staff:${input.idempotencyKey.toLowerCase()}`;
  // One statement writes the submission, its opinions, the sealed contact and the audit row (only when created).
  return storeSubmission(db, {
    consultationId: consultation.id,
    externalId,
    unitId,
    channel: input.channel,
    contributorGroup: input.contributorGroup,
    submittedAt,
    selfSubmitted: false,
    enteredByUserId: actor.userId,
    opinions: prepared,
    sealedContact: sealed,
    audit: {
      actor,
      action: 'consultation.submission_enter',
      after: { consultation: consultation.code, externalId, channel: input.channel, contributorGroup: input.contributorGroup, submittedAt: submittedAt.toISOString(), opinions: prepared.length, contact: sealed !== null },
    },
  });
}
