import { Select } from 'antd';
import { useMemo, type AriaAttributes } from 'react';
import type { LinkableUnit } from '../../api/types.js';
import { foldIncludes } from '../../lib/fold.js';

interface Option {
  value: number;
  label: string;
  search: string;
}

/** Like every custom form control, it passes on the `id` and `aria-*` props its Form.Item gives it. */
type Props = AriaAttributes &
  (
    | { mode: 'single'; units: readonly LinkableUnit[]; value?: number | null; onChange?: (v: number | null) => void; id?: string; placeholder?: string }
    | { mode: 'multiple'; units: readonly LinkableUnit[]; value?: number[]; onChange?: (v: number[]) => void; id?: string; placeholder?: string }
  );

const ariaOf = (props: Props): AriaAttributes => Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith('aria-')));

/** Links a name in the text to units of the hierarchy; searchable without diacritics. */
export function LinkedUnitSelect(props: Props) {
  const { units, id } = props;
  const options = useMemo<Option[]>(() => units.map((u) => ({ value: u.id, label: u.name, search: `${u.name} ${u.code}` })), [units]);
  const common = {
    ...ariaOf(props),
    id,
    options,
    allowClear: true,
    showSearch: { filterOption: (input: string, option?: Option) => foldIncludes(option?.search ?? '', input) },
    style: { width: '100%' },
    popupMatchSelectWidth: false,
    styles: { popup: { root: { maxWidth: 'min(520px, 96vw)' } } },
    notFoundContent: 'Không có đơn vị phù hợp',
  };
  if (props.mode === 'single') {
    return (
      <Select<number | null, Option>
        {...common}
        placeholder={props.placeholder ?? 'Chưa liên kết đơn vị'}
        value={props.value ?? undefined}
        onChange={(v) => props.onChange?.(v ?? null)}
      />
    );
  }
  return (
    <Select<number[], Option>
      {...common}
      mode="multiple"
      placeholder={props.placeholder ?? 'Chưa liên kết đơn vị'}
      value={props.value ?? []}
      onChange={(v) => props.onChange?.(v ?? [])}
      maxTagCount={2}
      maxTagPlaceholder={(omitted) => `+${omitted.length} đơn vị`}
    />
  );
}
