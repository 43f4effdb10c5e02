import { roleRank } from '../../platform/access/roles.js';
import { effectiveRoles } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/database.js';
import type { ItemDue, ItemsDueQuery } from '../../platform/modules/manifest.js';
import { DAY_MS, formatVietnamInstant, isLate, periodLabel, type Period } from '../../platform/time/index.js';
import { selectReportsToReview, selectReportsToSend, type DueRow } from './status/repository-due.js';

/** How far back a recipient's pending reviews are listed. */
export const REVIEW_HORIZON_DAYS = 90;
const GROUP = 'Báo cáo định kỳ';

/** "16:00 ngày 12/11/2025" (Vietnam time). */
export function deadlineText(at: Date): string {
  const iso = formatVietnamInstant(at);
  return `${iso.slice(11, 16)} ngày ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

function labelOf(row: DueRow): string {
  const period: Period = { schedule: row.schedule, start: row.start, end: row.end, key: row.periodKey, closingDate: row.closingDate };
  return periodLabel(period);
}

const link = (row: DueRow): string => `/bao-cao/che-do/${row.regimeId}/ky/${row.closingDate}/don-vi/${row.unitId}`;

/**
 * What the reports ask of the units on which the actor is an editor (or above): each unit's report of
 * the newest started period it has not sent ("Báo cáo … kỳ … hạn …", overdue past its deadline), and
 * for a recipient, its children's versions awaiting its review (return or approve).
 */
export async function reportItemsDue(db: Db, query: ItemsDueQuery): Promise<ItemDue[]> {
  const roles = await effectiveRoles(db, query.actor, [...query.unitIds]);
  const editable = [...roles].filter(([, role]) => roleRank[role] <= roleRank.editor).map(([unitId]) => unitId);
  const toSend = await selectReportsToSend(db, editable, query.now);
  const toReview = await selectReportsToReview(db, editable, new Date(query.now.getTime() - REVIEW_HORIZON_DAYS * DAY_MS));
  return [
    ...toSend.map((r) => ({
      kind: 'reports.report',
      unitId: r.unitId,
      title: `Báo cáo ${r.regimeName} kỳ ${labelOf(r)} hạn ${deadlineText(r.deadline)}`,
      subject: String(r.regimeId),
      link: link(r),
      group: GROUP,
      deadline: r.deadline,
      overdue: isLate(query.now, r.deadline),
    })),
    ...toReview.map((r) => ({
      kind: 'reports.review',
      unitId: r.unitId,
      title: `Báo cáo ${r.regimeName} kỳ ${labelOf(r)}: ${r.count} báo cáo của đơn vị cấp dưới chờ xem xét`,
      subject: String(r.regimeId),
      link: link(r),
      group: GROUP,
      deadline: null,
      overdue: false,
    })),
  ];
}
