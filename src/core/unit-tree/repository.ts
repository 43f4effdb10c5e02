/**
 * SQL of the unit tree (`units.parent_id`): every recursive walk over `units` is written here once.
 *
 * Fragments that other statements embed, so a caller keeps one statement (and its plan): each is
 * the body of a recursive CTE, used as `with recursive ${subtreeCte('sub', roots)} select …`.
 * Inner aliases are prefixed `tree_`, so a caller's correlated `roots` (e.g. `d.id`, `u.id`) is
 * never shadowed; `name` is quoted as an identifier.
 *
 * Then the queries of the typed API (each one statement for a whole set of units).
 */
import { sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';

/** `union` (each unit once: overlapping roots, shared ancestors) or `union all` (one root or disjoint walks: no dedup). */
const unionOf = (options: { all?: boolean } | undefined): SQL => (options?.all ? sql.raw('union all') : sql.raw('union'));

/**
 * `name(id)`: the roots and every descendant (walking down). `roots` selects unit ids, e.g.
 * `select ${unitId}::int` or `select unit_id from consultation_units where …` (they are not checked
 * against `units`: a root that is no unit yields itself only).
 */
export function subtreeCte(name: string, roots: SQL, options?: { all?: boolean }): SQL {
  const self = sql.identifier(name);
  return sql`${self}(id) as (
      ${roots}
      ${unionOf(options)} select tree_child.id from units tree_child join ${self} on tree_child.parent_id = ${self}.id
    )`;
}

/** A subquery of the ids of the roots and every descendant, for `x in ${subtreeIdsOf(roots)}`. */
export function subtreeIdsOf(roots: SQL, options?: { all?: boolean }): SQL {
  return sql`(with recursive ${subtreeCte('tree_sub', roots, options)} select id from tree_sub)`;
}

/**
 * `name(root, id)`: for each root of the `int[]` expression `rootIds`, the root and every unit of
 * its subtree, tagged with the root (a unit under two roots appears once per root).
 */
export function rootedSubtreeCte(name: string, rootIds: SQL): SQL {
  const self = sql.identifier(name);
  return sql`${self}(root, id) as (
      select tree_root, tree_root from unnest(${rootIds}) tree_root
      union all
      select ${self}.root, tree_child.id from units tree_child join ${self} on tree_child.parent_id = ${self}.id
    )`;
}

/**
 * `name(id, parent_id)`: the starting units and all their ancestors (walking up; at most the depth
 * of the tree per start). `start` selects `(id, parent_id)` rows of units — `unitRowsOf(ids)`, or a
 * correlated `select u.id, u.parent_id` that saves the lookup of a row the caller already has.
 */
export function ancestorsCte(name: string, start: SQL, options?: { all?: boolean }): SQL {
  const self = sql.identifier(name);
  return sql`${self}(id, parent_id) as (
      ${start}
      ${unionOf(options)} select tree_parent.id, tree_parent.parent_id from units tree_parent join ${self} on tree_parent.id = ${self}.parent_id
    )`;
}

/** The `(id, parent_id)` rows of the units whose ids the `int[]` expression `ids` holds (a start for `ancestorsCte`). */
export function unitRowsOf(ids: SQL): SQL {
  return sql`select tree_start.id, tree_start.parent_id from units tree_start where tree_start.id = any(${ids})`;
}

/**
 * Rows `(unit_id, path)` for the units of the `int[]` expression `ids`: `path` holds the unit's
 * ancestors root first, then the unit itself. It is the SQL function `unit_paths` (migration 0007),
 * which the figure-queue trigger calls too. An id that is no unit yields the path `[id]`.
 */
export function unitPaths(ids: SQL): SQL {
  return sql`unit_paths(${ids})`;
}

/**
 * `name(id, path)`: the roots and every descendant, `path` being a sort key (`order by path`) that
 * lists parents before their children and siblings by `sort_order`, name, id. `roots` selects unit
 * ids; the roots themselves are ordered the same way.
 */
export function sortedSubtreeCte(name: string, roots: SQL): SQL {
  const self = sql.identifier(name);
  return sql`${self}(id, path) as (
      select tree_root.id, array[row_number() over (order by tree_root.sort_order, tree_root.name, tree_root.id)]
      from units tree_root where tree_root.id in (${roots})
      union all
      select tree_child.id, ${self}.path || row_number() over (partition by tree_child.parent_id order by tree_child.sort_order, tree_child.name, tree_child.id)
      from units tree_child join ${self} on tree_child.parent_id = ${self}.id
    )`;
}

/** The SQL a `markedPathCte` rule writes about one unit (`unit` is its row's alias) and, for `marked`, its `inherited` flag. */
export interface MarkedPathRules {
  /** A flag a unit passes to its whole subtree once it holds (e.g. "a listed subtree starts here"). */
  inherited: (unit: SQL) => SQL;
  /** Whether the unit is marked, given its row and the flag (its own or inherited). */
  marked: (unit: SQL, inherited: SQL) => SQL;
  /** False: every path stays `[root]` (marked units do not stand between a unit and the root). */
  carry: boolean;
}

/**
 * `name(id, kind, path, marked, inherited)`: the root's subtree walked down once, each unit with
 * `path` = the marked units above it, nearest first, then the root (the root's own path is
 * `[root]`; the root itself is never marked). Periodic reports use it to find each expected unit's
 * nearest expected ancestor (its recipient) for a whole national tree in one pass.
 */
export function markedPathCte(name: string, rootId: SQL, rules: MarkedPathRules): SQL {
  const self = sql.identifier(name);
  const child = sql`${sql.identifier('tree_child')}`;
  const inherited = sql`(${self}.inherited or ${rules.inherited(child)})`;
  const path = rules.carry ? sql`case when ${self}.marked then ${self}.id || ${self}.path else ${self}.path end` : sql`${self}.path`;
  return sql`${self}(id, kind, path, marked, inherited) as (
      select tree_root.id, tree_root.kind, array[tree_root.id]::int[], false, ${rules.inherited(sql`tree_root`)}
      from units tree_root where tree_root.id = ${rootId}
      union all
      select ${child}.id, ${child}.kind, ${path}, ${rules.marked(child, inherited)}, ${inherited}
      from units ${child} join ${self} on ${child}.parent_id = ${self}.id
    )`;
}

// ---- queries ----

/** A unit as other units' paths show it. */
export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

const ids = (unitIds: readonly number[]): SQL => sql`${pgArray([...new Set(unitIds)])}::int[]`;

/** Ids of the (existing) roots and all their descendants, each once. */
export async function selectSubtreeIds(db: Queryable, rootIds: readonly number[]): Promise<number[]> {
  if (rootIds.length === 0) return [];
  const result = await db.execute<{ id: number }>(sql`
    with recursive ${subtreeCte('sub', sql`select id from units where id = any(${ids(rootIds)})`)}
    select id from sub`);
  return result.rows.map((r) => r.id);
}

/** The direct children of each unit (existing units only; no children: an empty list), by `sort_order`, name, id. */
export async function selectChildIds(db: Queryable, unitIds: readonly number[]): Promise<Map<number, number[]>> {
  if (unitIds.length === 0) return new Map();
  const result = await db.execute<{ id: number; children: number[] }>(sql`
    select p.id, coalesce(array(select c.id from units c where c.parent_id = p.id order by c.sort_order, c.name, c.id), '{}') as children
    from units p where p.id = any(${ids(unitIds)})`);
  return new Map(result.rows.map((r) => [r.id, r.children]));
}

/**
 * The path of each (existing) unit: its ancestor ids, root first, the unit itself excluded (a root
 * has an empty path). Units that do not exist are absent from the map.
 */
export async function selectUnitPaths(db: Queryable, unitIds: readonly number[]): Promise<Map<number, number[]>> {
  if (unitIds.length === 0) return new Map();
  const result = await db.execute<{ unit_id: number; path: number[] }>(sql`
    select p.unit_id, p.path[1:cardinality(p.path) - 1] as path
    from ${unitPaths(ids(unitIds))} p where exists (select 1 from units where units.id = p.unit_id)`);
  return new Map(result.rows.map((r) => [r.unit_id, r.path]));
}

/** Like `selectUnitPaths`, with each ancestor's code and name. */
export async function selectAncestors(db: Queryable, unitIds: readonly number[]): Promise<Map<number, UnitRef[]>> {
  if (unitIds.length === 0) return new Map();
  const result = await db.execute<{ unit_id: number; ancestors: UnitRef[] }>(sql`
    select p.unit_id, coalesce((
      select json_agg(json_build_object('id', a.id, 'code', a.code, 'name', a.name) order by step.n)
      from unnest(p.path[1:cardinality(p.path) - 1]) with ordinality as step(id, n) join units a on a.id = step.id), '[]') as ancestors
    from ${unitPaths(ids(unitIds))} p where exists (select 1 from units where units.id = p.unit_id)`);
  return new Map(result.rows.map((r) => [r.unit_id, r.ancestors]));
}

/** The depth of each (existing) unit in its tree: a root is 1, its children 2, … */
export async function selectUnitDepths(db: Queryable, unitIds: readonly number[]): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const result = await db.execute<{ unit_id: number; depth: number }>(sql`
    select p.unit_id, cardinality(p.path) as depth
    from ${unitPaths(ids(unitIds))} p where exists (select 1 from units where units.id = p.unit_id)`);
  return new Map(result.rows.map((r) => [r.unit_id, r.depth]));
}

