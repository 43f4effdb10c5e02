import { describe, expect, it } from 'vitest';
import type { ReportIndicator } from '../../../shared/report-form.js';
import { figuresKey, ownFigures } from './figures.js';

const indicators: ReportIndicator[] = [
  { code: 'S', label: 'Số cuộc', type: 'integer', aggregation: 'sum' },
  { code: 'Y', label: 'Có tổ chức', type: 'yesno', aggregation: 'count-yes' },
  { code: 'M', label: 'Cao nhất', type: 'decimal', aggregation: 'max' },
  { code: 'W', label: 'Số đảng viên', type: 'integer', aggregation: 'sum' },
  { code: 'A', label: 'Tỷ lệ', type: 'percentage', aggregation: 'weighted-average', weightBy: 'W' },
  { code: 'T', label: 'Ghi chú', type: 'text', aggregation: 'none' },
];

describe('a version’s typed figures', () => {
  it('hold each indicator’s partial in form order, then each weighted average’s weight', () => {
    expect(ownFigures(indicators, { values: { S: 3, Y: true, M: 2.5, W: 40, A: 75, T: 'x' } }).values).toEqual([3, 1, 2.5, 40, 3000, null, 40]);
    expect(ownFigures(indicators, { values: { S: null, Y: false, W: 10 } }).values).toEqual([null, 0, null, 10, null, null, null]);
  });

  it('count a blank numeric sum as 0 under “no activity”, and nothing else', () => {
    expect(ownFigures(indicators, { values: {}, noActivity: true }).values).toEqual([0, null, null, 0, null, null, null]);
  });

  it('are named by a key that changes with any code, type, rule, weight or order, and only then', () => {
    const key = figuresKey(indicators);
    expect(figuresKey(indicators.map((i) => ({ ...i, label: `${i.label} (mới)`, required: true })))).toBe(key);
    const changed: ReportIndicator[][] = [
      indicators.map((i) => (i.code === 'S' ? { ...i, code: 'S2' } : i)),
      indicators.map((i) => (i.code === 'M' ? { ...i, type: 'integer' } : i)),
      indicators.map((i) => (i.code === 'M' ? { ...i, aggregation: 'min' } : i)),
      indicators.map((i) => (i.code === 'A' ? { ...i, weightBy: 'S' } : i)),
      [...indicators].reverse(),
      indicators.slice(1),
    ];
    for (const other of changed) expect(figuresKey(other)).not.toBe(key);
  });
});
