import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { effectiveRoles } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { unsealContact } from '../../../platform/crypto/index.js';
import { fail } from '../../../platform/errors.js';
import { eraseContacts, selectSubmissionContact } from './repository.js';

/**
 * Contributors' contact details: shown only to the receiving unit, erased after the retention.
 *
 * Who may see them: an editor or unit admin whose grant is on the receiving unit itself. The consent
 * line of the form promises that the details are "not passed to higher levels", so a grant on an
 * ancestor (a province's admin over its communes) or a system-wide grant does not reveal them:
 * such an actor gets FORBIDDEN, and one who cannot see the unit at all NOT_FOUND. The grant must
 * have been made by someone else: an admin who granted itself a role (possible before self-grants
 * were refused) does not reach contacts through it. Every reveal writes an audit row.
 */
export async function viewContact(db: Db, options: { actor: Actor; consultationCode: string; submissionId: number; contactKey: () => Buffer }) {
  const { actor, submissionId } = options;
  const row = await selectSubmissionContact(db, options.consultationCode, submissionId);
  if (!row) fail('SUBMISSION_NOT_FOUND');
  if (!receivesContacts(actor, row.unit_id)) {
    const visible = (await effectiveRoles(db, actor, [row.unit_id])).has(row.unit_id);
    if (!visible) fail('SUBMISSION_NOT_FOUND');
    fail('CONTACT_RECEIVING_UNIT_ONLY');
  }
  if (!row.has_contact) fail('SUBMISSION_WITHOUT_CONTACT');
  const details = row.sealed === null ? { name: null, phone: null, idNumber: null } : unsealContact(row.sealed, options.contactKey());
  return db.transaction(async (tx) => {
    await recordAudit(tx, actor, {
      action: 'consultation.contact_view',
      entityType: 'submission',
      entityId: submissionId,
      unitId: row.unit_id,
      after: { consultation: options.consultationCode, erased: row.sealed === null },
    });
    return {
      submissionId,
      unitId: row.unit_id,
      ...details,
      consent: row.consent ?? false,
      createdAt: new Date(row.created_at ?? 0).toISOString(),
      erasedAt: row.erased_at === null ? null : new Date(row.erased_at).toISOString(),
    };
  });
}

/**
 * Whether the actor may see the contact details received by a unit: an editor or unit admin grant on
 * that unit itself (not an ancestor's, not system-wide), made by someone other than the actor.
 */
export function receivesContacts(actor: Actor, unitId: number): boolean {
  return actor.grants.some(
    (g) => g.unitId === unitId && (g.role === 'editor' || g.role === 'unit_admin') && (g.grantedByUserId ?? null) !== actor.userId,
  );
}

const retentionActor: Actor = { userId: null, username: 'system:retention', grants: [], ip: null };
const ERASE_BATCH = 10_000;

/**
 * Erases the contact details stored more than `retentionDays` before `now`: `sealed` becomes null
 * and `erased_at` is set (the submission and its opinions stay). Works in batches of 10,000 rows,
 * each its own transaction with one audit row, so a large backlog never holds long locks.
 * Run hourly by the job `consultation.erase-contacts` (jobs.ts).
 */
export async function eraseExpiredContacts(db: Db, options: { retentionDays: number; now?: Date }): Promise<{ erased: number }> {
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - options.retentionDays * 86_400_000);
  let erased = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const count = await eraseContacts(tx, { now, before, limit: ERASE_BATCH });
      if (count > 0) {
        await recordAudit(tx, retentionActor, {
          action: 'consultation.contact_erase',
          entityType: 'submission_contact',
          entityId: null,
          unitId: null,
          after: { erased: count, retentionDays: options.retentionDays, storedBefore: before.toISOString() },
        });
      }
      return count;
    });
    erased += batch;
    if (batch < ERASE_BATCH) return { erased };
  }
}
