/** The participation page's chart (pure): people and attempts per round as bars, the participation rate as a line. */
import type { ChartTable } from '../consultation-report/ChartDataTable.js';

export interface SeriesRound {
  number: number;
  attempts: number;
  people: number;
  perfectScores: number;
  participationRate: number | null;
}

export const percent = (rate: number | null | undefined) => (rate == null ? '—' : `${(Math.round(rate * 1000) / 10).toLocaleString('vi-VN')} %`);

export function participationChart(rounds: readonly SeriesRound[]): { option: Record<string, unknown>; table: ChartTable } {
  const labels = rounds.map((r) => `Vòng ${r.number}`);
  return {
    option: {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 56, right: 56, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: labels },
      yAxis: [
        { type: 'value', name: 'Số người / lượt', minInterval: 1 },
        { type: 'value', name: 'Tỷ lệ', min: 0, axisLabel: { formatter: '{value} %' } },
      ],
      series: [
        { type: 'bar', name: 'Số người dự thi', data: rounds.map((r) => r.people) },
        { type: 'bar', name: 'Số lượt thi', data: rounds.map((r) => r.attempts) },
        { type: 'line', name: 'Tỷ lệ tham gia', yAxisIndex: 1, data: rounds.map((r) => (r.participationRate == null ? null : Math.round(r.participationRate * 1000) / 10)) },
      ],
    },
    table: {
      head: ['Vòng', 'Số người dự thi', 'Số lượt thi', 'Số người đạt điểm tuyệt đối', 'Tỷ lệ tham gia'],
      rows: rounds.map((r, i) => [labels[i] ?? '', r.people, r.attempts, r.perfectScores, percent(r.participationRate)]),
    },
  };
}
