import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';
import { roleGrants, units, users } from '../../platform/db/schema/index.js';
import { scopedUnitIds } from '../../platform/access/scope.js';
import { isSystemAdmin, type Actor, type Role } from '../../platform/access/roles.js';

/** SQL of the org module's accounts and role grants. */

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

export async function insertUser(tx: Queryable, user: Pick<typeof users.$inferInsert, 'username' | 'fullName' | 'email' | 'homeUnitId' | 'passwordHash'>): Promise<number | undefined> {
  const [row] = await tx
    .insert(users)
    .values(user)
    .returning({ id: users.id });
  return row?.id;
}

/** Sets a new password hash: the account is unlocked, its failed logins forgotten. */
export async function updateUserPassword(tx: Queryable, userId: number, passwordHash: string): Promise<void> {
  await tx
    .update(users)
    .set({ passwordHash, failedLogins: 0, lockedUntil: null, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

export async function updateUserFields(tx: Queryable, userId: number, fields: Partial<Pick<typeof users.$inferInsert, 'fullName' | 'email' | 'isActive' | 'homeUnitId'>>): Promise<void> {
  await tx.update(users).set({ ...fields, updatedAt: sql`now()` }).where(eq(users.id, userId));
}

export async function insertGrant(tx: Queryable, grant: { userId: number; role: Role; unitId: number | null; grantedByUserId: number | null }): Promise<number | undefined> {
  const [row] = await tx.insert(roleGrants).values(grant).returning({ id: roleGrants.id });
  return row?.id;
}

export async function deleteGrant(tx: Queryable, userId: number, grantId: number): Promise<void> {
  await tx.delete(roleGrants).where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId)));
}
