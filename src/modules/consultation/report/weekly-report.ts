import type { Db, Queryable } from '../../../platform/db/database.js';
import { channels, contributorGroups, figureDimensions, stances, type consultations } from '../tables.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { fail } from '../../../platform/errors.js';
import { formatVietnamInstant, periodAt, periodClosingOn, type IsoWeekday, type Period, type PeriodDeadlineRule, type WeeklySchedule } from '../../../platform/time/index.js';
import { levelDeadline, selectChildrenStatus, type LevelDeadlines } from '../../../core/period-reports/index.js';
import { loadConsultation, selectDocuments } from '../repository.js';
import { selectFigureCells, selectIdenticalGroups, type FigureCell } from '../figures/repository.js';
import { weeklyReportSubject } from './subject.js';
import { selectUnitCodeAndName } from './repository.js';

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
  children: { code: string; name: string; status: WeeklyReportStatus; submissions: number; opinions: number }[];
}

/** A child's weekly report: sent on time, sent late, not yet sent, or not sent and past its deadline (Quá hạn). */
export type WeeklyReportStatus = 'submitted' | 'late' | 'missing' | 'overdue';

export function weeklySchedule(consultation: Consultation): WeeklySchedule {
  return { kind: 'weekly', weekday: consultation.cutoffWeekday as IsoWeekday, time: consultation.cutoffTime };
}

/**
 * The per-level deadlines of the consultation's weekly reports, for the ledger: from the
 * consultation's rules, by default grassroots units (no children) by Tuesday 16:00 and every other
 * level by the cut-off itself.
 */
export function weeklyDeadlines(consultation: Consultation): LevelDeadlines {
  const rules = (consultation.deadlineRules as { level: 'grassroots' | 'default'; rule: PeriodDeadlineRule }[]) ?? [];
  const byLevel = (level: 'grassroots' | 'default') => rules.find((r) => r.level === level)?.rule;
  const cutoff: PeriodDeadlineRule = { kind: 'weekday_before_cutoff', weekday: consultation.cutoffWeekday as IsoWeekday, time: consultation.cutoffTime };
  return {
    byHeight: [byLevel('grassroots') ?? byLevel('default') ?? { kind: 'weekday_before_cutoff', weekday: 2, time: '16:00' }],
    otherwise: byLevel('default') ?? cutoff,
  };
}

/** The deadline of a unit's weekly report (see `weeklyDeadlines`). */
export function reportDeadline(consultation: Consultation, period: Period, grassroots: boolean): Date {
  return levelDeadline(period, weeklyDeadlines(consultation), { kind: '', height: grassroots ? 0 : 1 });
}

const zeros = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));

/** The figure cells one weekly report page needs, read once (the queued tail is evaluated once). */
export interface ReportCells {
  unitId: number;
  /** Start of the first week covered (the opening's week, or earlier for charts). */
  from: Date;
  /** End of the report's week. */
  to: Date;
  /** Totals (dimension 0) of the unit and its direct children for each week in [from, to); the unit's other dimensions for the report's week. */
  cells: FigureCell[];
  children: { id: number; code: string; name: string; submitted: boolean; late: boolean | null; overdue: boolean }[];
}

/**
 * Reads, in one go, the cells of a unit and of its direct children for every week from the opening's
 * week (or `weeks` weeks back, for charts, whichever is earlier) to the end of the week closing on
 * `periodEnd`, and the children's report states (overdue judged at `now`, by default the server's now).
 */
