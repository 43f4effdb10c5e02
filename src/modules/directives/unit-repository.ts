import { eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';
import { units } from '../../platform/db/schema/index.js';

/** SQL of the units the directives module reads: names, a drafting unit with its children, the demo's owners. */

export async function selectUnitName(db: Queryable, unitId: number): Promise<string> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return row?.name ?? '';
}

/** A unit, its children's names (in tree order) and its parent's name; undefined when there is no such unit. */
export async function selectUnitWithChildren(db: Queryable, unitId: number) {
  const [unit] = await db.select().from(units).where(eq(units.id, unitId));
  if (!unit) return undefined;
  const children = await db.select({ name: units.name }).from(units).where(eq(units.parentId, unitId)).orderBy(units.sortOrder, units.name);
  const [parent] = unit.parentId === null ? [] : await db.select({ name: units.name }).from(units).where(eq(units.id, unit.parentId));
  return { unit, children, parentName: parent?.name ?? null };
}

export async function selectUnitIdsByCodes(db: Queryable, codes: string[]): Promise<{ id: number; code: string }[]> {
  return db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, codes));
}

export async function selectUnitIdByCode(db: Queryable, code: string): Promise<number | undefined> {
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return unit?.id;
}
