/**
 * SQL of report periods: a period row opened once (`on conflict do nothing`), and its expected units
 * fixed in one set-based statement over the issuer's subtree.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable, type Tx } from '../../../platform/db/database.js';
import { markedPathCte } from '../../../core/unit-tree/index.js';
import { reportPeriods, reportRegimes, type RecipientMode } from '../tables.js';

/** A stored period of a regime. */
export interface StoredPeriod {
  id: number;
  regimeId: number;
  key: string;
  closingDate: string;
  start: Date;
  end: Date;
  openedAt: Date;
}

const periodColumns = {
  id: reportPeriods.id,
  regimeId: reportPeriods.regimeId,
  key: reportPeriods.periodKey,
  closingDate: reportPeriods.closingDate,
  start: reportPeriods.periodStart,
  end: reportPeriods.periodEnd,
  openedAt: reportPeriods.openedAt,
};

/** Inserts the period unless it exists (same key or closing date): its id when this call created it, else null. */
export async function insertPeriodIfAbsent(tx: Tx, row: { regimeId: number; key: string; closingDate: string; start: Date; end: Date }): Promise<number | null> {
  const inserted = await tx
    .insert(reportPeriods)
    .values({ regimeId: row.regimeId, periodKey: row.key, closingDate: row.closingDate, periodStart: row.start, periodEnd: row.end })
    .onConflictDoNothing()
    .returning({ id: reportPeriods.id });
  return inserted[0]?.id ?? null;
}

export async function selectPeriodByKey(db: Queryable, regimeId: number, key: string): Promise<StoredPeriod | null> {
  const rows = await db
    .select(periodColumns)
    .from(reportPeriods)
    .where(and(eq(reportPeriods.regimeId, regimeId), eq(reportPeriods.periodKey, key)));
  return rows[0] ?? null;
}

/** The opened period of a regime that closes on `closingDate` (`YYYY-MM-DD`), or null when it was never opened. */
export async function selectPeriodByClosingDate(db: Queryable, regimeId: number, closingDate: string): Promise<StoredPeriod | null> {
  const rows = await db
    .select(periodColumns)
    .from(reportPeriods)
    .where(and(eq(reportPeriods.regimeId, regimeId), eq(reportPeriods.closingDate, closingDate)));
  return rows[0] ?? null;
}

/** The ids of the regimes not archived (the job opens their current periods). */
export async function selectActiveRegimeIds(db: Queryable): Promise<number[]> {
  const rows = await db.select({ id: reportRegimes.id }).from(reportRegimes).where(isNull(reportRegimes.archivedAt)).orderBy(reportRegimes.id);
  return rows.map((r) => r.id);
}

/** Who is expected in a period: a regime's rule and the period's first day. */
export interface ExpectedSetRule {
  issuerUnitId: number;
  unitKinds: readonly string[];
  unitIds: readonly number[];
  subtreeUnitIds: readonly number[];
  recipientMode: RecipientMode;
  /** The period's first Vietnam day: a unit counts when active that day. */
  firstDay: string;
}

/** What fixes a period's expected units: who (the rule), to which period, and the deadline of each unit kind that has its own level. */
export interface ExpectedUnitsRule extends ExpectedSetRule {
  periodId: number;
  /** Other kinds are due at `cutoff`. */
  deadlineByKind: ReadonlyMap<string, Date>;
  cutoff: Date;
}

/**
 * `with recursive … placed(id, kind, path)`: the expected units — the units of the listed kinds, the
 * listed units and the listed subtrees, inside the issuer's subtree, issuer excluded, active on the
 * period's first day — each with its reporting path: the expected units above it, nearest first,
 * then the issuer (or the issuer alone in `issuer` mode). The recipient is the path's first.
 * One walk down from the issuer (core/unit-tree `markedPathCte`): going through `unit_paths` for
 * every unit took 4–5 times as long over the 100,000-unit tree.
 */
function placedCtes(rule: ExpectedSetRule): SQL {
  const subtrees = sql`${pgArray(rule.subtreeUnitIds)}::int[]`;
  const walk = markedPathCte('reg_walk', sql`${rule.issuerUnitId}::int`, {
    carry: rule.recipientMode === 'nearest',
    inherited: (unit) => sql`${unit}.id = any(${subtrees})`,
    marked: (unit, inherited) => sql`(${unit}.kind = any(${pgArray(rule.unitKinds)}::text[]) or ${unit}.id = any(${pgArray(rule.unitIds)}::int[]) or ${inherited})
        and (${unit}.active_from is null or ${unit}.active_from <= ${rule.firstDay}::date)
        and (${unit}.active_to is null or ${unit}.active_to >= ${rule.firstDay}::date)`,
  });
  return sql`
    with recursive ${walk},
    placed as (select id, kind, path from reg_walk where marked)`;
}

/**
 * Fixes the expected units of a period in one statement (see `placedCtes`), each with its
 * recipient, its level's deadline and whether others report to it. Returns their number.
 */
export async function insertExpectedUnits(tx: Tx, rule: ExpectedUnitsRule): Promise<number> {
  const kinds = [...rule.deadlineByKind.keys()];
  const deadlines = kinds.map((k) => (rule.deadlineByKind.get(k) as Date).toISOString());
  const result = await tx.execute(sql`
    ${placedCtes(rule)},
    receivers as (select distinct path[1] as id from placed)
    insert into report_period_units (period_id, unit_id, recipient_unit_id, deadline, reporting_path, receives)
    select ${rule.periodId}::int, p.id, p.path[1], coalesce(d.deadline, ${rule.cutoff.toISOString()}::timestamptz), p.path, r.id is not null
    from placed p
    left join unnest(${pgArray(kinds)}::text[], ${pgArray(deadlines)}::timestamptz[]) as d(kind, deadline) on d.kind = p.kind
    left join receivers r on r.id = p.id
    on conflict do nothing`);
  return result.rowCount ?? 0;
}

/** Who would report to whom under a rule, by unit kind: `recipientKind` null when the recipient is the issuer. */
export async function selectLevelPairs(db: Queryable, rule: ExpectedSetRule): Promise<{ kind: string; recipientKind: string | null }[]> {
  const result = await db.execute<{ kind: string; recipient_kind: string | null }>(sql`
    ${placedCtes(rule)}
    select distinct p.kind, r.kind as recipient_kind from placed p left join placed r on r.id = p.path[1]
    order by 1, 2`);
  return result.rows.map((r) => ({ kind: r.kind, recipientKind: r.recipient_kind }));
}
