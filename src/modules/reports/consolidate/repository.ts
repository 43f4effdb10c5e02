/**
 * SQL of consolidation and status: a period's expected units reporting to a unit with their newest
 * version in the ledger (one statement, a lateral probe per unit on the ledger's version index), and
 * the own content of every expected unit below a unit (`reporting_path @> array[U]`, GIN-indexed).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { IndicatorValue, ReportContent } from '../../../shared/report-form.js';
import type { PeriodReportState } from '../../../core/period-reports/index.js';
import { REPORT_SUBJECT_KIND } from '../fill/subject.js';

export interface PeriodRef {
  regimeId: number;
  periodId: number;
  periodKey: string;
}

export interface ReportingChildRow {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  deadline: Date;
  receives: boolean;
  submissionId: number | null;
  version: number | null;
  state: PeriodReportState | null;
  late: boolean | null;
  submittedAt: Date | null;
  /** The newest version's sent values and narrative (null when nothing was sent). */
  values: Record<string, IndicatorValue> | null;
  narrative: string[] | null;
}

/** The newest version of the period sent by `unit` (an SQL expression), as a lateral subquery. */
export function newestVersion(ref: PeriodRef, unit: SQL, onlyLive = false): SQL {
  const live = onlyLive ? sql`and s.state <> 'returned'` : sql``;
  return sql`lateral (
      select s.id, s.version, s.state, s.late, s.submitted_at, s.snapshot from period_report_submissions s
      where s.subject_kind = ${REPORT_SUBJECT_KIND} and s.subject_id = ${ref.regimeId} and s.period_key = ${ref.periodKey} and s.unit_id = ${unit} ${live}
      order by s.version desc limit 1) s`;
}

type ChildSqlRow = {
  unit_id: number;
  code: string;
  name: string;
  kind: string;
  deadline: string | Date;
  receives: boolean;
  submission_id: number | null;
  version: number | null;
  state: PeriodReportState | null;
  late: boolean | null;
  submitted_at: string | Date | null;
  values: Record<string, IndicatorValue> | null;
  narrative: string[] | null;
};

/** The expected units that report to `recipientUnitId`, in the order of the unit tree, each with its newest version. */
export async function selectReportingChildren(db: Queryable, ref: PeriodRef, recipientUnitId: number): Promise<ReportingChildRow[]> {
  const rows = await db.execute<ChildSqlRow>(sql`
    select e.unit_id, u.code, u.name, u.kind, e.deadline, e.receives, s.id as submission_id, s.version, s.state, s.late, s.submitted_at,
           s.snapshot -> 'values' as values, s.snapshot -> 'narrative' as narrative
    from report_period_units e
    join units u on u.id = e.unit_id
    left join ${newestVersion(ref, sql`e.unit_id`)} on true
    where e.period_id = ${ref.periodId} and e.recipient_unit_id = ${recipientUnitId}
    order by u.sort_order, u.name, u.id`);
  return rows.rows.map((r) => ({
    unitId: r.unit_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    deadline: new Date(r.deadline),
    receives: r.receives,
    submissionId: r.submission_id,
    version: r.version,
    state: r.state,
    late: r.late,
    submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
    values: r.values,
    narrative: r.narrative,
  }));
}

export interface OwnContentRow {
  unitId: number;
  /** The direct reporting child of the consolidating unit this unit reports through (itself when it is one). */
  childId: number;
  /** The own values and "no activity" flag of its newest version not returned (empty when it has none). */
  values: Record<string, IndicatorValue>;
  noActivity: boolean;
}

/**
 * Every expected unit reporting (directly or not) to `unitId`, with the own values it last sent and
 * the direct child it reports through — unit by unit. Consolidation no longer reads this (the live
 * sums are added up in SQL, repository-live.ts); it is the reference those sums are tested against.
 */
export async function selectOwnContentBelow(db: Queryable, ref: PeriodRef, unitId: number): Promise<OwnContentRow[]> {
  const rows = await db.execute<{ unit_id: number; child_id: number; values: Record<string, IndicatorValue> | null; no_activity: boolean | null }>(sql`
    select e.unit_id,
           coalesce(e.reporting_path[array_position(e.reporting_path, ${unitId}::int) - 1], e.unit_id) as child_id,
           s.snapshot -> 'own' -> 'values' as values, (s.snapshot -> 'own' ->> 'noActivity')::boolean as no_activity
    from report_period_units e
    left join ${newestVersion(ref, sql`e.unit_id`, true)} on true
    where e.period_id = ${ref.periodId} and e.reporting_path @> array[${unitId}::int]`);
  return rows.rows.map((r) => ({ unitId: r.unit_id, childId: r.child_id, values: r.values ?? {}, noActivity: r.no_activity ?? false }));
}

/** A unit's own content from its newest version not returned (undefined when it has none). */
export async function selectOwnSent(db: Queryable, ref: PeriodRef, unitId: number): Promise<ReportContent | undefined> {
  const rows = await db.execute<{ own: ReportContent | null }>(sql`
    select s.snapshot -> 'own' as own from (select ${unitId}::int as id) x left join ${newestVersion(ref, sql`x.id`, true)} on true`);
  return rows.rows[0]?.own ?? undefined;
}
