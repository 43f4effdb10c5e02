/**
 * SQL of the live sums: the own values of every expected unit reporting (directly or not) to a unit,
 * from its live version (the one not returned: at most one per unit and period, by the ledger's
 * partial unique index), added up in PostgreSQL by each indicator's rule and grouped by the direct
 * child each unit reports through — one row per child, whatever the number of units below. Each
 * unit's part is read from its version's typed figures (figures.ts) when they have the form's
 * current layout, else from its snapshot's JSON.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { ReportIndicator } from '../../../shared/report-form.js';
import { REPORT_SUBJECT_KIND } from '../fill/subject.js';
import type { Partials } from './live.js';
import { figurePlaces, figuresKey, type FigurePlace } from './figures.js';
import type { PeriodRef } from './repository.js';

/**
 * The codes whose values the sums read from a snapshot: every indicator that consolidates, and the
 * weights. All of a unit's are read in one pass over its own values (`jsonb_to_record`, each as
 * jsonb, column `x<i>`): 0.6 times the time of one `#>` path lookup from the document's root per code.
 */
function codesRead(indicators: readonly ReportIndicator[]): string[] {
  const codes = new Set<string>();
  for (const indicator of indicators) {
    if (indicator.aggregation === 'none') continue;
    codes.add(indicator.code);
    if (indicator.aggregation === 'weighted-average' && indicator.weightBy !== undefined) codes.add(indicator.weightBy);
  }
  return [...codes];
}

type Column = (code: string) => SQL;

/** A unit's value as an exact number when it is a JSON number, else null (blank, text, yes/no). */
const numberOf = (x: SQL): SQL => sql`(case when jsonb_typeof(${x}) = 'number' then (${x})::numeric end)`;

/**
 * One unit's partial aggregate of an indicator read from its snapshot's JSON (`partialOf`, as
 * figures.ts stores it): for a version without figures of the current layout.
 */
function jsonPartial(indicator: ReportIndicator, col: Column): SQL {
  const x = col(indicator.code);
  const numeric = indicator.type !== 'text' && indicator.type !== 'yesno';
  switch (indicator.aggregation) {
    case 'sum':
      return numeric ? sql`coalesce(${numberOf(x)}, case when b.no_activity then 0 end)` : numberOf(x);
    case 'max':
    case 'min':
      return numberOf(x);
    case 'count-yes':
      return sql`case jsonb_typeof(${x}) when 'boolean' then (case when ${x} = 'true'::jsonb then 1 else 0 end) when 'number' then (${x})::numeric end`;
    case 'weighted-average':
      return indicator.weightBy === undefined ? sql`null` : sql`${numberOf(x)} * ${numberOf(col(indicator.weightBy))}`;
    case 'none':
      return sql`null`;
  }
}

/** The weight (w) of a weighted average's partial read from the snapshot's JSON. */
function jsonWeight(indicator: ReportIndicator, col: Column): SQL {
  if (indicator.weightBy === undefined) return sql`null`;
  return sql`case when jsonb_typeof(${col(indicator.code)}) = 'number' then ${numberOf(col(indicator.weightBy))} end`;
}

/** A unit's part: its figure at `place` (1-based) when it has the current layout, else the JSON reading. */
const part = (place: number, json: SQL): SQL => sql`case when b.typed then b.f[${sql.raw(String(place))}] else (${json})::float8 end`;

/** The aggregate of one indicator's parts by its rule. */
function aggregateOf(indicator: ReportIndicator, x: SQL): SQL {
  switch (indicator.aggregation) {
    case 'max':
      return sql`max(${x})`;
    case 'min':
      return sql`min(${x})`;
    case 'none':
      return sql`null`;
    default:
      return sql`sum(${x})`;
  }
}

