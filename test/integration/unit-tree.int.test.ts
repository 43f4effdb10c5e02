import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { pgArray } from '../../src/platform/db/database.js';
import {
  ancestorsCte,
  isInSubtree,
  rootedSubtreeCte,
  selectAncestors,
  selectChildIds,
  selectSubtreeIds,
  selectUnitDepths,
  selectUnitPaths,
  sortedSubtreeCte,
  subtreeCte,
  subtreeIdsOf,
  unitPaths,
  unitRowsOf,
} from '../../src/core/unit-tree/index.js';
import { seededRandom } from '../../src/platform/random.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';

/**
 * core/unit-tree against a naive in-memory tree: a random forest (seeded), every function and
 * fragment checked on random sets of units, before and after units move.
 */
const { db } = await createTestDatabase();

const SEED = 20_260_310;
const random = seededRandom;
const rand = random(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const sample = (items: readonly number[], n: number): number[] => Array.from({ length: n }, () => pick(items));

interface Node {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  sortOrder: number;
}
const nodes = new Map<number, Node>();
let ids: number[] = [];
const MISSING = 2_000_000_000;

// ---- the naive tree ----
const children = (id: number) =>
  [...nodes.values()].filter((n) => n.parentId === id).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id).map((n) => n.id);
function ancestorsOf(id: number): number[] {
  const path: number[] = [];
  for (let p = nodes.get(id)?.parentId ?? null; p !== null; p = nodes.get(p)?.parentId ?? null) path.unshift(p);
  return path;
}
function subtreeOf(id: number): number[] {
  return [id, ...children(id).flatMap(subtreeOf)];
}
const sorted = (values: Iterable<number>) => [...values].sort((a, b) => a - b);

