import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { AppError } from '../../platform/errors.js';
import type { StaffSubmissionInput } from './intake-schemas.js';
import { loadIntakeConsultation, participatingUnitId, prepareContact, prepareOpinions, sealedContact, storeSubmission, type IntakeConsultation, type StoredSubmission } from './intake-store.js';

/** Clock skew tolerated for an instant given by staff. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** An instant given by staff must lie within the consultation (from its opening to its closing) and not in the future. */
export function checkEnteredInstant(consultation: IntakeConsultation, at: Date, now: Date, field: string): void {
  const fail = (message: string) => {
    throw new AppError('VALIDATION_FAILED', message, [{ path: [field], message }]);
  };
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) fail('Thời điểm không được ở tương lai.');
  if (at < consultation.opensAt) fail('Thời điểm phải từ lúc bắt đầu đợt lấy ý kiến.');
  if (consultation.closesAt && at >= consultation.closesAt) fail('Thời điểm phải trước khi đợt lấy ý kiến kết thúc.');
}

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
