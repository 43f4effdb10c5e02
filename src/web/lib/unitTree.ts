import type { Unit } from '../api/types.js';
import { todayInVietnam } from './time.js';

export interface UnitIndex {
  byId: Map<number, Unit>;
  /** Children of each unit id; key `null` holds the roots. Order as given by the server. */
  children: Map<number | null, Unit[]>;
  roots: Unit[];
}

/** Builds parent/child maps. A unit whose parent is not in the list is a root. */
export function indexUnits(units: readonly Unit[]): UnitIndex {
  const byId = new Map<number, Unit>();
  for (const u of units) byId.set(u.id, u);
  const children = new Map<number | null, Unit[]>();
  const roots: Unit[] = [];
  for (const u of units) {
    const parentKey = u.parentId !== null && byId.has(u.parentId) ? u.parentId : null;
    if (parentKey === null) roots.push(u);
    const list = children.get(parentKey);
    if (list) list.push(u);
    else children.set(parentKey, [u]);
  }
  return { byId, children, roots };
}

/** Ids of the ancestors of `id` present in the index, nearest first. Cycle-safe. */
export function ancestorIds(index: UnitIndex, id: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>([id]);
  let current = index.byId.get(id);
  while (current && current.parentId !== null && index.byId.has(current.parentId) && !seen.has(current.parentId)) {
    out.push(current.parentId);
    seen.add(current.parentId);
    current = index.byId.get(current.parentId);
  }
  return out;
}

/** Ids of `id` and all its descendants present in the index. */
export function subtreeIds(index: UnitIndex, id: number): Set<number> {
  const out = new Set<number>();
  const stack = [id];
  while (stack.length > 0) {
    const next = stack.pop();
    if (next === undefined || out.has(next)) continue;
    out.add(next);
    for (const child of index.children.get(next) ?? []) stack.push(child.id);
  }
  return out;
}

export type UnitStatus = 'active' | 'inactive' | 'not_yet';

/** Whether a unit is in force today (Vietnam date). `activeTo` is the last day in force. */
export function unitStatus(unit: Pick<Unit, 'activeFrom' | 'activeTo'>, today = todayInVietnam()): UnitStatus {
  if (unit.activeTo && unit.activeTo < today) return 'inactive';
  if (unit.activeFrom && unit.activeFrom > today) return 'not_yet';
  return 'active';
}

export interface TreeNode<T> {
  key: string;
  unit: Unit;
  children?: TreeNode<T>[];
  extra?: T;
}

/**
 * Generic depth-first construction of tree data for antd Tree / TreeSelect.
 * `include` limits the nodes (e.g. search matches and their ancestors).
 */
export function buildTree<N>(
  index: UnitIndex,
  make: (unit: Unit, children: N[] | undefined) => N,
  include?: ReadonlySet<number>,
): N[] {
  const visiting = new Set<number>();
  const build = (list: readonly Unit[]): N[] => {
    const out: N[] = [];
    for (const u of list) {
      if (include && !include.has(u.id)) continue;
      if (visiting.has(u.id)) continue;
      visiting.add(u.id);
      const kids = index.children.get(u.id);
      const built = kids && kids.length > 0 ? build(kids) : [];
      visiting.delete(u.id);
      out.push(make(u, built.length > 0 ? built : undefined));
    }
    return out;
  };
  return build(index.roots);
}