async function rows<T extends Record<string, unknown>>(query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

beforeAll(async () => {
  // A forest of 3 roots and 150 units; each unit hangs under a random earlier one, so depths vary.
  const orders = Array.from({ length: 153 }, (_, i) => i).sort(() => rand() - 0.5);
  for (let i = 0; i < 153; i++) {
    const parentId = i < 3 ? null : pick(ids);
    const unit = await buildUnit(db, { parentId });
    const sortOrder = orders[i] as number;
    await db.execute(sql`update units set sort_order = ${sortOrder} where id = ${unit.id}`);
    nodes.set(unit.id, { id: unit.id, code: unit.code, name: unit.name, parentId, sortOrder });
    ids.push(unit.id);
  }
  ids = sorted(ids);
});

async function checkEverything(): Promise<void> {
  for (let round = 0; round < 8; round++) {
    const roots = sample(ids, 1 + Math.floor(rand() * 4));
    const expected = sorted(new Set(roots.flatMap(subtreeOf)));
    expect(sorted(await selectSubtreeIds(db, [...roots, MISSING]))).toEqual(expected);

    // Fragments: the subtree with `union` and `union all` (disjoint roots), as a CTE and a subquery.
    const rootsSql = sql`select unnest(${pgArray(roots)}::int[])`;
    const viaCte = await rows<{ id: number }>(sql`with recursive ${subtreeCte('sub', rootsSql)} select id from sub`);
    expect(sorted(viaCte.map((r) => r.id))).toEqual(expected);
    const viaIn = await rows<{ id: number }>(sql`select id from units where id in ${subtreeIdsOf(rootsSql)}`);
    expect(sorted(viaIn.map((r) => r.id))).toEqual(expected);
    const one = roots[0] as number;
    const all = await rows<{ id: number }>(sql`with recursive ${subtreeCte('sub', sql`select ${one}::int`, { all: true })} select id from sub`);
    expect(all.map((r) => r.id).sort((a, b) => a - b)).toEqual(sorted(subtreeOf(one)));

    // Rooted: each root with its own subtree, a unit under two roots once per root.
    const rooted = await rows<{ root: number; id: number }>(sql`with recursive ${rootedSubtreeCte('t', sql`${pgArray(roots)}::int[]`)} select root, id from t`);
    const rootedExpected = roots.flatMap((r) => subtreeOf(r).map((id) => `${r}:${id}`)).sort();
    expect(rooted.map((r) => `${r.root}:${r.id}`).sort()).toEqual(rootedExpected);

    // Walking up: the starts and all their ancestors.
    const starts = sample(ids, 1 + Math.floor(rand() * 6));
    const up = await rows<{ id: number; parent_id: number | null }>(sql`with recursive ${ancestorsCte('up', unitRowsOf(sql`${pgArray(starts)}::int[]`))} select id, parent_id from up`);
    expect(sorted(up.map((r) => r.id))).toEqual(sorted(new Set(starts.flatMap((s) => [s, ...ancestorsOf(s)]))));
    for (const r of up) expect(r.parent_id).toBe(nodes.get(r.id)?.parentId);

    // Is in subtree: every candidate, some of them the ancestor itself, one no unit at all.
    const ancestor = pick(ids);
    const candidates = [...sample(ids, 12), ancestor, MISSING];
    const inside = subtreeOf(ancestor);
    expect(sorted(await isInSubtree(db, ancestor, candidates))).toEqual(sorted(new Set(candidates.filter((c) => inside.includes(c)))));
  }

  // Paths, ancestors, depths and children of every unit at once; a missing id is absent.
  const paths = await selectUnitPaths(db, [...ids, MISSING]);
  const named = await selectAncestors(db, [...ids, MISSING]);
  const depths = await selectUnitDepths(db, [...ids, MISSING]);
  const kids = await selectChildIds(db, [...ids, MISSING]);
  for (const map of [paths, named, depths, kids]) expect(map.size).toBe(ids.length);
  for (const id of ids) {
    const path = ancestorsOf(id);
    expect(paths.get(id)).toEqual(path);
    expect(named.get(id)).toEqual(path.map((a) => ({ id: a, code: nodes.get(a)?.code, name: nodes.get(a)?.name })));
    expect(depths.get(id)).toBe(path.length + 1);
    expect(kids.get(id)).toEqual(children(id));
  }
  const viaFunction = await rows<{ unit_id: number; path: number[] }>(sql`select unit_id, path from ${unitPaths(sql`${pgArray(ids)}::int[]`)}`);
  for (const r of viaFunction) expect(r.path).toEqual([...ancestorsOf(r.unit_id), r.unit_id]);

  // Depth-first order: parents before children, siblings by sort order, roots in sort order.
  const roots = ids.filter((id) => nodes.get(id)?.parentId === null).sort((a, b) => (nodes.get(a)?.sortOrder ?? 0) - (nodes.get(b)?.sortOrder ?? 0));
  const order = await rows<{ id: number }>(sql`with recursive ${sortedSubtreeCte('tree', sql`select id from units where parent_id is null`)} select id from tree order by path`);
  expect(order.map((r) => r.id)).toEqual(roots.flatMap(subtreeOf));

  // Empty inputs: no query, empty answers.
  expect(await selectSubtreeIds(db, [])).toEqual([]);
  expect((await selectUnitPaths(db, [])).size).toBe(0);
  expect((await isInSubtree(db, pick(ids), [])).size).toBe(0);
}

async function move(unitId: number, parentId: number | null): Promise<void> {
  await db.execute(sql`update units set parent_id = ${parentId} where id = ${unitId}`);
  const node = nodes.get(unitId);
  if (node) node.parentId = parentId;
}

describe('core/unit-tree against a naive in-memory tree', () => {
  it('answers every question as the naive tree does, on a random forest', async () => {
    expect(Math.max(...ids.map((id) => ancestorsOf(id).length))).toBeGreaterThanOrEqual(4);
    await checkEverything();
  });

  it('follows units that move: under another parent, to the top, and back down', async () => {
    for (let i = 0; i < 5; i++) {
      const unit = pick(ids.filter((id) => nodes.get(id)?.parentId !== null && children(id).length > 0));
      const outside = ids.filter((id) => !subtreeOf(unit).includes(id) && id !== nodes.get(unit)?.parentId);
      await move(unit, pick(outside));
      await checkEverything();
    }
    const top = pick(ids.filter((id) => nodes.get(id)?.parentId !== null));
    await move(top, null);
    await checkEverything();
    await move(top, pick(ids.filter((id) => !subtreeOf(top).includes(id))));
    await checkEverything();
  });
});
