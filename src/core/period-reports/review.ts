import type { Db, Tx } from '../../platform/db/database.js';
import { isSystemAdmin, roleRank, type Actor } from '../../platform/access/roles.js';
import { effectiveRoles } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { emitEvent } from '../../platform/jobs/index.js';
import { toSafeText } from '../../platform/vn/index.js';
import { selectSubmissionForUpdate, updateReview, type SubmissionRow } from './repository.js';

const MAX_REASON = 4000;

/**
 * An editor or admin of the recipient unit (a system admin for a top unit's report). Whoever holds no
 * role there is told the report does not exist (one answer whether or not the id exists).
 */
async function requireReviewer(tx: Tx, actor: Actor, recipientUnitId: number | null): Promise<void> {
  if (isSystemAdmin(actor)) return;
  const role = recipientUnitId === null ? undefined : (await effectiveRoles(tx, actor, [recipientUnitId])).get(recipientUnitId);
  if (!role) fail('PERIOD_REPORT_NOT_FOUND');
  if (roleRank[role] > roleRank.editor) fail('ROLE_TOO_WEAK', { required: 'editor' });
}

/**
 * The recipient of a submission — an editor or admin of the unit it was sent to (through a grant
 * on that unit or above) — returns it with a reason or approves it, once, while it is under review.
 * A report sent by a top unit (no recipient) is reviewed by a system admin. One transaction with
 * its audit row and event (`period-report.returned` / `period-report.approved`).
 */
type Decision = { state: 'returned' | 'approved'; returnReason: string | null; reopen?: boolean };

async function review(db: Db, options: { actor: Actor; submissionId: number; now?: Date | undefined }, decision: Decision): Promise<SubmissionRow> {
  const { actor } = options;
  const from = decision.reopen ? 'approved' : 'submitted';
  return db.transaction(async (tx: Tx) => {
    const row = await selectSubmissionForUpdate(tx, options.submissionId);
    if (!row) fail('PERIOD_REPORT_NOT_FOUND');
    await requireReviewer(tx, actor, row.recipientUnitId);
    const wrongState = decision.reopen ? 'PERIOD_REPORT_NOT_APPROVED' : 'PERIOD_REPORT_NOT_UNDER_REVIEW';
    if (row.state !== from) fail(wrongState, { state: row.state });
    const reviewed = await updateReview(tx, row.id, { state: decision.state, returnReason: decision.returnReason, reviewedAt: options.now ?? new Date(), reviewedByUserId: actor.userId }, from);
    if (!reviewed) fail(wrongState);
    const summary = { subjectKind: row.subjectKind, subjectId: row.subjectId, unitId: row.unitId, periodKey: row.periodKey, version: row.version };
    await recordAudit(tx, actor, {
      action: decision.reopen ? 'period_report.reopen' : decision.state === 'returned' ? 'period_report.return' : 'period_report.approve',
      entityType: 'period_report_submission',
      entityId: row.id,
      unitId: row.unitId,
      before: { state: row.state },
      after: { ...summary, state: decision.state, returnReason: decision.returnReason },
    });
    // A reopened report is returned for edit: its reporter hears of it as of any returned report.
    await emitEvent(tx, `period-report.${decision.state}`, { submissionId: row.id, ...summary, ...(decision.reopen ? { reopened: true } : {}) });
    return reviewed;
  });
}

/** Returns a submission to its unit with a reason (required); the unit may then send a new version. */
export async function returnPeriodReport(db: Db, options: { actor: Actor; submissionId: number; reason: string; now?: Date | undefined }): Promise<SubmissionRow> {
  const reason = toSafeText(options.reason ?? '').trim();
  if (reason === '') fail('PERIOD_REPORT_RETURN_REASON_REQUIRED');
  return review(db, options, { state: 'returned', returnReason: reason.slice(0, MAX_REASON) });
}

/**
 * Reopens an approved submission (the recipient, with a reason): it becomes returned for edit, so the
 * unit may send the next version. Audited `period_report.reopen`; the event is `period-report.returned`
 * (with `reopened: true`), so the reporter is told as of any returned report.
 */
export async function reopenPeriodReport(db: Db, options: { actor: Actor; submissionId: number; reason: string; now?: Date | undefined }): Promise<SubmissionRow> {
  const reason = toSafeText(options.reason ?? '').trim();
  if (reason === '') fail('PERIOD_REPORT_REOPEN_REASON_REQUIRED');
  return review(db, options, { state: 'returned', returnReason: reason.slice(0, MAX_REASON), reopen: true });
}

/** Approves a submission: it stays as sent, and no new version can follow. */
export async function approvePeriodReport(db: Db, options: { actor: Actor; submissionId: number; now?: Date | undefined }): Promise<SubmissionRow> {
  return review(db, options, { state: 'approved', returnReason: null });
}
