import { Flex, InputNumber } from 'antd';
import type { AriaAttributes } from 'react';
import type { PartialDate } from '../../api/types.js';

/** Like every custom form control, it passes on the `id` and `aria-*` props its Form.Item gives it (to the day box, which the label names). */
export interface PartialDateInputProps extends AriaAttributes {
  value?: PartialDate | null;
  onChange?: (value: PartialDate | null) => void;
  id?: string;
}

const EMPTY: PartialDate = { year: null, month: null, day: null };

/** Day, month and year as three small boxes; any may stay blank ("ngày … tháng 01 năm 2026"). */
export function PartialDateInput({ value, onChange, id, ...aria }: PartialDateInputProps) {
  const current = value ?? EMPTY;
  const set = (key: keyof PartialDate, n: number | null) => {
    const next = { ...current, [key]: n === null || Number.isNaN(n) ? null : n };
    onChange?.(next.year === null && next.month === null && next.day === null ? null : next);
  };
  return (
    <Flex gap={4} align="center" style={{ width: 'fit-content' }}>
      <InputNumber<number>
        aria-label="Ngày"
        {...aria}
        id={id}
        placeholder="Ngày"
        min={1}
        max={31}
        precision={0}
        controls={false}
        value={current.day}
        onChange={(n) => set('day', n)}
        style={{ width: 60 }}
      />
      <span aria-hidden>/</span>
      <InputNumber<number>
        aria-label="Tháng"
        placeholder="Tháng"
        min={1}
        max={12}
        precision={0}
        controls={false}
        value={current.month}
        onChange={(n) => set('month', n)}
        style={{ width: 64 }}
      />
      <span aria-hidden>/</span>
      <InputNumber<number>
        aria-label="Năm"
        placeholder="Năm"
        min={1900}
        max={2200}
        precision={0}
        controls={false}
        value={current.year}
        onChange={(n) => set('year', n)}
        style={{ width: 76 }}
      />
    </Flex>
  );
}
