import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import { subtreeIdsOf } from '../../../core/unit-tree/index.js';
import type { UnitCandidate } from '../../../core/unit-match/index.js';

/** SQL of the units a plan's names are matched against: the owner's subtree, in tree order of siblings. */
export async function selectSubtreeCandidates(db: Queryable, ownerUnitId: number): Promise<UnitCandidate[]> {
  const result = await db.execute<UnitCandidate & Record<string, unknown>>(sql`
    select u.id, u.code, u.name, u.abbreviation, u.kind, u.parent_id as "parentId"
    from units u
    where u.id in ${subtreeIdsOf(sql`select id from units where id = ${ownerUnitId}`)}
    order by u.sort_order, u.name, u.id`);
  return result.rows;
}

/** Units by code (the demo names its units by code). */
export async function selectUnitIdsByCodes(db: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const result = await db.execute<{ id: number; code: string }>(sql`select id, code from units where code = any(${pgArray([...codes])}::text[])`);
  return new Map(result.rows.map((r) => [r.code, r.id]));
}
