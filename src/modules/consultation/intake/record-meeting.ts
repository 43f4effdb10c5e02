import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { normalizeVi } from '../../../platform/vn/index.js';
import type { MeetingInput } from './schemas.js';
import { checkEnteredInstant } from './instant.js';
import { prepareOpinions } from './check-opinions.js';
import { loadIntakeConsultation, participatingUnitId, storeSubmission } from './store.js';
import { insertMeeting } from './repository-meetings.js';
import type { StoredSubmission } from './submission.js';

/**
 * The minutes of a meeting (hội nghị, tọa đàm) held by a unit: one submission of channel `meeting`
 * (external id `meeting:<idempotency key>`, submitted at the meeting's time, entered by staff)
 * carrying every opinion recorded in the minutes — a meeting counts as one submission (lượt) and N
 * opinions, as VNeID counts a meeting's minutes. The meeting's own details (kind, title, attendees)
 * are stored beside the submission (submission_meetings), in the same transaction.
 */
export async function recordMeeting(db: Db, options: { actor: Actor; consultationCode: string; input: MeetingInput; now?: Date }): Promise<StoredSubmission> {
  const { actor, input } = options;
  const now = options.now ?? new Date();
  await requireUnitRole(db, actor, [input.unitId], 'editor');
  const consultation = await loadIntakeConsultation(db, options.consultationCode);
  const heldAt = new Date(input.heldAt);
  checkEnteredInstant(consultation, heldAt, now, 'heldAt');
  const [unitId, prepared] = await Promise.all([participatingUnitId(db, consultation, { id: input.unitId }), prepareOpinions(db, consultation, input.opinions)]);
  const externalId = `meeting:${input.idempotencyKey.toLowerCase()}`;
  const meeting = { kind: input.kind, title: normalizeVi(input.title).trim(), attendees: input.attendees };
  return db.transaction(async (tx) => {
    // One statement writes the submission, its opinions and the audit row (only when created); then its details.
    const stored = await storeSubmission(tx, {
      consultationId: consultation.id,
      externalId,
      unitId,
      channel: 'meeting',
      contributorGroup: input.contributorGroup,
      submittedAt: heldAt,
      selfSubmitted: false,
      enteredByUserId: actor.userId,
      opinions: prepared,
      sealedContact: null,
      audit: {
        actor,
        action: 'consultation.meeting_record',
        after: { consultation: consultation.code, externalId, meeting: { ...meeting, heldAt: heldAt.toISOString() }, contributorGroup: input.contributorGroup, opinions: prepared.length },
      },
    });
    if (stored.created) await insertMeeting(tx, stored.submissionId, meeting);
    return stored;
  });
}
