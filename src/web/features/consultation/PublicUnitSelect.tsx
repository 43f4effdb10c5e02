import { Select, Typography, type RefSelectProps } from 'antd';
import { useMemo, useState, type AriaAttributes, type Ref } from 'react';
import type { PublicUnit } from '../../api/types.js';
import { publicFormText } from '../../i18n/consultation.js';
import { usePublicUnitSearch } from './usePublicConsultation.js';

/**
 * "Đơn vị tiếp nhận": a searchable select over the units taking part. The server searches
 * (accents and case ignored) so the page never downloads thousands of units.
 * Like every custom form control, it passes on the `id`, `aria-*` props and ref its Form.Item gives
 * it, so the label names it and a failed submit can focus it.
 */
export function PublicUnitSelect({
  code,
  initial,
  value,
  onChange,
  id,
  ref,
  ...aria
}: {
  code: string;
  initial: PublicUnit[];
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  ref?: Ref<RefSelectProps>;
} & AriaAttributes) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<PublicUnit | null>(null);
  const search = usePublicUnitSearch(code, text);
  const options = useMemo(() => {
    const units = text.trim() && search.data ? search.data.items : initial;
    const list = chosen && !units.some((u) => u.code === chosen.code) ? [chosen, ...units] : units;
    return list.map((u) => ({ value: u.code, label: u.name, unit: u }));
  }, [text, search.data, initial, chosen]);
  return (
    <Select
      {...aria}
      id={id}
      ref={ref}
      data-testid="public-unit"
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      placeholder={publicFormText.unitPlaceholder}
      loading={search.isFetching}
      options={options}
      notFoundContent={search.isFetching ? 'Đang tìm…' : 'Không thấy đơn vị phù hợp'}
      onChange={(next: string, option) => {
        const unit = Array.isArray(option) ? undefined : option?.unit;
        if (unit) setChosen(unit);
        setText('');
        onChange?.(next);
      }}
      popupRender={(menu) => (
        <>
          {menu}
          {(text.trim() ? search.data?.more : initial.length >= 50) ? <Typography.Text type="secondary" style={{ display: 'block', padding: '4px 12px', fontSize: 12 }}>{publicFormText.unitMore}</Typography.Text> : null}
        </>
      )}
    />
  );
}
