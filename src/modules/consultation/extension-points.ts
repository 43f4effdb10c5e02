import type { Db } from '../../platform/db/database.js';
import { roleRank } from '../../platform/access/roles.js';
import { effectiveRoles, requireUnitRole } from '../../platform/access/scope.js';
import { fail } from '../../platform/errors.js';
import { formatViDate, isLate, parseIsoDate, periodAt } from '../../platform/time/index.js';
import type { FigureQuery, ItemDue, ItemsDueQuery, ModuleFigure } from '../../platform/modules/manifest.js';
import { selectConsultationsByIds, selectOpenParticipations, selectSubmittedWeeks, selectSubtreeIntake } from './extension-repository.js';
import { reportDeadline, weeklySchedule } from './report/weekly-report.js';
import { childrenLateItems, reportLink } from './children-due.js';

/**
 * The consultation's figures for a unit's subtree and a period, for periodic reports to pre-fill:
 * submissions (lượt góp ý) and opinions (ý kiến) received, over every consultation.
 */
export async function consultationFigures(db: Db, query: FigureQuery): Promise<ModuleFigure[]> {
  if (query.periodEnd.getTime() <= query.periodStart.getTime()) fail('SCHEDULE_RANGE_INVALID');
  await requireUnitRole(db, query.actor, [query.unitId], 'viewer');
  const intake = await selectSubtreeIntake(db, { unitId: query.unitId, start: query.periodStart, end: query.periodEnd });
  return [
    { key: 'consultation.submissions', label: 'Lượt góp ý đã tiếp nhận', value: intake.submissions },
    { key: 'consultation.opinions', label: 'Ý kiến góp ý đã tiếp nhận', value: intake.opinions },
  ];
}

/**
 * Weekly reports due: for each open consultation and each of the units on which the actor may
 * submit (editor or above), the report of the week in progress when it is not submitted yet, with
 * the unit's deadline for its level; then those units' children late with theirs (children-due.ts).
 * A fixed number of statements whatever the number of units and consultations.
 */
export async function consultationItemsDue(db: Db, query: ItemsDueQuery): Promise<ItemDue[]> {
  const roles = await effectiveRoles(db, query.actor, [...query.unitIds]);
  const editable = [...roles].filter(([, role]) => roleRank[role] <= roleRank.editor).map(([unitId]) => unitId);
  const participations = await selectOpenParticipations(db, { unitIds: editable, now: query.now });
  const consultations = new Map((await selectConsultationsByIds(db, [...new Set(participations.map((p) => p.consultationId))])).map((c) => [c.id, c]));
  const due = participations.flatMap((p) => {
    const consultation = consultations.get(p.consultationId);
    if (!consultation) return [];
    const period = periodAt(weeklySchedule(consultation), query.now);
    return [{ ...p, consultation, periodEnd: period.closingDate, deadline: reportDeadline(consultation, period, p.grassroots) }];
  });
  const submitted = await selectSubmittedWeeks(db, due);
  const own = due
    .filter((d) => !submitted.has(`${d.consultationId}:${d.unitId}:${d.periodEnd}`))
    .map((d) => ({
      kind: 'consultation.weekly-report',
      unitId: d.unitId,
      title: `Gửi báo cáo tổng hợp tuần (kỳ chốt ngày ${formatViDate(parseIsoDate(d.periodEnd))}) — ${d.consultation.title}`,
      subject: d.consultation.code,
      deadline: d.deadline,
      overdue: isLate(query.now, d.deadline),
      link: reportLink(d.consultation.code, d.unitId, d.periodEnd),
      group: 'Báo cáo phải gửi',
    }));
  return [...own, ...(await childrenLateItems(db, { parentIds: editable, now: query.now }))];
}
