import { sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable } from '../db/database.js';
import { fail } from '../errors.js';
import { isSystemAdmin, roleRank, type Actor, type Role } from './roles.js';

/**
 * Subtree scoping. A grant on a unit holds for the unit and all its descendants.
 * Every check here is one SQL statement over a whole set of units.
 */

function grantedUnitIds(actor: Actor, minimum: Role): number[] {
  return actor.grants.filter((g) => g.unitId !== null && roleRank[g.role] <= roleRank[minimum]).map((g) => g.unitId as number);
}

/**
 * The body of a recursive CTE named `scope(id)`: every unit on which the actor holds at least
 * `minimum`. Use it as `with recursive ${scopeCte(actor, 'viewer')} select …` when one statement
 * needs the scope several times (it is computed once).
 */
export function scopeCte(actor: Actor, minimum: Role): SQL {
  if (isSystemAdmin(actor)) return sql`scope(id) as (select id from units)`;
  const roots = grantedUnitIds(actor, minimum);
  return sql`scope(id) as (
      select id from units where id = any(${pgArray(roots)}::int[])
      union
      select child.id from units child join scope on child.parent_id = scope.id
    )`;
}

/**
 * A subquery yielding the ids of every unit on which the actor holds at least `minimum`:
 * use as `units.id in ${scopedUnitIds(actor, 'viewer')}`.
 */
export function scopedUnitIds(actor: Actor, minimum: Role): SQL {
  if (isSystemAdmin(actor)) return sql`(select id from units)`;
  return sql`(with recursive ${scopeCte(actor, minimum)} select id from scope)`;
}

/**
 * For each unit in `unitIds`, the strongest role the actor holds on it (through any ancestor-or-self);
 * units the actor cannot see are absent from the map.
 */
export async function effectiveRoles(db: Queryable, actor: Actor, unitIds: number[]): Promise<Map<number, Role>> {
  const result = new Map<number, Role>();
  if (unitIds.length === 0) return result;
  if (isSystemAdmin(actor)) {
    const rows = await db.execute<{ id: number }>(sql`select id from units where id = any(${pgArray(unitIds)}::int[])`);
    for (const row of rows.rows) result.set(row.id, 'system_admin');
    return result;
  }
  const grants = actor.grants.filter((g) => g.unitId !== null);
  if (grants.length === 0) return result;
  const rows = await db.execute<{ start: number; rank: number }>(sql`
    with recursive up(start, id, parent_id) as (
      select u.id, u.id, u.parent_id from units u where u.id = any(${pgArray(unitIds)}::int[])
      union all
      select up.start, p.id, p.parent_id from up join units p on p.id = up.parent_id
    )
    select up.start, min(g.rank)::int as rank
    from up
    join unnest(${pgArray(grants.map((g) => g.unitId))}::int[], ${pgArray(grants.map((g) => roleRank[g.role]))}::int[]) as g(unit_id, rank)
      on g.unit_id = up.id
    group by up.start`);
  const byRank = Object.fromEntries(Object.entries(roleRank).map(([role, rank]) => [rank, role as Role]));
  for (const row of rows.rows) {
    const role = byRank[row.rank];
    if (role) result.set(row.start, role);
  }
  return result;
}

/**
 * Throws unless the actor holds at least `minimum` on every unit of `unitIds`:
 * NOT_FOUND for a unit outside every granted subtree (its existence is not revealed),
 * FORBIDDEN for a visible unit where the role is too weak.
 */
export async function requireUnitRole(db: Queryable, actor: Actor, unitIds: number[], minimum: Role): Promise<void> {
  const unique = [...new Set(unitIds)];
  const roles = await effectiveRoles(db, actor, unique);
  for (const id of unique) {
    const role = roles.get(id);
    checkUnitRank(id, role === undefined ? null : roleRank[role], minimum);
  }
}

/**
 * requireUnitRole's verdict on one unit given the actor's best rank on it (null: the unit is outside
 * every granted subtree, or does not exist): NOT_FOUND, FORBIDDEN, or nothing.
 */
export function checkUnitRank(unitId: number, rank: number | null, minimum: Role): void {
  // Outside every granted subtree: say only that it was not found (no id, no code, no name).
  if (rank === null) fail('UNIT_OUT_OF_SCOPE');
  if (rank > roleRank[minimum]) fail('ROLE_TOO_WEAK', { unitId, required: minimum });
}

/**
 * The actor's best role rank on one unit (through any ancestor-or-self; null outside every granted
 * subtree or for no such unit) as a scalar SQL expression with fixed text, for a statement prepared
 * once: the actor comes in as the values `actorRankValues` gives (placeholders `actorIsAdmin`,
 * `actorGrantUnits`, `actorGrantRanks`). effectiveRoles' rule for a single unit, inside a bigger statement.
 */
export function unitRankSql(unitId: SQL): SQL {
  return sql`(case when ${sql.placeholder('actorIsAdmin')}::boolean then (select 0 from units where id = ${unitId})
    else (with recursive up(id, parent_id) as (
        select u.id, u.parent_id from units u where u.id = ${unitId}
        union all
        select p.id, p.parent_id from up join units p on p.id = up.parent_id
      )
      select min(g.rank)::int from up
      join unnest(${sql.placeholder('actorGrantUnits')}::int[], ${sql.placeholder('actorGrantRanks')}::int[]) as g(unit_id, rank) on g.unit_id = up.id)
    end)`;
}

/** The values of unitRankSql's placeholders for an actor. */
export function actorRankValues(actor: Actor): { actorIsAdmin: boolean; actorGrantUnits: number[]; actorGrantRanks: number[] } {
  const grants = actor.grants.filter((g) => g.unitId !== null);
  return { actorIsAdmin: isSystemAdmin(actor), actorGrantUnits: grants.map((g) => g.unitId as number), actorGrantRanks: grants.map((g) => roleRank[g.role]) };
}

/** Creating a top-level unit (no parent) or granting system-wide roles needs a system admin. */
export function requireSystemAdmin(actor: Actor): void {
  if (!isSystemAdmin(actor)) fail('SYSTEM_ADMIN_ONLY');
}

/**
 * Throws FORBIDDEN unless the actor holds at least `minimum` on some unit (or system-wide). Needs
 * no database: a route calls it before reading an upload, so a caller who could never use the
 * file is refused before the file is read; the operation still checks the exact units.
 */
export function requireRoleSomewhere(actor: Actor, minimum: Role): void {
  if (!actor.grants.some((g) => roleRank[g.role] <= roleRank[minimum])) fail('ROLE_TOO_WEAK', { required: minimum });
}
