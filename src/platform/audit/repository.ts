import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../db/database.js';
import { isSystemAdmin, type Actor } from '../access/roles.js';
import { scopedUnitIds } from '../access/scope.js';

/** SQL of the audit page's names (present.ts): units and accounts, each answered only inside the actor's scope. */

/** Names of the given units that the actor sees (viewer or above). */
export async function selectScopedUnitNames(db: Queryable, actor: Actor, ids: readonly number[]): Promise<{ id: number; name: string }[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ id: number; name: string }>(sql`
    select id, name from units where id = any(${pgArray([...ids])}::int[]) and id in ${scopedUnitIds(actor, 'viewer')}`);
  return result.rows;
}

/**
 * Full names of the given accounts that the actor manages or is: accounts whose home unit lies in
 * the actor's unit-admin subtrees (a system admin: every account), and the actor's own.
 */
export async function selectScopedUserNames(db: Queryable, actor: Actor, ids: readonly number[]): Promise<{ id: number; fullName: string; username: string }[]> {
  if (ids.length === 0) return [];
  const scope = isSystemAdmin(actor) ? sql`true` : sql`(u.home_unit_id in ${scopedUnitIds(actor, 'unit_admin')} or u.id = ${actor.userId ?? 0})`;
  const result = await db.execute<{ id: number; fullName: string; username: string }>(sql`
    select u.id, u.full_name as "fullName", u.username from users u where u.id = any(${pgArray([...ids])}::int[]) and ${scope}`);
  return result.rows;
}
