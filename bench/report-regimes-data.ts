/**
 * Data of the report regimes benchmark (bench/report-regimes.ts), written set-based in the ledger's
 * format (core/period-reports `period_report_submissions`, snapshots as the reports module freezes
 * them: `{own, values, children, narrative}`), one statement per period or per level.
 */
import type pg from 'pg';
import { figuresKey } from '../src/modules/reports/consolidate/figures.js';

export const INDICATORS = 30;
export const indicatorCodes = Array.from({ length: INDICATORS }, (_, i) => `I${String(i + 1).padStart(2, '0')}`);

/** The weekly regime's definition (`lantoa reports define` JSON): 30 summed indicators, cells by Tuesday 16:00, committees by the cut-off. */
export function benchDefinition(issuerCode: string) {
  return {
    code: 'BENCH-TUAN',
    name: 'Báo cáo tuần (benchmark)',
    issuerUnit: issuerCode,
    type: 'periodic' as const,
    frequency: { kind: 'weekly' as const, weekday: 'wednesday' as const, time: '16:00' },
    reportingUnitKinds: ['party_cell' as const, 'party_committee' as const],
    deadlines: [{ unitKinds: ['party_cell' as const], weekday: 'tuesday' as const, time: '16:00' }],
    indicators: indicatorCodes.map((code, i) => ({ code, label: `Chỉ tiêu ${i + 1}`, type: 'integer' as const, aggregation: 'sum' as const })),
    outline: ['Kết quả', 'Hạn chế và nguyên nhân', 'Đề xuất, kiến nghị', 'Nhiệm vụ tuần tới'],
  };
}

/** A unit's own values in a period (deterministic), as an SQL expression over `e.unit_id` and `p.id`. */
const OWN_VALUES = `(select jsonb_object_agg('I' || lpad(i::text, 2, '0'), (e.unit_id + i * p.id) % 40) from generate_series(1, ${INDICATORS}) i)`;
/** The same values as the version's typed figures (modules/reports consolidate/figures.ts: 30 sums, in form order) and their layout's key. */
const OWN_FIGURES = `array(select ((e.unit_id + i * p.id) % 40)::float8 from generate_series(1, ${INDICATORS}) i order by i)`;
const FIGURES_KEY = `'${figuresKey(benchDefinition('').indicators)}'`;
const snapshotOf = (own: string, values: string) =>
  `jsonb_build_object('own', jsonb_build_object('values', ${own}, 'notes', '{}'::jsonb, 'prefilled', '{}'::jsonb, 'narrative', '[]'::jsonb, 'noActivity', false),
     'values', ${values}, 'children', '[]'::jsonb, 'narrative', '[]'::jsonb)`;
const COLUMNS = `subject_kind, subject_id, unit_id, recipient_unit_id, period_key, period_start, period_end, deadline, version, submitted_at, late, snapshot, state, figures, figures_key`;

/**
 * A closed period's history: 95 % of the expected units sent (a tenth of them late), a seventh
 * approved; leaves and receivers alike with their own values (history is read by monitoring only).
 */
export async function insertClosedPeriod(pool: pg.Pool, regimeId: number, periodId: number): Promise<number> {
  const result = await pool.query(
    `insert into period_report_submissions (${COLUMNS})
     select 'reports.regime', $1, e.unit_id, e.recipient_unit_id, p.period_key, p.period_start, p.period_end, e.deadline, 1,
       e.deadline + make_interval(mins => case when h.h % 10 = 0 then 30 + h.h % 600 else -(60 + h.h % 2000) end), h.h % 10 = 0,
       ${snapshotOf('v.own', 'v.own')}, case when h.h % 7 = 0 then 'approved' else 'submitted' end, ${OWN_FIGURES}, ${FIGURES_KEY}
     from report_periods p join report_period_units e on e.period_id = p.id
     cross join lateral (select ((e.unit_id::bigint * 7919 + p.id * 104729) % 1000)::int as h) h
     cross join lateral (select ${OWN_VALUES} as own) v
     where p.id = $2 and h.h % 20 <> 0`,
    [regimeId, periodId],
  );
  return result.rowCount ?? 0;
}

