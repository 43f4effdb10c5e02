import { Empty, Tree, Typography, type TreeDataNode } from 'antd';
import { useEffect, useMemo, useState, type Key } from 'react';
import type { Unit } from '../../api/types.js';
import { ancestorIds, buildTree, type UnitIndex } from '../../lib/unitTree.js';
import { HighlightedText } from './HighlightedText.js';
import { UnitStatusTag } from './UnitStatusTag.js';

interface UnitNode extends TreeDataNode {
  key: string;
  unit: Unit;
  children?: UnitNode[];
}

export interface UnitTreeProps {
  index: UnitIndex;
  /** Search matches, or null when not searching. */
  matches: readonly Unit[] | null;
  query: string;
  selectedId: number | null;
  onSelect: (id: number) => void;
  height: number;
}

function keysOf(ids: Iterable<number>): string[] {
  return Array.from(ids, String);
}

/** The visible units as a tree; when searching, only matches and their ancestors, expanded. */
export function UnitTree({ index, matches, query, selectedId, onSelect, height }: UnitTreeProps) {
  const matchIds = useMemo(() => (matches ? new Set(matches.map((u) => u.id)) : null), [matches]);

  // Units to show while searching: matches and all their ancestors.
  const include = useMemo(() => {
    if (!matchIds) return undefined;
    const set = new Set<number>();
    for (const id of matchIds) {
      if (!index.byId.has(id)) continue;
      set.add(id);
      for (const a of ancestorIds(index, id)) set.add(a);
    }
    return set;
  }, [index, matchIds]);

  const treeData = useMemo(
    () =>
      buildTree<UnitNode>(
        index,
        (unit, children) => ({ key: String(unit.id), title: unit.name, unit, children, isLeaf: !children }),
        include,
      ),
    [index, include],
  );
  const { expandedKeys, onExpand } = useExpandedKeys({ index, include, matchIds, selectedId });

  if (matches && treeData.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={`Không tìm thấy đơn vị nào khớp với “${query.trim()}”`}
        data-testid="unit-search-empty"
      />
    );
  }
  if (treeData.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Bạn chưa được giao quyền xem đơn vị nào." />;
  }

  return (
    <Tree<UnitNode>
      treeData={treeData}
      height={height}
      blockNode
      showLine={{ showLeafIcon: false }}
      expandedKeys={expandedKeys}
      onExpand={onExpand}
      selectedKeys={selectedId !== null ? [String(selectedId)] : []}
      onSelect={(_keys, info) => onSelect(info.node.unit.id)}
      titleRender={(node) => <UnitTitle unit={node.unit} query={matchIds?.has(node.unit.id) ? query : null} />}
    />
  );
}

/**
 * The open branches: while browsing the roots and the path to the selected unit (kept when
 * searching); while searching every ancestor of a match.
 */
function useExpandedKeys(options: { index: UnitIndex; include: Set<number> | undefined; matchIds: Set<number> | null; selectedId: number | null }) {
  const { index, include, matchIds, selectedId } = options;
  // Browsing: roots open, plus the path to the selected unit.
  const [browseExpanded, setBrowseExpanded] = useState<Key[]>(() => keysOf(index.roots.map((r) => r.id)));
  // Searching: every ancestor of a match open.
  const [searchExpanded, setSearchExpanded] = useState<Key[]>([]);

  useEffect(() => {
    if (!include || !matchIds) return;
    const open = new Set<number>();
    for (const id of matchIds) for (const a of ancestorIds(index, id)) open.add(a);
    setSearchExpanded(keysOf(open));
  }, [include, matchIds, index]);

  useEffect(() => {
    if (selectedId === null || !index.byId.has(selectedId)) return;
    const path = ancestorIds(index, selectedId).map(String);
    if (path.length === 0) return;
    setBrowseExpanded((prev) => {
      const missing = path.filter((k) => !prev.includes(k));
      return missing.length > 0 ? [...prev, ...missing] : prev;
    });
  }, [selectedId, index]);
  const searching = matchIds !== null;
  return {
    expandedKeys: searching ? searchExpanded : browseExpanded,
    onExpand: (keys: Key[]) => (searching ? setSearchExpanded(keys) : setBrowseExpanded(keys)),
  };
}

/** A unit's name (the search words highlighted when `query`), abbreviation and status. */
function UnitTitle({ unit, query }: { unit: Unit; query: string | null }) {
  return (
    <span data-unit-id={unit.id}>
      {query !== null ? <HighlightedText text={unit.name} query={query} whole /> : unit.name}
      {unit.abbreviation && (
        <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
          ({unit.abbreviation})
        </Typography.Text>
      )}
      <span style={{ marginInlineStart: 6 }}>
        <UnitStatusTag unit={unit} />
      </span>
    </span>
  );
}
