import type { Db } from '../../platform/db/database.js';
import type { ItemDue } from '../../platform/modules/manifest.js';
import { formatViDate, isLate, parseIsoDate, periodAt, previousPeriod, type Period } from '../../platform/time/index.js';
import { selectChildIds } from '../../core/unit-tree/index.js';
import { selectConsultationsByIds, selectOpenParticipations, selectSubmittedWeeks, type OpenParticipation } from './extension-repository.js';
import { reportDeadline, weeklySchedule } from './report/weekly-report.js';

type Consultation = Awaited<ReturnType<typeof selectConsultationsByIds>>[number];

/** The report page of a unit for a week of a consultation. */
export function reportLink(code: string, unitId: number, periodEnd: string): string {
  return `/gop-y-tong-hop?${new URLSearchParams({ dot: code, 'don-vi': String(unitId), tuan: periodEnd }).toString()}`;
}

interface ChildWeek extends OpenParticipation {
  parentId: number;
  consultation: Consultation;
  periodEnd: string;
  deadline: Date;
}

/**
 * The week a child's report is looked at: the week in progress once the child's deadline in it has
 * passed, otherwise the week before (when the consultation was already open then).
 */
function childWeek(consultation: Consultation, now: Date, grassroots: boolean): { period: Period; deadline: Date } | null {
  const current = periodAt(weeklySchedule(consultation), now);
  const deadline = reportDeadline(consultation, current, grassroots);
  if (isLate(now, deadline)) return { period: current, deadline };
  const previous = previousPeriod(current);
  if (previous.end.getTime() <= consultation.opensAt.getTime()) return null;
  return { period: previous, deadline: reportDeadline(consultation, previous, grassroots) };
}

/**
 * Children late with their weekly report, for the units the actor may act for (`parentIds`): each
 * direct child taking part in an open consultation whose deadline has passed without a report (not
 * returned) for the week looked at. One item per unit, consultation and week, naming the children.
 * Five statements whatever the number of units.
 */
export async function childrenLateItems(db: Db, options: { parentIds: readonly number[]; now: Date }): Promise<ItemDue[]> {
  const childrenOf = await selectChildIds(db, options.parentIds);
  const parentOf = new Map([...childrenOf].flatMap(([parentId, children]) => children.map((child) => [child, parentId] as const)));
  const participations = await selectOpenParticipations(db, { unitIds: [...parentOf.keys()], now: options.now });
  const consultations = new Map((await selectConsultationsByIds(db, [...new Set(participations.map((p) => p.consultationId))])).map((c) => [c.id, c]));
  const weeks: ChildWeek[] = participations.flatMap((p) => {
    const consultation = consultations.get(p.consultationId);
    const week = consultation ? childWeek(consultation, options.now, p.grassroots) : null;
    if (!consultation || !week) return [];
    return [{ ...p, parentId: parentOf.get(p.unitId) as number, consultation, periodEnd: week.period.closingDate, deadline: week.deadline }];
  });
  const submitted = await selectSubmittedWeeks(db, weeks);
  const late = new Map<string, ChildWeek[]>();
  for (const w of weeks.filter((w) => !submitted.has(`${w.consultationId}:${w.unitId}:${w.periodEnd}`))) {
    const key = `${w.parentId}:${w.consultationId}:${w.periodEnd}`;
    const group = late.get(key);
    if (group) group.push(w);
    else late.set(key, [w]);
  }
  return [...late.values()].map((children) => {
    const first = children[0] as ChildWeek;
    const deadline = new Date(Math.min(...children.map((c) => c.deadline.getTime())));
    return {
      kind: 'consultation.children-late',
      unitId: first.parentId,
      title: `${children.length} đơn vị cấp dưới chưa gửi báo cáo tuần (kỳ chốt ngày ${formatViDate(parseIsoDate(first.periodEnd))}) — ${first.consultation.title}`,
      detail: `Chưa gửi: ${children.map((c) => c.unitName).join(', ')}`,
      subject: first.consultation.code,
      deadline,
      overdue: true,
      link: reportLink(first.consultation.code, first.parentId, first.periodEnd),
      group: 'Đơn vị cấp dưới chậm báo cáo',
    };
  });
}
