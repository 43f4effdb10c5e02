/**
 * What the weekly report shows beside the live figures of `computeWeeklyReport`: the figures of
 * the last weeks (from the weekly figures kept at write time), the week-over-week change,
 * the number of contributors behind each breakdown cell (for the "< 5" rule of exports) and the
 * frozen reports the unit and its children submitted for the week.
 */
import type { Queryable } from '../../../platform/db/database.js';
import type { SQL } from 'drizzle-orm';
import { figureDimensions, type consultations } from '../tables.js';
import { selectLatestOfUnitAndChildren } from '../../../core/period-reports/index.js';
import { selectFigureCells, selectWeeksWithData } from '../figures/repository.js';
import { weeklyReportSubject } from './subject.js';
import { selectConsultationsWithDocuments } from './repository.js';
import {
  WEEKDAY_NAMES_VI,
  formatViDate,
  formatVietnamInstant,
  isoWeekdayOf,
  parseIsoDate,
  periodAt,
  periodClosingOn,
  periodLabel,
  periodsOverlapping,
  type Period,
  type WeeklySchedule,
} from '../../../platform/time/index.js';
import type { ReportCells, WeeklyReport } from './weekly-report.js';
import { weeklySchedule } from './weekly-report.js';

type Consultation = typeof consultations.$inferSelect;

/** "Tuần chốt 16:00 thứ Tư 05/11/2025": the name of a week in pickers. */
export function weekPickerLabel(period: Period<WeeklySchedule>): string {
  const closing = parseIsoDate(period.closingDate);
  return `Tuần chốt ${period.schedule.time} ${WEEKDAY_NAMES_VI[isoWeekdayOf(closing)]} ${formatViDate(closing)}`;
}

export interface WeekPoint {
  /** The Vietnam date of the cut-off that closes the week (what `periodEnd` takes). */
  periodEnd: string;
  /** "05/11": the closing day, for chart axes. */
  shortLabel: string;
  /** "Tuần 30/10/2025 – 05/11/2025 (chốt 16:00 thứ Tư 05/11/2025)". */
  label: string;
  submissions: number;
  opinions: number;
}

/** Whether preloaded report cells hold the unit's weeks in [from, to). */
function covers(cells: ReportCells | undefined, unitId: number, from: Date, to: Date): cells is ReportCells {
  return cells !== undefined && cells.unitId === unitId && cells.from.getTime() <= from.getTime() && cells.to.getTime() === to.getTime();
}

/**
 * Submissions and opinions per week of the unit's subtree, for the `weeks` weeks ending with the
 * week that closes on `periodEnd` (not before the week of the opening), oldest first, from the
 * weekly figures (`figures-repository.ts`).
 */
export async function opinionsPerWeek(
  db: Queryable,
  options: { consultation: Consultation; unitId: number; periodEnd: string; weeks?: number; cells?: ReportCells | undefined },
): Promise<WeekPoint[]> {
  const { consultation, unitId } = options;
  const schedule = weeklySchedule(consultation);
  const last = periodClosingOn(schedule, options.periodEnd);
  const weeks = Math.max(1, Math.min(options.weeks ?? 8, 104));
  const earliest = new Date(last.end.getTime() - weeks * 7 * 24 * 3600 * 1000);
  const opening = periodAt(schedule, consultation.opensAt).start;
  const from = new Date(Math.max(earliest.getTime(), Math.min(opening.getTime(), last.start.getTime())));
  const periods = periodsOverlapping(schedule, from, last.end);
  const cells = covers(options.cells, unitId, from, last.end)
    ? options.cells.cells.filter((c) => c.unitId === unitId && c.dimension === figureDimensions.total)
    : await selectFigureCells(db, { consultationId: consultation.id, unitIds: [unitId], from, to: last.end, dimensions: [figureDimensions.total] });
  const byStart = new Map(cells.map((c) => [c.weekStart, { submissions: c.contributors, opinions: c.opinions }]));
  return periods.map((p) => {
    const row = byStart.get(p.start.getTime());
    return {
      periodEnd: p.closingDate,
      shortLabel: formatViDate(parseIsoDate(p.closingDate)).slice(0, 5),
      label: periodLabel(p),
      submissions: row?.submissions ?? 0,
      opinions: row?.opinions ?? 0,
    };
  });
}

export interface WeekChange {
  previousPeriodEnd: string | null;
  previous: { submissions: number; opinions: number };
  /** This week minus the previous one. */
  submissions: number;
  opinions: number;
  /** Relative change in percent, null when the previous week had nothing. */
  submissionsPercent: number | null;
  opinionsPercent: number | null;
}

const percent = (now: number, before: number) => (before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10);

/** The change from the week before (the second-to-last point of the history) to this week's figures. */
export function weekOverWeek(history: readonly WeekPoint[], current: { submissions: number; opinions: number }): WeekChange {
  const before = history.length >= 2 ? history[history.length - 2] : undefined;
  const previous = { submissions: before?.submissions ?? 0, opinions: before?.opinions ?? 0 };
  return {
    previousPeriodEnd: before?.periodEnd ?? null,
    previous,
    submissions: current.submissions - previous.submissions,
    opinions: current.opinions - previous.opinions,
    submissionsPercent: percent(current.submissions, previous.submissions),
    opinionsPercent: percent(current.opinions, previous.opinions),
  };
}

