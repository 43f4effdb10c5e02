/** SQL of report regimes: read one, insert, update, archive, and the units a definition names by code. */
import { eq, inArray, sql } from 'drizzle-orm';
import { units } from '../../../platform/db/schema/org.js';
import { pgArray, type Queryable, type Tx } from '../../../platform/db/database.js';
import { unitPaths } from '../../../core/unit-tree/index.js';
import { reportRegimes } from '../tables.js';

export type Regime = typeof reportRegimes.$inferSelect;
/** What a definition writes (the rest: id, timestamps, archiving). */
export type RegimeWrite = Omit<typeof reportRegimes.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'archivedAt' | 'createdByUserId'>;

export async function selectRegimeById(db: Queryable, id: number): Promise<Regime | null> {
  const rows = await db.select().from(reportRegimes).where(eq(reportRegimes.id, id));
  return rows[0] ?? null;
}

export async function selectRegimeByCode(db: Queryable, code: string): Promise<Regime | null> {
  const rows = await db.select().from(reportRegimes).where(eq(reportRegimes.code, code));
  return rows[0] ?? null;
}

/** Locks the regime's row for an update (two definitions of one code apply one after the other). */
export async function selectRegimeByCodeForUpdate(tx: Tx, code: string): Promise<Regime | null> {
  const rows = await tx.select().from(reportRegimes).where(eq(reportRegimes.code, code)).for('update');
  return rows[0] ?? null;
}

export async function selectRegimeByIdForUpdate(tx: Tx, id: number): Promise<Regime | null> {
  const rows = await tx.select().from(reportRegimes).where(eq(reportRegimes.id, id)).for('update');
  return rows[0] ?? null;
}

/** Inserts a regime unless its code exists (a concurrent definition): the new id, or null. */
export async function insertRegime(tx: Tx, row: RegimeWrite & { createdByUserId: number | null }): Promise<number | null> {
  const inserted = await tx.insert(reportRegimes).values(row).onConflictDoNothing().returning({ id: reportRegimes.id });
  return inserted[0]?.id ?? null;
}

export async function updateRegime(tx: Tx, id: number, row: RegimeWrite): Promise<void> {
  await tx
    .update(reportRegimes)
    .set({ ...row, updatedAt: new Date() })
    .where(eq(reportRegimes.id, id));
}

export async function archiveRegime(tx: Tx, id: number, at: Date): Promise<void> {
  await tx.update(reportRegimes).set({ archivedAt: at, updatedAt: at }).where(eq(reportRegimes.id, id));
}

/** A unit a definition names, and whether it lies in the issuer's subtree. */
export interface NamedUnit {
  id: number;
  code: string;
  kind: string;
  inIssuerSubtree: boolean;
}

/** The units of `codes` (absent codes: no row), each with whether `issuerId` is it or one of its ancestors. */
export async function selectUnitsByCodes(db: Queryable, codes: readonly string[], issuerId: number | null): Promise<NamedUnit[]> {
  if (codes.length === 0) return [];
  const result = await db.execute<{ id: number; code: string; kind: string; inside: boolean }>(sql`
    select u.id, u.code, u.kind, coalesce(${issuerId}::int = any(p.path), false) as inside
    from units u left join ${unitPaths(sql`array(select id from units where code = any(${pgArray([...new Set(codes)])}::text[]))`)} p on p.unit_id = u.id
    where u.code = any(${pgArray([...new Set(codes)])}::text[])`);
  return result.rows.map((r) => ({ id: r.id, code: r.code, kind: r.kind, inIssuerSubtree: r.inside }));
}

/** Codes of units by id (to write a stored definition back with codes). */
export async function selectUnitCodes(db: Queryable, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.code]));
}
