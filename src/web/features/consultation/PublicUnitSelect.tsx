import { Select } from 'antd';
import { useMemo, useState } from 'react';
import type { PublicUnit } from '../../api/types.js';
import { publicFormText } from '../../i18n/consultation.js';
import { usePublicUnitSearch } from './usePublicConsultation.js';

/**
 * "Đơn vị tiếp nhận": a searchable select over the units taking part. The server searches
 * (accents and case ignored) so the page never downloads thousands of units.
 */
export function PublicUnitSelect({
  code,
  initial,
  value,
  onChange,
}: {
  code: string;
  initial: PublicUnit[];
  value?: string;
  onChange?: (value: string) => void;
}) {
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
          {(text.trim() ? search.data?.more : initial.length >= 50) ? <div style={{ padding: '4px 12px', color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{publicFormText.unitMore}</div> : null}
        </>
      )}
    />
  );
}
