/** SQL of unit headcounts (the participation rate's denominator). */
import { eq } from 'drizzle-orm';
import type { Queryable, Tx } from '../../../platform/db/database.js';
import { unitHeadcounts } from '../tables.js';

export type Headcount = typeof unitHeadcounts.$inferSelect;

export async function selectHeadcount(db: Queryable, unitId: number): Promise<Headcount | null> {
  const rows = await db.select().from(unitHeadcounts).where(eq(unitHeadcounts.unitId, unitId));
  return rows[0] ?? null;
}

/** Locks the unit's headcount row, if any (two admins setting it apply one after the other). */
export async function selectHeadcountForUpdate(tx: Tx, unitId: number): Promise<Headcount | null> {
  const rows = await tx.select().from(unitHeadcounts).where(eq(unitHeadcounts.unitId, unitId)).for('update');
  return rows[0] ?? null;
}

export async function upsertHeadcount(tx: Tx, row: { unitId: number; headcount: number; label: string | null; updatedByUserId: number | null }): Promise<void> {
  const at = new Date();
  await tx
    .insert(unitHeadcounts)
    .values({ ...row, updatedAt: at })
    .onConflictDoUpdate({ target: unitHeadcounts.unitId, set: { headcount: row.headcount, label: row.label, updatedByUserId: row.updatedByUserId, updatedAt: at } });
}

export async function deleteHeadcount(tx: Tx, unitId: number): Promise<void> {
  await tx.delete(unitHeadcounts).where(eq(unitHeadcounts.unitId, unitId));
}