export async function loadReportCells(
  db: Queryable,
  options: { consultation: Consultation; unitId: number; periodEnd: string; weeks?: number; now?: Date | undefined },
): Promise<ReportCells> {
  const { consultation, unitId } = options;
  const period = periodClosingOn(weeklySchedule(consultation), options.periodEnd);
  const firstWeek = periodAt(weeklySchedule(consultation), consultation.opensAt).start;
  const chartStart = new Date(period.end.getTime() - Math.max(1, options.weeks ?? 1) * WEEK_MS);
  const from = new Date(Math.min(firstWeek.getTime(), period.start.getTime(), chartStart.getTime()));
  // The children's report states, from the ledger (a returned version counts as not submitted; it is
  // overdue, like a report never sent, once its deadline has passed).
  const now = options.now ?? new Date();
  const due = { period, deadlines: weeklyDeadlines(consultation), now };
  const children = (await selectChildrenStatus(db, { subject: weeklyReportSubject(consultation.id), periodKey: period.key, parentId: unitId, due })).map((c) => {
    const submitted = c.review !== null && c.review !== 'returned';
    const overdue = !submitted && c.deadline !== null && now.getTime() >= c.deadline.getTime();
    return { id: c.unitId, code: c.code, name: c.name, submitted, late: submitted ? c.status === 'late' : null, overdue };
  });
  // Totals of every week (charts, cumulative, children), breakdowns of the unit's own week only: the
  // queued tail's opinions (documents, stances) are read for that week alone.
  const totals = await selectFigureCells(db, {
    consultationId: consultation.id,
    unitIds: [unitId, ...children.map((c) => c.id)],
    from,
    to: period.end,
    dimensions: [figureDimensions.total],
  });
  const breakdowns = await selectFigureCells(db, {
    consultationId: consultation.id,
    unitIds: [unitId],
    from: period.start,
    to: period.end,
    dimensions: [figureDimensions.channel, figureDimensions.contributorGroup, figureDimensions.document, figureDimensions.stance],
  });
  return { unitId, from, to: period.end, cells: [...totals, ...breakdowns], children };
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * The live weekly figures of a unit and its whole subtree for the week closing on `periodEnd`
 * (counts are of opinions except `submissions`), the cumulative figures since the opening, the
 * number of groups of identical opinions, and the state of each direct child's report. `cells`
 * (from `loadReportCells`) saves reading the figures again.
 */
export async function computeWeeklyReport(
  db: Queryable,
  options: { consultation: Consultation; unitId: number; periodEnd: string; cells?: ReportCells | undefined; now?: Date | undefined },
): Promise<WeeklyReport> {
  const { consultation, unitId } = options;
  const period = periodClosingOn(weeklySchedule(consultation), options.periodEnd);
  const start = period.start;
  const end = period.end;
  const unit = await selectUnitCodeAndName(db, unitId);
  if (!unit) fail('UNIT_NOT_FOUND');
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

  const loaded = options.cells?.unitId === unitId && options.cells.to.getTime() === end.getTime() ? options.cells : await loadReportCells(db, { consultation, unitId, periodEnd: options.periodEnd, now: options.now });
  const childTotals = new Map<number, { submissions: number; opinions: number }>();
  for (const cell of loaded.cells) {
    if (cell.unitId !== unitId) {
      if (cell.dimension === figureDimensions.total && cell.weekStart === start.getTime()) childTotals.set(cell.unitId, { submissions: cell.contributors, opinions: cell.opinions });
      continue;
    }
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
  report.identicalGroups = await selectIdenticalGroups(db, { consultationId: consultation.id, unitId, weekStart: start, weekEnd: end });
  report.children = loaded.children.map((c) => ({
    code: c.code,
    name: c.name,
    status: c.submitted ? (c.late ? 'late' : 'submitted') : c.overdue ? 'overdue' : 'missing',
    submissions: childTotals.get(c.id)?.submissions ?? 0,
    opinions: childTotals.get(c.id)?.opinions ?? 0,
  }));
  return report;
}

/** The weekly report of a unit the actor may see (children overdue as of `now`, by default the server's now). */
export async function getWeeklyReport(db: Db, options: { actor: Actor; consultationCode: string; unitId: number; periodEnd: string; now?: Date | undefined }) {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  const consultation = await loadConsultation(db, options.consultationCode);
  return computeWeeklyReport(db, { consultation, unitId: options.unitId, periodEnd: options.periodEnd, now: options.now });
}
