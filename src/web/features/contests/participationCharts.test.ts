import { describe, expect, it } from 'vitest';
import { participationChart, percent } from './participationCharts.js';

describe('the participation chart', () => {
  it('draws people and attempts as two series (never one for the other) and the rate in percent', () => {
    const { option, table } = participationChart([
      { number: 1, attempts: 30, people: 12, perfectScores: 2, participationRate: 0.125 },
      { number: 2, attempts: 5, people: 5, perfectScores: 0, participationRate: null },
    ]);
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Số người dự thi', [12, 5]],
      ['Số lượt thi', [30, 5]],
      ['Tỷ lệ tham gia', [12.5, null]],
    ]);
    expect(table.rows[1]).toEqual(['Vòng 2', 5, 5, 0, '—']);
    expect(percent(0.3333)).toBe('33,3 %');
  });
});
