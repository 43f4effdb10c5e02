/**
 * SQL of monitoring: counts over a unit's reporting subtree (`reporting_path @> array[U]`) and the
 * grid of its reporting children over several periods, each in one statement.
 */
import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import type { IndicatorValue, ReportContent } from '../../../shared/report-form.js';
import type { PeriodReportState } from '../../../core/period-reports/index.js';
import { REPORT_SUBJECT_KIND } from '../fill/subject.js';
import type { PeriodRow } from '../fill/repository.js';
import { newestVersion, type PeriodRef } from '../consolidate/repository.js';

export interface SubtreeCounts {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
}

/** Every expected unit reporting (directly or not) to `unitId`, each once, by its newest version. */
export async function selectSubtreeCounts(db: Queryable, ref: PeriodRef, unitId: number): Promise<SubtreeCounts> {
  const rows = await db.execute<{ expected: number; onTime: number; late: number; missing: number }>(sql`
    select count(*)::int as expected,
           count(*) filter (where s.id is not null and not s.late)::int as "onTime",
           count(*) filter (where s.late)::int as late,
           count(*) filter (where s.id is null)::int as missing
    from report_period_units e
    left join ${newestVersion(ref, sql`e.unit_id`)} on true
    where e.period_id = ${ref.periodId} and e.reporting_path @> array[${unitId}::int]`);
  return rows.rows[0] ?? { expected: 0, onTime: 0, late: 0, missing: 0 };
}

/** The regime's opened periods started by `now`, newest first, at most `limit`. */
export async function selectRecentPeriods(db: Queryable, regimeId: number, now: Date, limit: number): Promise<PeriodRow[]> {
  const rows = await db.execute<{ id: number; period_key: string; closing_date: string; period_start: string | Date; period_end: string | Date }>(sql`
    select id, period_key, closing_date, period_start, period_end from report_periods
    where regime_id = ${regimeId} and period_start <= ${now}
    order by period_end desc limit ${limit}`);
  return rows.rows.map((r) => ({ id: r.id, key: r.period_key, closingDate: r.closing_date, start: new Date(r.period_start), end: new Date(r.period_end) }));
}

export interface GridRow {
  periodId: number;
  unitId: number;
  code: string;
  name: string;
  state: PeriodReportState | null;
  late: boolean | null;
  /** The newest version's sent values when it is not returned. */
  values: Record<string, IndicatorValue> | null;
}

/** The reporting children of `unitId` in each period, with their newest version: one statement for all periods. */
export async function selectChildrenOverPeriods(db: Queryable, regimeId: number, periodIds: readonly number[], unitId: number): Promise<GridRow[]> {
  if (periodIds.length === 0) return [];
  const rows = await db.execute<{ period_id: number; unit_id: number; code: string; name: string; state: PeriodReportState | null; late: boolean | null; values: Record<string, IndicatorValue> | null }>(sql`
    select e.period_id, e.unit_id, u.code, u.name, s.state, s.late, case when s.state <> 'returned' then s.snapshot -> 'values' end as values
    from report_period_units e
    join report_periods p on p.id = e.period_id
    join units u on u.id = e.unit_id
    left join lateral (
      select s.state, s.late, s.snapshot from period_report_submissions s
      where s.subject_kind = ${REPORT_SUBJECT_KIND} and s.subject_id = ${regimeId} and s.period_key = p.period_key and s.unit_id = e.unit_id
      order by s.version desc limit 1) s on true
    where e.period_id = any(${pgArray(periodIds)}::int[]) and e.recipient_unit_id = ${unitId}
    order by u.sort_order, u.name, u.id`);
  return rows.rows.map((r) => ({ periodId: r.period_id, unitId: r.unit_id, code: r.code, name: r.name, state: r.state, late: r.late, values: r.values }));
}

/** The unit's own content in each period: its newest version not returned, else its draft. */
export async function selectOwnOverPeriods(db: Queryable, regimeId: number, periodIds: readonly number[], unitId: number): Promise<Map<number, ReportContent>> {
  if (periodIds.length === 0) return new Map();
  const rows = await db.execute<{ id: number; own: ReportContent | null }>(sql`
    select p.id, coalesce(s.snapshot -> 'own', d.content) as own
    from report_periods p
    left join lateral (
      select s.snapshot from period_report_submissions s
      where s.subject_kind = ${REPORT_SUBJECT_KIND} and s.subject_id = ${regimeId} and s.period_key = p.period_key and s.unit_id = ${unitId} and s.state <> 'returned'
      order by s.version desc limit 1) s on true
    left join report_drafts d on d.period_id = p.id and d.unit_id = ${unitId}
    where p.id = any(${pgArray(periodIds)}::int[])`);
  return new Map(rows.rows.flatMap((r) => (r.own ? [[r.id, r.own] as const] : [])));
}
