/**
 * What the weekly report shows beside the live figures of `computeWeeklyReport`: the figures of
 * the last weeks (one query, bucketed by the consultation's own cut-off), the week-over-week change,
 * the number of contributors behind each breakdown cell (for the "< 5" rule of exports) and the
 * frozen reports the unit and its children submitted for the week.
 *
 * Representative opinions (ý kiến tiêu biểu) are not here: there is no table for editors' picks yet.
 */
import { asc, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';
import { consultations } from '../../platform/db/schema/index.js';
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
} from '../../platform/time/index.js';
import type { WeeklyReport } from './weekly-report.js';
import { weeklySchedule } from './weekly-report.js';

type Consultation = typeof consultations.$inferSelect;

const subtreeOf = (unitId: number) => sql`(with recursive sub(id) as (select ${unitId}::int union select u.id from units u join sub on u.parent_id = sub.id) select id from sub)`;

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

/**
 * Submissions and opinions per week of the unit's subtree, for the `weeks` weeks ending with the
 * week that closes on `periodEnd` (not before the week of the opening), oldest first. One query:
 * weeks are exactly seven days (Vietnam has no daylight saving), so `date_bin` from a cut-off
 * puts every instant in its period.
 */
export async function opinionsPerWeek(
  db: Queryable,
  options: { consultation: Consultation; unitId: number; periodEnd: string; weeks?: number },
): Promise<WeekPoint[]> {
  const { consultation, unitId } = options;
  const schedule = weeklySchedule(consultation);
  const last = periodClosingOn(schedule, options.periodEnd);
  const weeks = Math.max(1, Math.min(options.weeks ?? 8, 104));
  const earliest = new Date(last.end.getTime() - weeks * 7 * 24 * 3600 * 1000);
  const opening = periodAt(schedule, consultation.opensAt).start;
  const from = new Date(Math.max(earliest.getTime(), Math.min(opening.getTime(), last.start.getTime())));
  const periods = periodsOverlapping(schedule, from, last.end);
  const rows = await db.execute<{ bucket_ms: number; submissions: number; opinions: number }>(sql`
    select (extract(epoch from date_bin('7 days', s.submitted_at, ${last.end})) * 1000)::float8 as bucket_ms,
           count(*)::int as submissions, coalesce(sum(s.opinion_count), 0)::int as opinions
    from submissions s
    where s.consultation_id = ${consultation.id} and s.unit_id in ${subtreeOf(unitId)}
      and s.submitted_at >= ${from} and s.submitted_at < ${last.end}
    group by 1`);
  const byStart = new Map(rows.rows.map((r) => [Number(r.bucket_ms), r]));
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
  options: { consultation: Consultation; unitId: number; periodEnd: string; documentCodes: Map<number, string> },
): Promise<ContributorCounts> {
  const { consultation } = options;
  const period = periodClosingOn(weeklySchedule(consultation), options.periodEnd);
  const rows = await db.execute<{ channel: string | null; contributor_group: string | null; document_id: number | null; stance: string | null; n: number }>(sql`
    select s.channel, s.contributor_group, o.document_id, o.stance, count(distinct o.submission_id)::int as n
    from opinions o join submissions s on s.id = o.submission_id
    where o.consultation_id = ${consultation.id} and o.unit_id in ${subtreeOf(options.unitId)}
      and o.submitted_at >= ${period.start} and o.submitted_at < ${period.end}
    group by grouping sets ((s.channel), (s.contributor_group), (o.document_id), (o.stance))`);
  const counts: ContributorCounts = { byChannel: {}, byContributorGroup: {}, byDocument: {}, byStance: {} };
  for (const row of rows.rows) {
    if (row.channel !== null) counts.byChannel[row.channel] = row.n;
    else if (row.contributor_group !== null) counts.byContributorGroup[row.contributor_group] = row.n;
    else if (row.document_id !== null) counts.byDocument[options.documentCodes.get(row.document_id) ?? String(row.document_id)] = row.n;
    else if (row.stance !== null) counts.byStance[row.stance] = row.n;
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

/** The frozen reports of the week of the unit itself (`own`) and of its direct children (by code). */
export async function frozenReports(
  db: Queryable,
  options: { consultationId: number; unitId: number; periodEnd: string },
): Promise<{ own: FrozenReport | null; children: Map<string, FrozenReport> }> {
  const rows = await db.execute<{
    unit_id: number;
    code: string;
    name: string;
    submitted_at: string | Date;
    deadline: string | Date;
    late: boolean;
    submitted_by: string | null;
    snapshot: WeeklyReport;
  }>(sql`
    select w.unit_id, u.code, u.name, w.submitted_at, w.deadline, w.late, us.full_name as submitted_by, w.snapshot
    from weekly_reports w
    join units u on u.id = w.unit_id
    left join users us on us.id = w.submitted_by_user_id
    where w.consultation_id = ${options.consultationId} and w.period_end = ${options.periodEnd}
      and (w.unit_id = ${options.unitId} or u.parent_id = ${options.unitId})`);
  let own: FrozenReport | null = null;
  const children = new Map<string, FrozenReport>();
  for (const r of rows.rows) {
    const report: FrozenReport = {
      unitId: r.unit_id,
      code: r.code,
      name: r.name,
      submittedAt: new Date(r.submitted_at),
      deadline: new Date(r.deadline),
      late: r.late,
      submittedBy: r.submitted_by,
      snapshot: r.snapshot,
    };
    if (r.unit_id === options.unitId) own = report;
    else children.set(r.code, report);
  }
  return { own, children };
}

export interface ConsultationSummary {
  code: string;
  title: string;
  /** ISO instants, Vietnam offset. */
  opensAt: string;
  closesAt: string | null;
  cutoff: string;
  documents: { code: string; title: string }[];
  /** The weeks from the opening to the current one (or the closing), newest first. */
  weeks: { periodEnd: string; label: string }[];
  /** The week containing `now`, clamped to the consultation's weeks. */
  currentPeriodEnd: string;
}

/** Every consultation, newest first, with its documents and weeks (for pickers). */
export async function listConsultationSummaries(db: Queryable, now = new Date()): Promise<ConsultationSummary[]> {
  const rows = await db.select().from(consultations).orderBy(asc(consultations.opensAt));
  const documents = await db.execute<{ consultation_id: number; code: string; title: string }>(
    sql`select consultation_id, code, title from consultation_documents order by consultation_id, position, id`,
  );
  return rows.reverse().map((c) => {
    const schedule = weeklySchedule(c);
    const firstWeek = periodAt(schedule, c.opensAt);
    const limit = c.closesAt && c.closesAt.getTime() < now.getTime() ? new Date(c.closesAt.getTime() - 1) : now;
    const lastWeek = periodAt(schedule, limit.getTime() < firstWeek.start.getTime() ? firstWeek.start : limit);
    const weeks = periodsOverlapping(schedule, firstWeek.start, lastWeek.end)
      .slice(-260)
      .reverse()
      .map((p) => ({ periodEnd: p.closingDate, label: weekPickerLabel(p) }));
    return {
      code: c.code,
      title: c.title,
      opensAt: formatVietnamInstant(c.opensAt),
      closesAt: c.closesAt ? formatVietnamInstant(c.closesAt) : null,
      cutoff: `${c.cutoffTime} ${WEEKDAY_NAMES_VI[schedule.weekday]}`,
      documents: documents.rows.filter((d) => d.consultation_id === c.id).map((d) => ({ code: d.code, title: d.title })),
      weeks,
      currentPeriodEnd: lastWeek.closingDate,
    };
  });
}
