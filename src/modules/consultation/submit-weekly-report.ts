import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { weeklyReports } from './tables.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { emitEvent } from '../../platform/jobs/index.js';
import { isLate, periodClosingOn } from '../../platform/time/index.js';
import { lockUnitWeek } from './representative-repository.js';
import { loadRepresentatives } from './representative-view.js';
import { computeWeeklyReport, loadConsultation, reportDeadline, weeklySchedule } from './weekly-report.js';

/**
 * An editor submits the unit's weekly report to its parent: the figures are frozen as a snapshot,
 * marked late when sent at or after the unit's deadline. A week's report is submitted once. The
 * snapshot also freezes the representative opinions (the unit's picks and its children's), which
 * the parent then reads from it; the week's lock keeps a concurrent pick out of the frozen version.
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
    const [{ grassroots } = { grassroots: true }] = (
      await tx.execute<{ grassroots: boolean }>(sql`select not exists (select 1 from units where parent_id = ${unitId}) as grassroots`)
    ).rows;
    const deadline = reportDeadline(consultation, period, grassroots);
    const submittedAt = options.now ?? new Date();
    const report = await computeWeeklyReport(tx, { consultation, unitId, periodEnd });
    const representatives = await loadRepresentatives(tx, { consultationId: consultation.id, unitId, periodEnd });
    const snapshot = { ...report, representatives };
    const inserted = await tx
      .insert(weeklyReports)
      .values({ consultationId: consultation.id, unitId, periodEnd, submittedAt, deadline, late: isLate(submittedAt, deadline), snapshot, submittedByUserId: actor.userId })
      .onConflictDoNothing()
      .returning();
    const row = inserted[0];
    if (!row) fail('WEEKLY_REPORT_SUBMITTED');
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