/**
 * The settings that let PostgreSQL read the live sums with parallel workers. The planner counts the
 * per-unit reads (the array subscripts and, for versions without typed figures, `jsonb_to_record`
 * and the casts) as nearly free, so it never finds a parallel plan worth its setup, while they are
 * most of the statement's time (JSON: about 15 µs a unit, 0.7 s for the nation's 45,000 units on
 * one core). Local to a transaction of its own; inside a caller's transaction (a consolidation
 * frozen on submit) the statement runs as planned.
 */
export const PARALLEL_PLAN_SETTINGS =
  "select set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true), " +
  "set_config('min_parallel_index_scan_size', '0', true), set_config('min_parallel_table_scan_size', '0', true)";

function withParallelPlans<T>(db: Queryable, run: (q: Queryable) => Promise<T>): Promise<T> {
  if ('rollback' in db) return run(db);
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(PARALLEL_PLAN_SETTINGS));
    return run(tx);
  });
}

/**
 * Per direct reporting child of `unitId` (or unit below it that reports to it directly), the partial
 * aggregates of every indicator over the own values the child and every unit reporting through it
 * sent (their live version). A child none of whose units sent anything is absent.
 */
export async function selectLivePartialsByChild(
  db: Queryable,
  ref: PeriodRef,
  unitId: number,
  indicators: readonly ReportIndicator[],
): Promise<Map<number, Partials>> {
  const result = new Map<number, Partials>();
  if (indicators.length === 0) return result;
  const codes = codesRead(indicators);
  const col: Column = (code) => sql.raw(`b.x${codes.indexOf(code)}`);
  const places = figurePlaces(indicators);
  const n = indicators.map((indicator, i) => aggregateOf(indicator, part((places[i] as FigurePlace).n, jsonPartial(indicator, col))));
  const w = indicators.map((indicator, i) => {
    const place = (places[i] as FigurePlace).w;
    return place === null ? sql`null` : sql`sum(${part(place, jsonWeight(indicator, col))})`;
  });
  const record = sql.join(
    codes.map((code) => sql`${sql.identifier(code)} jsonb`),
    sql`, `,
  );
  const extracted = codes.map((code, i) => sql`v.${sql.identifier(code)} as ${sql.raw(`x${i}`)}`);
  // A version with figures of the current layout (every one sent since the form last changed) is read
  // from them; jsonb_to_record is then given null and yields nothing (left join: its columns null).
  const typed = sql`s.figures_key is not distinct from ${figuresKey(indicators)}::text`;
  const rows = await withParallelPlans(db, (q) => q.execute<{ child_id: number; n: (number | null)[]; w: (number | null)[] }>(sql`
    select b.child_id,
           array[${sql.join(n, sql`, `)}]::float8[] as n,
           array[${sql.join(w, sql`, `)}]::float8[] as w
    from (
      select coalesce(e.reporting_path[array_position(e.reporting_path, ${unitId}::int) - 1], e.unit_id) as child_id,
             ${typed} as typed, s.figures as f,
             ${codes.length === 0 ? sql`` : sql`${sql.join(extracted, sql`, `)},`}
             case when ${typed} then false else coalesce((s.snapshot #>> '{own,noActivity}')::boolean, false) end as no_activity
      from report_period_units e
      join period_report_submissions s
        on s.subject_kind = ${REPORT_SUBJECT_KIND} and s.subject_id = ${ref.regimeId} and s.period_key = ${ref.periodKey}
       and s.unit_id = e.unit_id and s.state <> 'returned'
      ${codes.length === 0 ? sql`` : sql`left join lateral jsonb_to_record(case when ${typed} then null else s.snapshot #> '{own,values}' end) as v(${record}) on true`}
      where e.period_id = ${ref.periodId} and e.reporting_path @> array[${unitId}::int]
      offset 0
    ) b
    group by b.child_id`));
  for (const row of rows.rows) {
    const partials: Partials = {};
    indicators.forEach((indicator, i) => (partials[indicator.code] = { n: row.n[i] ?? null, w: row.w[i] ?? null }));
    result.set(row.child_id, partials);
  }
  return result;
}
