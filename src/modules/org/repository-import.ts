import { sql } from 'drizzle-orm';
import { pgArray, type Tx } from '../../platform/db/database.js';
import { auditLog } from '../../platform/db/schema/index.js';
import { ancestorsCte, unitRowsOf } from '../../core/unit-tree/index.js';
import type { UnitFileRow } from './unit-file.js';
import { unitSearchKey } from './repository.js';
import type { UnitMove } from './events.js';

/** SQL of the unit import (`import-units.ts`): rows travel as arrays, at most CHUNK a statement. */

const CHUNK = 5000;

/** Serialises imports against each other so the tree checked is the tree written. */
export async function lockUnitImports(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7407002)`);
}

/** Each of the units and of their ancestors, by code, with its parent's code (one query). */
export async function selectAncestorParentCodes(tx: Tx, unitIds: number[]): Promise<{ code: string; parent_code: string | null }[]> {
  const result = await tx.execute<{ code: string; parent_code: string | null }>(sql`
      with recursive ${ancestorsCte('up', unitRowsOf(sql`${pgArray(unitIds)}::int[]`))}
      select u.code, p.code as parent_code from up join units u on u.id = up.id left join units p on p.id = u.parent_id`);
  return result.rows;
}

/** Inserts the new units and updates the known ones by code (every field but the parent; the place only when the file has the column). */
export async function upsertUnits(tx: Tx, rows: UnitFileRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.execute(sql`
      insert into units (code, name, kind, abbreviation, sort_order, active_from, active_to, search_key, place)
      select x.code, x.name, x.kind, x.abbreviation, x.sort_order, x.active_from, x.active_to, x.search_key, x.place
      from unnest(${pgArray(chunk.map((r) => r.code))}::text[], ${pgArray(chunk.map((r) => r.name))}::text[], ${pgArray(chunk.map((r) => r.kind))}::text[],
                  ${pgArray(chunk.map((r) => r.abbreviation))}::text[], ${pgArray(chunk.map((r) => r.sortOrder))}::int[],
                  ${pgArray(chunk.map((r) => r.activeFrom))}::date[], ${pgArray(chunk.map((r) => r.activeTo))}::date[],
                  ${pgArray(chunk.map((r) => unitSearchKey(r)))}::text[],
                  ${pgArray(chunk.map((r) => r.place ?? null))}::text[])
        as x(code, name, kind, abbreviation, sort_order, active_from, active_to, search_key, place)
      on conflict (code) do update set
        name = excluded.name, kind = excluded.kind, abbreviation = excluded.abbreviation,
        sort_order = excluded.sort_order,
        active_from = excluded.active_from, active_to = excluded.active_to, search_key = excluded.search_key,
        updated_at = now()`);
    const placed = chunk.filter((r) => r.place !== undefined);
    if (placed.length > 0) {
      await tx.execute(sql`
        update units u set place = x.place
        from unnest(${pgArray(placed.map((r) => r.code))}::text[], ${pgArray(placed.map((r) => r.place ?? null))}::text[]) as x(code, place)
        where u.code = x.code and u.place is distinct from x.place`);
    }
  }
}

/**
 * Sets each unit's parent from the rows' parent codes; returns the units whose parent changed.
 * Units created by the same file get their parent here too: the caller keeps the moves of units that existed.
 */
export async function updateUnitParents(tx: Tx, rows: UnitFileRow[]): Promise<UnitMove[]> {
  const moves: UnitMove[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const result = await tx.execute<{ id: number; from_parent_id: number | null; to_parent_id: number | null }>(sql`
      update units u set parent_id = p.id
      from unnest(${pgArray(chunk.map((r) => r.code))}::text[], ${pgArray(chunk.map((r) => r.parentCode))}::text[]) as x(code, parent_code)
      left join units p on p.code = x.parent_code
      join units o on o.code = x.code
      where u.code = x.code and u.parent_id is distinct from p.id
      returning u.id, o.parent_id as from_parent_id, u.parent_id as to_parent_id`);
    moves.push(...result.rows.map((r) => ({ unitId: r.id, fromParentId: r.from_parent_id, toParentId: r.to_parent_id })));
  }
  return moves;
}

/** Writes audit rows in bulk, CHUNK a statement (the import's one row per created or updated unit). */
export async function insertAuditRows(tx: Tx, entries: (typeof auditLog.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) await tx.insert(auditLog).values(entries.slice(i, i + CHUNK));
}