/** Whether insertCurrentLeaves sends the cell's report (4 cells in 5, the same hash as its SQL). */
export function sentBeforeRush(unitId: number, periodId: number): boolean {
  return ((unitId * 7919 + periodId * 104729) % 1000) % 5 !== 0;
}

/** The current period before the rush: 80 % of the leaves that are not in the rush set, sent on time (the units given — the rush's and its warm-up's — are left to them). */

export async function insertCurrentLeaves(pool: pg.Pool, regimeId: number, periodId: number, leftUnitIds: number[]): Promise<number> {
  const result = await pool.query(
    `insert into period_report_submissions (${COLUMNS})
     select 'reports.regime', $1, e.unit_id, e.recipient_unit_id, p.period_key, p.period_start, p.period_end, e.deadline, 1,
       least(now(), e.deadline) - make_interval(mins => 60 + h.h), false, ${snapshotOf('v.own', 'v.own')}, 'submitted', ${OWN_FIGURES}, ${FIGURES_KEY}
     from report_periods p join report_period_units e on e.period_id = p.id
     cross join lateral (select ((e.unit_id::bigint * 7919 + p.id * 104729) % 1000)::int as h) h
     cross join lateral (select ${OWN_VALUES} as own) v
     where p.id = $2 and not e.receives and h.h % 5 <> 0 and e.unit_id <> all($3::int[])`,
    [regimeId, periodId, leftUnitIds],
  );
  return result.rowCount ?? 0;
}

/**
 * The receivers' consolidations of the current period, deepest level first: own values plus the
 * direct children's sent values (latest live version), frozen as the module does, so the
 * consolidated figures equal the live sums at every level.
 */
export async function insertCurrentReceivers(pool: pg.Pool, regimeId: number, periodId: number): Promise<number> {
  const depths = await pool.query<{ d: number }>(
    `select distinct cardinality(reporting_path) as d from report_period_units where period_id = $1 and receives order by d desc`,
    [periodId],
  );
  let inserted = 0;
  for (const { d } of depths.rows) {
    const result = await pool.query(
      `with kids as (
         select c.recipient_unit_id as unit_id, kv.key, sum(kv.value::numeric) as total
         from report_period_units c
         join report_periods p on p.id = c.period_id
         join period_report_submissions s on s.subject_kind = 'reports.regime' and s.subject_id = $1 and s.period_key = p.period_key
           and s.unit_id = c.unit_id and s.state <> 'returned'
         cross join jsonb_each(s.snapshot -> 'values') kv
         where c.period_id = $2 and c.recipient_unit_id in (select unit_id from report_period_units where period_id = $2 and receives and cardinality(reporting_path) = $3)
         group by 1, 2)
       insert into period_report_submissions (${COLUMNS})
       select 'reports.regime', $1, e.unit_id, e.recipient_unit_id, p.period_key, p.period_start, p.period_end, e.deadline, 1,
         least(now(), e.deadline) - interval '5 minutes', false,
         ${snapshotOf('v.own', `(select jsonb_object_agg(o.key, o.value::numeric + coalesce(k.total, 0)) from jsonb_each(v.own) o left join kids k on k.unit_id = e.unit_id and k.key = o.key)`)},
         'submitted', ${OWN_FIGURES}, ${FIGURES_KEY}
       from report_periods p join report_period_units e on e.period_id = p.id
       cross join lateral (select ${OWN_VALUES} as own) v
       where p.id = $2 and e.receives and cardinality(e.reporting_path) = $3`,
      [regimeId, periodId, d],
    );
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/** One editor per commune holding rush cells (a grant on the commune holds for its cells): their ids by commune. */
export async function insertEditors(pool: pg.Pool, communeIds: number[], passwordHash: string): Promise<Map<number, number>> {
  const users = await pool.query<{ id: number; commune: number }>(
    `insert into users (username, full_name, password_hash)
     select 'bientap.' || c, 'Biên tập ' || c, $2 from unnest($1::int[]) c
     returning id, substring(username from 9)::int as commune`,
    [communeIds, passwordHash],
  );
  await pool.query(`insert into role_grants (user_id, role, unit_id) select u, 'editor', c from unnest($1::int[], $2::int[]) as x(u, c)`, [
    users.rows.map((r) => r.id),
    users.rows.map((r) => r.commune),
  ]);
  return new Map(users.rows.map((r) => [r.commune, r.id]));
}
