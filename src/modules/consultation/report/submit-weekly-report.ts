import type { Db, Tx } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError, fail } from '../../../platform/errors.js';
import { emitEvent } from '../../../platform/jobs/index.js';
import { periodClosingOn } from '../../../platform/time/index.js';
import { recordSubmission, type SubmissionInput } from '../../../core/period-reports/index.js';
import { lockUnitWeek } from '../representatives/repository.js';
import { loadRepresentatives } from '../representatives/view.js';
import { loadConsultation } from '../repository.js';
import { weeklyReportSubject } from './subject.js';
import { computeWeeklyReport, weeklyDeadlines, weeklySchedule } from './weekly-report.js';

/** The ledger's refusal of a second version, in the consultation's words. */
async function recordWeek(tx: Tx, input: SubmissionInput) {
  try {
    return await recordSubmission(tx, input);
  } catch (error) {
    if (error instanceof AppError && error.reason === 'PERIOD_REPORT_SUBMITTED') fail('WEEKLY_REPORT_SUBMITTED');
    throw error;
  }
}

/**
 * An editor submits the unit's weekly report to its parent: the figures are frozen as a snapshot in
 * the submission ledger (core/period-reports), marked late when sent at or after the deadline of
 * the unit's level. A week's report is submitted once. The snapshot also freezes the representative
 * opinions (the unit's picks and its children's), which the parent then reads from it; the week's
 * lock keeps a concurrent pick out of the frozen version.
 */
export async function submitWeeklyReport(
  db: Db,
  options: { actor: Actor; consultationCode: string; unitId: number; periodEnd: string; now?: Date },
) {
  const { actor, unitId, periodEnd } = options;
  await requireUnitRole(db, actor, [unitId], 'editor');
  const consultation = await loadConsultation(db, options.consultationCode);
  const period = periodClosingOn(weeklySchedule(consultation), periodEnd);
  return db.transaction(async (tx) => {
    await lockUnitWeek(tx, { consultationId: consultation.id, unitId, periodEnd });
    const report = await computeWeeklyReport(tx, { consultation, unitId, periodEnd, now: options.now });
    const representatives = await loadRepresentatives(tx, { consultationId: consultation.id, unitId, periodEnd });
    const snapshot = { ...report, representatives };
    const row = await recordWeek(tx, {
      subject: weeklyReportSubject(consultation.id),
      unitId,
      period,
      deadlines: weeklyDeadlines(consultation),
      snapshot,
      submittedByUserId: actor.userId,
      now: options.now,
    });
    await recordAudit(tx, actor, {
      action: 'consultation.report_submit',
      entityType: 'weekly_report',
      entityId: row.id,
      unitId,
      after: { consultation: consultation.code, periodEnd, late: row.late, submissions: report.submissions, opinions: report.opinions, representatives: representatives.own.length },
    });
    await emitEvent(tx, 'weekly-report.submitted', { weeklyReportId: row.id, consultationId: consultation.id, unitId, periodEnd, late: row.late });
    return { id: row.id, submittedAt: row.submittedAt.toISOString(), deadline: row.deadline.toISOString(), late: row.late, snapshot };
  });
}
