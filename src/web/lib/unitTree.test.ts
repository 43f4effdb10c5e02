import { describe, expect, it } from 'vitest';
import type { Unit } from '../api/types.js';
import { ancestorIds, buildTree, indexUnits, subtreeIds, unitStatus } from './unitTree.js';

function unit(id: number, parentId: number | null, extra: Partial<Unit> = {}): Unit {
  return { id, code: `U${id}`, name: `Unit ${id}`, kind: 'other', abbreviation: null, parentId, sortOrder: 0, activeFrom: null, activeTo: null, place: null, signerAuthority: null, signerTitle: null, signerName: null, ...extra };
}

describe('unit tree', () => {
  // 1 ─ 2 ─ 3, and 5 whose parent 4 is not visible to the caller.
  const units = [unit(1, null), unit(2, 1), unit(3, 2), unit(5, 4)];
  const index = indexUnits(units);

  it('treats units whose parent is not in the list as roots', () => {
    expect(index.roots.map((u) => u.id)).toEqual([1, 5]);
  });

  it('finds ancestors nearest first and subtrees', () => {
    expect(ancestorIds(index, 3)).toEqual([2, 1]);
    expect(ancestorIds(index, 5)).toEqual([]);
    expect([...subtreeIds(index, 2)].sort()).toEqual([2, 3]);
  });

  it('builds nested nodes, optionally limited to a set of ids', () => {
    type N = { id: number; children?: N[] };
    const full = buildTree<N>(index, (u, children) => ({ id: u.id, children }));
    expect(full).toEqual([{ id: 1, children: [{ id: 2, children: [{ id: 3, children: undefined }] }] }, { id: 5, children: undefined }]);
    const limited = buildTree<N>(index, (u, children) => ({ id: u.id, children }), new Set([1, 2]));
    expect(limited).toEqual([{ id: 1, children: [{ id: 2, children: undefined }] }]);
  });

  it('survives a parent cycle in bad data', () => {
    const cyclic = indexUnits([unit(1, 2), unit(2, 1)]);
    expect(ancestorIds(cyclic, 1)).toEqual([2]);
  });

  it('marks units by their validity on a given Vietnam date', () => {
    expect(unitStatus({ activeFrom: null, activeTo: '2025-06-30' }, '2026-11-22')).toBe('inactive');
    expect(unitStatus({ activeFrom: null, activeTo: '2026-11-22' }, '2026-11-22')).toBe('active');
    expect(unitStatus({ activeFrom: '2027-01-01', activeTo: null }, '2026-11-22')).toBe('not_yet');
  });
});
