import { sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import { ancestorsCte } from '../../core/unit-tree/index.js';

/**
 * SQL of citation links. A reference links only to a directive its citing directive's register unit
 * (`owner_unit_id`) may see, by the rule of `visibleDirective` seen from the unit's side: the unit,
 * or one of its descendants, issued, registered or received the directive. Seen from the directive,
 * the units that see it are the ancestors-or-self of those linked units.
 */

/** A subquery of the ids of every unit that sees directive `directiveId` (an SQL expression). */
export function unitsSeeing(directiveId: SQL): SQL {
  // Aliases of its own (seen_*), so that a correlated `directiveId` such as `d.id` is never shadowed.
  const linked = sql`select seen_u.id, seen_u.parent_id from units seen_u where seen_u.id in (
      select seen_d.owner_unit_id from directives seen_d where seen_d.id = ${directiveId}
      union all select seen_d.issuer_unit_id from directives seen_d where seen_d.id = ${directiveId}
      union all select seen_a.unit_id from directive_addressees seen_a where seen_a.directive_id = ${directiveId})`;
  return sql`(with recursive ${ancestorsCte('seers', linked)} select id from seers)`;
}

/** True when unit `unitId` sees directive `directiveId` (both SQL expressions, may be correlated). */
export function unitSeesDirective(unitId: SQL, directiveId: SQL): SQL {
  return sql`${unitId} in ${unitsSeeing(directiveId)}`;
}

/**
 * Links each selected reference to the registered directive with its number/symbol that its register
 * unit sees (preferring the same date, then the same year), or to nothing.
 */
async function relink(db: Queryable, which: SQL): Promise<void> {
  await db.execute(sql`
    update directive_references r set target_id = (
      select d.id from directives d, directives c
      where c.id = r.directive_id and d.symbol_key = r.symbol_key and d.id <> r.directive_id
        and ${unitSeesDirective(sql`c.owner_unit_id`, sql`d.id`)}
      order by (d.issued_year = r.ref_year and d.issued_month = r.ref_month and d.issued_day = r.ref_day) desc nulls last,
               (d.issued_year = r.ref_year) desc nulls last, d.id
      limit 1)
    where ${which} and r.symbol_key is not null`);
}

/**
 * Resolves citations after a directive was written: its own references; earlier links to it from units
 * that no longer see it (after a correction) are relinked; and other directives' unresolved references
 * to its number resolve to it, only where their register unit sees it. Links of units that cannot see
 * the directive never change.
 */
export async function resolveReferences(db: Queryable, directive: { id: number; symbolKey: string | null; issuedYear: number | null }): Promise<void> {
  await relink(db, sql`r.directive_id = ${directive.id}`);
  const seers = unitsSeeing(sql`${directive.id}::int`);
  const lost = await db.execute<{ id: number }>(sql`
    select r.id from directive_references r join directives c on c.id = r.directive_id
    where r.target_id = ${directive.id} and c.owner_unit_id not in ${seers}`);
  if (lost.rows.length > 0) await relink(db, sql`r.id = any(${pgArray(lost.rows.map((r) => r.id))}::int[])`);
  if (directive.symbolKey) {
    await db.execute(sql`
      update directive_references r set target_id = ${directive.id}
      from directives c
      where c.id = r.directive_id and r.symbol_key = ${directive.symbolKey} and r.target_id is null and r.directive_id <> ${directive.id}
        and (r.ref_year is null or ${directive.issuedYear}::int is null or r.ref_year = ${directive.issuedYear}::int)
        and c.owner_unit_id in ${seers}`);
  }
}

/**
 * Links directive `directiveId`'s first "implements" citation to directive `parentId` (an issued
 * draft names the directive it was started from, whatever its number — a blank number has no symbol
 * key to resolve by), under the rule above: only when its register unit sees the parent.
 */
export async function linkImplementedDirective(db: Queryable, directiveId: number, parentId: number): Promise<void> {
  await db.execute(sql`
    update directive_references r set target_id = ${parentId}
    from directives c
    where c.id = r.directive_id and r.id = (select id from directive_references where directive_id = ${directiveId} and relation = 'implements' order by position limit 1)
      and ${unitSeesDirective(sql`c.owner_unit_id`, sql`${parentId}::int`)}`);
}

interface BlankNumberLink {
  relation: string;
  doc_type: string | null;
  issuer_name: string | null;
  ref_year: number | null;
  ref_month: number | null;
  ref_day: number | null;
  target_id: number;
}

/** A directive's citations linked without a symbol key (an issued draft's parent with a blank number). */
export async function selectBlankNumberLinks(db: Queryable, directiveId: number): Promise<BlankNumberLink[]> {
  const result = await db.execute<BlankNumberLink & Record<string, unknown>>(sql`
    select relation, doc_type, issuer_name, ref_year, ref_month, ref_day, target_id from directive_references
    where directive_id = ${directiveId} and symbol_key is null and target_id is not null`);
  return result.rows;
}

/**
 * After a correction rewrote the citations, links that no symbol key can restore come back to the
 * citations that are still the same (relation, type, issuer, date), where the register unit still
 * sees the target.
 */
export async function restoreBlankNumberLinks(db: Queryable, directiveId: number, links: readonly BlankNumberLink[]): Promise<void> {
  for (const l of links) {
    await db.execute(sql`
      update directive_references r set target_id = ${l.target_id}
      from directives c
      where c.id = r.directive_id and r.directive_id = ${directiveId} and r.symbol_key is null and r.target_id is null
        and r.relation = ${l.relation} and r.doc_type is not distinct from ${l.doc_type} and r.issuer_name is not distinct from ${l.issuer_name}
        and r.ref_year is not distinct from ${l.ref_year}::smallint and r.ref_month is not distinct from ${l.ref_month}::smallint
        and r.ref_day is not distinct from ${l.ref_day}::smallint
        and ${unitSeesDirective(sql`c.owner_unit_id`, sql`${l.target_id}::int`)}`);
  }
}
