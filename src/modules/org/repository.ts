import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import { roleGrants, units, users } from '../../platform/db/schema/index.js';
import { scopedUnitIds } from '../../platform/access/scope.js';
import { isSystemAdmin, type Actor } from '../../platform/access/roles.js';
import { searchKey } from '../../platform/vn/index.js';
import { sortedSubtreeCte } from '../../core/unit-tree/index.js';

/** SQL of the org module: units, users and role grants. */

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
  }>(sql`
    with recursive visible as (select id from units where id in ${scopedUnitIds(actor, 'viewer')}),
    ${sortedSubtreeCte('tree', sql`select v.id from visible v join units u on u.id = v.id where u.parent_id is null or u.parent_id not in (select id from visible)`)}
    select u.code, u.name, u.kind, p.code as parent_code, u.abbreviation, u.sort_order, u.active_from, u.active_to
    from tree join units u on u.id = tree.id left join units p on p.id = u.parent_id
    order by tree.path`);
  return result.rows;
}

// ---- users and grants ----

export const userColumns = {
  id: users.id,
  username: users.username,
  fullName: users.fullName,
  email: users.email,
  homeUnitId: users.homeUnitId,
  homeUnitName: units.name,
  isActive: users.isActive,
  lockedUntil: users.lockedUntil,
  createdAt: users.createdAt,
};

/**
 * A grant of the account that the actor does not administer: the system-admin role, or a unit
 * outside the actor's unit-admin subtrees. Always false for a system admin. Used as a condition on
 * `users` (list) and on its own (one account).
 */
function grantsBeyond(actor: Actor, userId: SQL | number): SQL {
  if (isSystemAdmin(actor)) return sql`false`;
  return sql`exists (
    select 1 from role_grants g
    where g.user_id = ${userId} and (g.unit_id is null or g.unit_id not in ${scopedUnitIds(actor, 'unit_admin')}))`;
}

export async function hasGrantsBeyond(db: Queryable, actor: Actor, userId: number): Promise<boolean> {
  const result = await db.execute<{ beyond: boolean }>(sql`select ${grantsBeyond(actor, userId)} as beyond`);
  return result.rows[0]?.beyond ?? true;
}

/**
 * Users whose accounts the actor manages, with their grants: home unit in the actor's unit-admin
 * subtrees and no grant beyond them (see requireManageableAccount), so a list never shows a grant
 * outside the caller's scope.
 */
export async function selectManagedUsers(db: Queryable, actor: Actor, options: { query?: string; ids?: number[] }) {
  const conditions: SQL[] = [];
  const scope = sql`${users.homeUnitId} in ${scopedUnitIds(actor, 'unit_admin')}`;
  conditions.push(isSystemAdmin(actor) ? sql`(${users.homeUnitId} is null or ${scope})` : scope);
  conditions.push(sql`not ${grantsBeyond(actor, sql`${users.id}`)}`);
  if (options.ids) conditions.push(inArray(users.id, options.ids));
  if (options.query) {
    const q = `%${options.query.trim().toLowerCase().replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    conditions.push(sql`(lower(${users.username}) like ${q} or lower(${users.fullName}) like ${q})`);
  }
  const rows = await db
    .select(userColumns)
    .from(users)
    .leftJoin(units, eq(units.id, users.homeUnitId))
    .where(and(...conditions))
    .orderBy(asc(users.username))
    .limit(1000);
  const grants = await selectGrantsOf(db, rows.map((r) => r.id));
  return rows.map((row) => ({ ...row, grants: grants.filter((g) => g.userId === row.id).map(({ userId: _u, ...g }) => g) }));
}

export async function selectGrantsOf(db: Queryable, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ id: roleGrants.id, userId: roleGrants.userId, role: roleGrants.role, unitId: roleGrants.unitId, unitCode: units.code, unitName: units.name })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(inArray(roleGrants.userId, userIds))
    .orderBy(asc(roleGrants.id));
}

export async function selectUser(db: Queryable, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function selectUserByUsername(db: Queryable, username: string) {
  const [row] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}
