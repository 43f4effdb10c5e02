import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { foldIncludes } from '../../lib/fold.js';
import type { UnitIndex } from '../../lib/unitTree.js';
import { useUnitIndex } from '../org/useUnits.js';

interface Option {
  value: number;
  title: string;
  searchText: string;
  children?: Option[];
}

/** The owner unit and its subtree as TreeSelect options: nothing outside it can be picked. */
export function ownerSubtreeOptions(index: UnitIndex, ownerId: number): Option[] {
  const make = (id: number, seen: Set<number>): Option | null => {
    const unit = index.byId.get(id);
    if (!unit || seen.has(id)) return null;
    seen.add(id);
    const children = (index.children.get(id) ?? []).map((c) => make(c.id, seen)).filter((o): o is Option => o !== null);
    return { value: unit.id, title: unit.name, searchText: `${unit.code} ${unit.name} ${unit.abbreviation ?? ''}`, ...(children.length > 0 ? { children } : {}) };
  };
  const root = make(ownerId, new Set());
  return root ? [root] : [];
}

/** Several units within the owner's subtree (each takes part with its own subtree). */
export function ParticipatingUnitsSelect(props: { ownerId: number | null; value?: number[]; onChange?: (value: number[]) => void; id?: string; 'aria-label'?: string }) {
  const { index, query } = useUnitIndex();
  const treeData = useMemo(() => (index && props.ownerId !== null ? ownerSubtreeOptions(index, props.ownerId) : []), [index, props.ownerId]);
  return (
    <TreeSelect<number[]>
      id={props.id}
      aria-label={props['aria-label']}
      data-testid="consultation-units"
      multiple
      treeDefaultExpandAll
      value={props.value ?? []}
      onChange={(v) => props.onChange?.(v)}
      treeData={treeData}
      loading={query.isPending}
      showSearch={{ filterTreeNode: (input, node) => foldIncludes(String((node as unknown as Option).searchText ?? ''), input) }}
      treeNodeLabelProp="title"
      style={{ width: '100%' }}
      placeholder="Chọn đơn vị"
    />
  );
}