/** Number of distinct submissions (contributors) behind each breakdown cell of the weekly report. */
export interface ContributorCounts {
  byChannel: Record<string, number>;
  byContributorGroup: Record<string, number>;
  byDocument: Record<string, number>;
  byStance: Record<string, number>;
}

/** Contributors per breakdown cell, keyed like the report's breakdowns (documents by code). */
export async function contributorCounts(
  db: Queryable,
  options: { consultation: Consultation; unitId: number; periodEnd: string; documentCodes: Map<number, string>; cells?: ReportCells | undefined },
): Promise<ContributorCounts> {
  const { consultation } = options;
  const period = periodClosingOn(weeklySchedule(consultation), options.periodEnd);
  const cells = covers(options.cells, options.unitId, period.start, period.end)
    ? options.cells.cells.filter((c) => c.unitId === options.unitId && c.weekStart === period.start.getTime())
    : await selectFigureCells(db, {
        consultationId: consultation.id,
        unitIds: [options.unitId],
        from: period.start,
        to: period.end,
        dimensions: [figureDimensions.channel, figureDimensions.contributorGroup, figureDimensions.document, figureDimensions.stance],
      });
  const counts: ContributorCounts = { byChannel: {}, byContributorGroup: {}, byDocument: {}, byStance: {} };
  for (const cell of cells) {
    if (cell.dimension === figureDimensions.channel) counts.byChannel[cell.value] = cell.contributors;
    else if (cell.dimension === figureDimensions.contributorGroup) counts.byContributorGroup[cell.value] = cell.contributors;
    else if (cell.dimension === figureDimensions.document) counts.byDocument[options.documentCodes.get(Number(cell.value)) ?? cell.value] = cell.contributors;
    else if (cell.dimension === figureDimensions.stance) counts.byStance[cell.value] = cell.contributors;
  }
  return counts;
}

/** A report as submitted to the parent: when, whether late, and its frozen figures. */
export interface FrozenReport {
  unitId: number;
  code: string;
  name: string;
  submittedAt: Date;
  deadline: Date;
  late: boolean;
  submittedBy: string | null;
  snapshot: WeeklyReport;
}

/**
 * The frozen reports of the week of the unit itself (`own`) and of its direct children (by code):
 * the version each sent to the ledger, unless it was returned.
 */
export async function frozenReports(
  db: Queryable,
  options: { consultationId: number; unitId: number; periodEnd: string },
): Promise<{ own: FrozenReport | null; children: Map<string, FrozenReport> }> {
  const sent = await selectLatestOfUnitAndChildren(db, { subject: weeklyReportSubject(options.consultationId), unitId: options.unitId, periodKey: options.periodEnd });
  let own: FrozenReport | null = null;
  const children = new Map<string, FrozenReport>();
  for (const r of sent) {
    if (r.state === 'returned') continue;
    const report: FrozenReport = {
      unitId: r.unitId,
      code: r.code,
      name: r.name,
      submittedAt: r.submittedAt,
      deadline: r.deadline,
      late: r.late,
      submittedBy: r.submittedBy,
      snapshot: r.snapshot as WeeklyReport,
    };
    if (r.unitId === options.unitId) own = report;
    else children.set(r.code, report);
  }
  return { own, children };
}

export interface ConsultationSummary {
  code: string;
  title: string;
  /** The name of the unit that opened it; null: system-wide. */
  owner: string | null;
  /** ISO instants, Vietnam offset. */
  opensAt: string;
  closesAt: string | null;
  cutoff: string;
  documents: { code: string; title: string }[];
  /** The weeks from the opening to the current one (or the closing), newest first; `hasData`: some feedback was received that week. */
  weeks: { periodEnd: string; label: string; hasData: boolean }[];
  /** The week containing `now`, clamped to the consultation's weeks. */
  currentPeriodEnd: string;
}

/** Every consultation, newest first, with its documents and weeks (for pickers), those with data marked. */
export async function listConsultationSummaries(db: Queryable, visible: (owner: SQL) => SQL, now = new Date()): Promise<ConsultationSummary[]> {
  const withData = await selectWeeksWithData(db);
  const { consultations: rows, documents } = await selectConsultationsWithDocuments(db, visible);
  return rows.reverse().map((c) => {
    const schedule = weeklySchedule(c);
    const firstWeek = periodAt(schedule, c.opensAt);
    const limit = c.closesAt && c.closesAt.getTime() < now.getTime() ? new Date(c.closesAt.getTime() - 1) : now;
    const lastWeek = periodAt(schedule, limit.getTime() < firstWeek.start.getTime() ? firstWeek.start : limit);
    const weeks = periodsOverlapping(schedule, firstWeek.start, lastWeek.end)
      .slice(-260)
      .reverse()
      .map((p) => ({ periodEnd: p.closingDate, label: weekPickerLabel(p), hasData: withData.get(c.id)?.has(p.start.getTime()) ?? false }));
    return {
      code: c.code,
      title: c.title,
      owner: c.ownerName,
      opensAt: formatVietnamInstant(c.opensAt),
      closesAt: c.closesAt ? formatVietnamInstant(c.closesAt) : null,
      cutoff: `${c.cutoffTime} ${WEEKDAY_NAMES_VI[schedule.weekday]}`,
      documents: documents.filter((d) => d.consultation_id === c.id).map((d) => ({ code: d.code, title: d.title })),
      weeks,
      currentPeriodEnd: lastWeek.closingDate,
    };
  });
}