/**
 * Those of `candidateIds` that are `ancestorId` itself or one of its descendants (walking up from
 * each candidate, at most its depth). Candidates that are no unit are never in.
 */
export async function isInSubtree(db: Queryable, ancestorId: number, candidateIds: readonly number[]): Promise<Set<number>> {
  if (candidateIds.length === 0) return new Set();
  const result = await db.execute<{ unit_id: number }>(sql`
    select p.unit_id from ${unitPaths(ids(candidateIds))} p
    where ${ancestorId}::int = any(p.path) and exists (select 1 from units where units.id = p.unit_id)`);
  return new Set(result.rows.map((r) => r.unit_id));
}

/**
 * The height of each (existing) unit from the bottom of its subtree — 0 for a grassroots unit (no
 * children), 1 when its deepest descendants are children, … — capped at `cap`: the walk goes no
 * deeper than `cap` levels, so asking "grassroots or not" (cap 1) reads only the children.
 */
export async function selectUnitHeights(db: Queryable, unitIds: readonly number[], cap: number): Promise<Map<number, number>> {
  if (unitIds.length === 0) return new Map();
  const limit = Math.max(0, Math.floor(cap));
  const result = await db.execute<{ unit_id: number; height: number }>(sql`
    with recursive down(root, id, depth) as (
      select tree_start.id, tree_start.id, 0 from units tree_start where tree_start.id = any(${ids(unitIds)})
      union all
      select down.root, tree_child.id, down.depth + 1 from units tree_child join down on tree_child.parent_id = down.id
      where down.depth < ${limit}
    )
    select root as unit_id, max(depth)::int as height from down group by root`);
  return new Map(result.rows.map((r) => [r.unit_id, r.height]));
}
