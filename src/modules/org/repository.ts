import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import { units } from '../../platform/db/schema/index.js';
import { scopedUnitIds } from '../../platform/access/scope.js';
import type { Actor } from '../../platform/access/roles.js';
import { searchKey } from '../../platform/vn/index.js';
import { sortedSubtreeCte } from '../../core/unit-tree/index.js';

/** SQL of the org module's units (users and role grants: repository-users.ts, unit imports: repository-import.ts). */

export const unitColumns = {
  id: units.id,
  code: units.code,
  name: units.name,
  kind: units.kind,
  abbreviation: units.abbreviation,
  parentId: units.parentId,
  sortOrder: units.sortOrder,
  activeFrom: units.activeFrom,
  activeTo: units.activeTo,
  place: units.place,
  signerAuthority: units.signerAuthority,
  signerTitle: units.signerTitle,
  signerName: units.signerName,
};

export type UnitRow = typeof units.$inferSelect;

export function unitSearchKey(unit: { name: string; code: string; abbreviation?: string | null }): string {
  return searchKey([unit.name, unit.code, unit.abbreviation ?? ''].join(' '));
}

/** The units the actor may see, optionally only those matching a diacritic-insensitive query. */
export async function selectVisibleUnits(db: Queryable, actor: Actor, query?: string) {
  const conditions: SQL[] = [sql`${units.id} in ${scopedUnitIds(actor, 'viewer')}`];
  const tokens = query ? searchKey(query).split(' ').filter(Boolean) : [];
  if (tokens.length > 0) {
    const patterns = tokens.map((t) => `%${t.replace(/[\\%_]/g, (c) => '\\' + c)}%`);
    conditions.push(sql`${units.searchKey} like all(${pgArray(patterns)}::text[])`);
  }
  return db
    .select(unitColumns)
    .from(units)
    .where(and(...conditions))
    .orderBy(asc(units.sortOrder), asc(units.name), asc(units.id));
}

export async function selectUnit(db: Queryable, id: number): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row;
}

/** Units by code; any number of codes travel as one array parameter (not one parameter each). */
export async function selectUnitsByCodes(db: Queryable, codes: string[]): Promise<UnitRow[]> {
  if (codes.length === 0) return [];
  return db.select().from(units).where(sql`${units.code} = any(${pgArray(codes)}::text[])`);
}

export async function countChildren(db: Queryable, id: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(units).where(eq(units.parentId, id));
  return row?.n ?? 0;
}

/** Units in depth-first order (parents before children) with their parent's code, for export. */
export async function selectUnitsForExport(db: Queryable, actor: Actor) {
  const result = await db.execute<{
    code: string;
    name: string;
    kind: UnitRow['kind'];
    parent_code: string | null;
    abbreviation: string | null;
    sort_order: number;
    active_from: string | null;
    active_to: string | null;
    place: string | null;
  }>(sql`
    with recursive visible as (select id from units where id in ${scopedUnitIds(actor, 'viewer')}),
    ${sortedSubtreeCte('tree', sql`select v.id from visible v join units u on u.id = v.id where u.parent_id is null or u.parent_id not in (select id from visible)`)}
    select u.code, u.name, u.kind, p.code as parent_code, u.abbreviation, u.sort_order, u.active_from, u.active_to, u.place
    from tree join units u on u.id = tree.id left join units p on p.id = u.parent_id
    order by tree.path`);
  return result.rows;
}

/** True when the database holds no unit and no account yet (a fresh workspace). */
export async function isWorkspaceEmpty(db: Queryable): Promise<boolean> {
  const result = await db.execute<{ empty: boolean }>(
    sql`select not exists(select 1 from units) and not exists(select 1 from users) as empty`,
  );
  return result.rows[0]?.empty ?? false;
}

export type NewUnit = Omit<typeof units.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertUnit(tx: Queryable, unit: NewUnit): Promise<UnitRow | undefined> {
  const [row] = await tx
    .insert(units)
    .values(unit)
    .returning();
  return row;
}

/** Writes a unit's fields (and `updated_at`); undefined when no unit has this id. */
export async function updateUnitFields(tx: Queryable, unitId: number, fields: NewUnit): Promise<UnitRow | undefined> {
  const [row] = await tx
    .update(units)
    .set({ ...fields, updatedAt: sql`now()` })
    .where(eq(units.id, unitId))
    .returning();
  return row;
}
