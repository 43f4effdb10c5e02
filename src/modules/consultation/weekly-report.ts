import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../platform/db/database.js';
import { channels, contributorGroups, figureDimensions, stances, type consultations } from '../../platform/db/schema/index.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { AppError } from '../../platform/errors.js';
import { deadlineFor, formatVietnamInstant, periodAt, periodClosingOn, type IsoWeekday, type Period, type PeriodDeadlineRule, type WeeklySchedule } from '../../platform/time/index.js';
import { selectConsultationByCode, selectDocuments } from './repository.js';
import { scanIdenticalGroups, selectFigureCells, selectKeptIdenticalGroups, selectUnitDepths, TEXT_COUNT_MAX_DEPTH } from './figures-repository.js';

type Consultation = typeof consultations.$inferSelect;

export interface WeeklyReport {
  unit: string;
  unitName: string;
  periodStart: string;
  periodEnd: string;
  submissions: number;
  opinions: number;
  byChannel: Record<string, number>;
  byContributorGroup: Record<string, number>;
  byDocument: Record<string, number>;
  byStance: Record<string, number>;
  cumulative: { submissions: number; opinions: number };
  identicalGroups: number;
  children: { code: string; name: string; status: 'submitted' | 'late' | 'missing'; submissions: number; opinions: number }[];
}

export function weeklySchedule(consultation: Consultation): WeeklySchedule {
  return { kind: 'weekly', weekday: consultation.cutoffWeekday as IsoWeekday, time: consultation.cutoffTime };
}

/**
 * The deadline of a unit's weekly report: from the consultation's per-level rules, by default
 * grassroots units (no children) by Tuesday 16:00 and every other level by the cut-off itself.
 */
export function reportDeadline(consultation: Consultation, period: Period, grassroots: boolean): Date {
  const rules = (consultation.deadlineRules as { level: 'grassroots' | 'default'; rule: PeriodDeadlineRule }[]) ?? [];
  const byLevel = (level: 'grassroots' | 'default') => rules.find((r) => r.level === level)?.rule;
  const fallback: PeriodDeadlineRule = grassroots
    ? { kind: 'weekday_before_cutoff', weekday: 2, time: '16:00' }
    : { kind: 'weekday_before_cutoff', weekday: consultation.cutoffWeekday as IsoWeekday, time: consultation.cutoffTime };
  return deadlineFor(period, (grassroots ? byLevel('grassroots') : undefined) ?? byLevel('default') ?? fallback);
}

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));

/**
 * The live weekly figures of a unit and its whole subtree for the week closing on `periodEnd`
 * (counts are of opinions except `submissions`), the cumulative figures since the opening, the
 * number of groups of identical opinions, and the state of each direct child's report.
 */
export async function computeWeeklyReport(db: Queryable, options: { consultation: Consultation; unitId: number; periodEnd: string }): Promise<WeeklyReport> {
  const { consultation, unitId } = options;
  const period = periodClosingOn(weeklySchedule(consultation), options.periodEnd);
  const start = period.start;
  const end = period.end;
  const [unit] = (await db.execute<{ code: string; name: string }>(sql`select code, name from units where id = ${unitId}`)).rows;
  if (!unit) throw new AppError('NOT_FOUND');
  const documents = new Map((await selectDocuments(db, consultation.id)).map((d) => [d.id, d.code]));
  const report: WeeklyReport = {
    unit: unit.code,
    unitName: unit.name,
    periodStart: formatVietnamInstant(start),
    periodEnd: formatVietnamInstant(end),
    submissions: 0,
    opinions: 0,
    byChannel: zeros(channels),
    byContributorGroup: zeros(contributorGroups),
    byDocument: zeros([...documents.values()]),
    byStance: zeros(stances),
    cumulative: { submissions: 0, opinions: 0 },
    identicalGroups: 0,
    children: [],
  };

  // The week's cells and the totals of every week from the opening's week (cumulative), from the figures.
  const firstWeek = periodAt(weeklySchedule(consultation), consultation.opensAt).start;
  const from = firstWeek.getTime() < start.getTime() ? firstWeek : start;
  const cells = await selectFigureCells(db, { consultationId: consultation.id, unitIds: [unitId], from, to: end, dimensions: [0, 1, 2, 3, 4] });
  for (const cell of cells) {
    if (cell.dimension === figureDimensions.total) {
      report.cumulative.submissions += cell.contributors;
      report.cumulative.opinions += cell.opinions;
    }
    if (cell.weekStart !== start.getTime()) continue;
    if (cell.dimension === figureDimensions.total) {
      report.submissions = cell.contributors;
      report.opinions = cell.opinions;
    } else if (cell.dimension === figureDimensions.channel) report.byChannel[cell.value] = cell.opinions;
    else if (cell.dimension === figureDimensions.contributorGroup) report.byContributorGroup[cell.value] = cell.opinions;
    else if (cell.dimension === figureDimensions.document) report.byDocument[documents.get(Number(cell.value)) ?? cell.value] = cell.opinions;
    else if (cell.dimension === figureDimensions.stance) report.byStance[cell.value] = cell.opinions;
  }
  const week = { consultationId: consultation.id, unitId, weekStart: start, weekEnd: end };
  report.identicalGroups = ((await selectUnitDepths(db, [unitId])).get(unitId) ?? Infinity) <= TEXT_COUNT_MAX_DEPTH ? await selectKeptIdenticalGroups(db, week) : await scanIdenticalGroups(db, week);

  const children = await db.execute<{ id: number; code: string; name: string; submitted: boolean; late: boolean | null }>(sql`
    select c.id, c.code, c.name, (w.id is not null) as submitted, w.late
    from units c
    left join weekly_reports w on w.consultation_id = ${consultation.id} and w.unit_id = c.id and w.period_end = ${options.periodEnd}
    where c.parent_id = ${unitId}
    order by c.sort_order, c.name`);
  const childTotals = new Map<number, { submissions: number; opinions: number }>();
  if (children.rows.length > 0) {
    const totals = await selectFigureCells(db, { consultationId: consultation.id, unitIds: children.rows.map((c) => c.id), from: start, to: end, dimensions: [0] });
    for (const t of totals) childTotals.set(t.unitId, { submissions: t.contributors, opinions: t.opinions });
  }
  report.children = children.rows.map((c) => ({
    code: c.code,
    name: c.name,
    status: !c.submitted ? 'missing' : c.late ? 'late' : 'submitted',
    submissions: childTotals.get(c.id)?.submissions ?? 0,
    opinions: childTotals.get(c.id)?.opinions ?? 0,
  }));
  return report;
}

export async function loadConsultation(db: Queryable, code: string): Promise<Consultation> {
  const consultation = await selectConsultationByCode(db, code);
  if (!consultation) throw new AppError('NOT_FOUND', `Không có đợt lấy ý kiến mã "${code}".`);
  return consultation;
}

/** The weekly report of a unit the actor may see. */
export async function getWeeklyReport(db: Db, options: { actor: Actor; consultationCode: string; unitId: number; periodEnd: string }) {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  const consultation = await loadConsultation(db, options.consultationCode);
  return computeWeeklyReport(db, { consultation, unitId: options.unitId, periodEnd: options.periodEnd });
}
