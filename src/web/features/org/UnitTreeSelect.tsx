import { TreeSelect } from 'antd';
import { useMemo, useState, type AriaAttributes, type KeyboardEvent } from 'react';
import { bestMatch, type MatchCandidate } from '../../lib/bestMatch.js';
import { foldIncludes } from '../../lib/fold.js';
import { buildTree, unitStatus } from '../../lib/unitTree.js';
import { useUnitIndex } from './useUnits.js';

/** Sentinel value for "the whole system" (unitId null) where it is allowed. */
export const WHOLE_SYSTEM = -1;

interface Option {
  value: number;
  title: string;
  searchText: string;
  disabled?: boolean;
  children?: Option[];
}

/** Like every custom form control, it passes on the `id` and `aria-*` props its Form.Item gives it. */
export interface UnitTreeSelectProps extends AriaAttributes {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  /** Units that may not be chosen (e.g. a unit's own subtree when choosing its parent). */
  disabledIds?: ReadonlySet<number>;
  /** Offer this label as the first option, with value WHOLE_SYSTEM (the caller maps it to null). */
  wholeSystemLabel?: string;
  allowClear?: boolean;
  id?: string;
  'data-testid'?: string;
}

/** Choose one of the units the caller may see, searchable without diacritics. */
export function UnitTreeSelect({
  value,
  onChange,
  placeholder = 'Chọn đơn vị',
  disabledIds,
  wholeSystemLabel,
  allowClear = true,
  id,
  'data-testid': testId,
  ...aria
}: UnitTreeSelectProps) {
  const { index, query } = useUnitIndex();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  // The units in the server's order (parents first), for Enter: the best match of what was typed, not the highlighted parent.
  const candidates = useMemo<MatchCandidate[]>(
    () => [...(index?.byId.values() ?? [])].map((u) => ({ id: u.id, code: u.code, name: u.name, abbreviation: u.abbreviation, disabled: disabledIds?.has(u.id) ?? false })),
    [index, disabledIds],
  );
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' || !open || search.trim() === '') return;
    const best = bestMatch(candidates, search);
    if (best === null) return;
    event.preventDefault();
    event.stopPropagation();
    onChange?.(best);
    setSearch('');
    setOpen(false);
  };
  const treeData = useMemo<Option[]>(() => {
    if (!index) return [];
    const units = buildTree<Option>(index, (u, children) => ({
      value: u.id,
      title: `${u.name}${unitStatus(u) === 'inactive' ? ' (đã ngừng hoạt động)' : ''}`,
      searchText: `${u.code} ${u.name} ${u.abbreviation ?? ''}`,
      disabled: disabledIds?.has(u.id),
      children,
    }));
    return wholeSystemLabel
      ? [{ value: WHOLE_SYSTEM, title: wholeSystemLabel, searchText: wholeSystemLabel }, ...units]
      : units;
  }, [index, disabledIds, wholeSystemLabel]);

  return (
    // `display: contents`: the wrapper only listens (capture phase, before the select's own Enter); it adds no box.
    <div style={{ display: 'contents' }} onKeyDownCapture={onKeyDownCapture}>
      <TreeSelect<number | null>
        {...aria}
        id={id}
        data-testid={testId}
        value={value ?? undefined}
        onChange={(v) => onChange?.(v ?? null)}
        treeData={treeData}
        placeholder={placeholder}
        allowClear={allowClear}
        open={open}
        onOpenChange={setOpen}
        showSearch={{
          searchValue: search,
          onSearch: setSearch,
          filterTreeNode: (input, node) => foldIncludes(String((node as unknown as Option).searchText ?? ''), input),
        }}
        loading={query.isPending}
        notFoundContent={query.isError ? 'Chưa tải được danh sách đơn vị' : 'Không có đơn vị phù hợp'}
        treeNodeLabelProp="title"
        style={{ width: '100%' }}
        popupMatchSelectWidth={false}
        styles={{ popup: { root: { maxWidth: 'min(560px, 96vw)' } } }}
        listHeight={360}
      />
    </div>
  );
}
