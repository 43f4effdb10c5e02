/**
 * The regime page's charts (pure): reporting and timeliness rates over periods, and chosen indicators
 * over periods — each an ECharts option and the same figures as a table for screen readers.
 */
import type { ChartTable } from '../consultation-report/ChartDataTable.js';
import { formatDate } from '../../lib/time.js';
import { percent, timelinessLabels } from './labels.js';
import type { MonitoringPeriod } from './types.js';

export type ChartOption = Record<string, unknown>;

export function ratesChart(periods: readonly MonitoringPeriod[]): { option: ChartOption; table: ChartTable } {
  // The axis names each period by its closing date (the full labels are long); the table keeps them.
  const labels = periods.map((p) => formatDate(p.closingDate));
  const pct = (r: number) => Math.round(r * 1000) / 10;
  return {
    option: {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v} %` },
      legend: { bottom: 0 },
      grid: { left: 44, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        { type: 'line', name: 'Tỷ lệ báo cáo', data: periods.map((p) => pct(p.reportingRate)) },
        { type: 'line', name: 'Tỷ lệ đúng hạn', data: periods.map((p) => pct(p.timelinessRate)) },
      ],
    },
    table: {
      head: ['Kỳ', 'Phải báo cáo', timelinessLabels.onTime, timelinessLabels.late, timelinessLabels.missing, 'Tỷ lệ báo cáo', 'Tỷ lệ đúng hạn'],
      rows: periods.map((p) => [p.label, p.expected, p.onTime, p.late, p.missing, percent(p.reportingRate), percent(p.timelinessRate)]),
    },
  };
}

export function indicatorsChart(periods: readonly MonitoringPeriod[], codes: readonly string[], labelOf: (code: string) => string): { option: ChartOption; table: ChartTable } {
  return {
    option: {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 56, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: periods.map((p) => formatDate(p.closingDate)) },
      yAxis: { type: 'value' },
      series: codes.map((c) => ({ type: 'line', name: labelOf(c), connectNulls: false, data: periods.map((p) => p.indicators[c] ?? null) })),
    },
    table: { head: ['Kỳ', ...codes.map(labelOf)], rows: periods.map((p) => [p.label, ...codes.map((c) => p.indicators[c]?.toLocaleString('vi-VN') ?? '—')]) },
  };
}
