import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../db/database.js';

/** SQL of the home page's gathering (items-due.ts): the units a user looks after, and unit names. */

/**
 * The units of the given grants (distinct, still active at `now`); a system-wide grant stands for
 * the top units of the tree. In the order of the tree (sort order, name).
 */
export async function selectHomeUnitIds(db: Queryable, options: { unitIds: readonly number[]; wholeSystem: boolean; now: Date }): Promise<number[]> {
  if (options.unitIds.length === 0 && !options.wholeSystem) return [];
  const result = await db.execute<{ id: number }>(sql`
    select u.id from units u
    where (u.id = any(${pgArray([...new Set(options.unitIds)])}::int[]) or (${options.wholeSystem} and u.parent_id is null))
      and (u.active_to is null or u.active_to >= (${options.now}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date)
    order by u.sort_order, u.name, u.id`);
  return result.rows.map((r) => r.id);
}

export async function selectUnitNames(db: Queryable, unitIds: readonly number[]): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const result = await db.execute<{ id: number; name: string }>(sql`select id, name from units where id = any(${pgArray([...new Set(unitIds)])}::int[])`);
  return new Map(result.rows.map((r) => [r.id, r.name]));
}
