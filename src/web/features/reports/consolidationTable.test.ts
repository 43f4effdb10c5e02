import { describe, expect, it } from 'vitest';
import type { ReportForm } from '../../../shared/report-form.js';
import { consolidationRows, draftNarrative, mismatchText } from './consolidationTable.js';
import { indicatorsChart, ratesChart } from './monitoringCharts.js';
import type { ConsolidatedReport, MonitoringPeriod } from './types.js';

const form: ReportForm = {
  sections: [
    {
      title: 'Số liệu',
      indicators: [
        { code: 'HN', label: 'Số hội nghị', type: 'integer', aggregation: 'sum' },
        { code: 'GC', label: 'Ghi chú', type: 'text', aggregation: 'none' },
      ],
    },
  ],
  relations: [],
  outline: ['Kết quả', 'Hạn chế'],
};

const child = (unitId: number, name: string, status: 'onTime' | 'missing', hn?: number): ConsolidatedReport['children'][number] => ({ unitId, code: `C${unitId}`, name, status, review: status === 'missing' ? null : ('submitted' as const), submittedAt: null, version: 1, deadline: '2026-12-08T09:00:00Z', values: hn === undefined ? {} : { HN: hn } });

const report: ConsolidatedReport = {
  regime: { id: 1, code: 'R', name: 'R', type: 'periodic' },
  unit: { id: 9, code: 'DU', name: 'Đảng ủy', kind: 'party_committee' },
  period: { key: '2026-12-09', closingDate: '2026-12-09', start: '', end: '', label: 'Tuần' },
  deadline: null,
  own: { HN: 1 },
  values: { HN: 6 },
  live: { HN: 7 },
  children: [child(1, 'Chi bộ 1', 'onTime', 5), child(2, 'Chi bộ 2', 'missing')],
  mismatches: [{ indicator: 'HN', values: 6, live: 7, explainedBy: [{ code: 'C1', name: 'Chi bộ 1', reported: 5, live: 6 }] }],
  narrative: [
    { title: 'Kết quả', entries: [{ text: 'Tổ chức tốt.', units: ['Chi bộ 1', 'Chi bộ 3'] }, { text: 'Đủ.', units: [] }] },
    { title: 'Hạn chế', entries: [] },
  ],
};

describe('the consolidated table', () => {
  it('has a row per counted indicator with own, each child (nothing for a missing one), total and live', () => {
    const rows = consolidationRows(form, report);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ code: 'HN', own: 1, byChild: { 1: 5, 2: undefined }, total: 6, live: 7 });
    expect(rows[0]?.mismatch?.indicator).toBe('HN');
  });

  it('explains a mismatch by the child that differs', () => {
    expect(mismatchText(report.mismatches[0]!)).toBe('Số liệu chưa khớp: tổng hợp 6, thực tế 7 (Chi bộ 1 báo cáo 5, thực tế 6).');
  });

  it('drafts one narrative text per outline section, naming the units of each entry', () => {
    expect(draftNarrative(form.outline, report)).toEqual(['Tổ chức tốt. (Chi bộ 1, Chi bộ 3)\nĐủ.', '']);
  });
});

const period = (label: string, rate: number, timely: number, hn: number | null): MonitoringPeriod => ({ key: label, closingDate: '2026-12-09', label, expected: 4, onTime: 2, late: 1, missing: 1, returned: 0, approved: 0, reportingRate: rate, timelinessRate: timely, indicators: { HN: hn } });

describe('the monitoring charts', () => {
  it('draws both rates in percent with a table of the counts', () => {
    const { option, table } = ratesChart([period('T1', 0.75, 0.5, 3)]);
    expect((option.series as { data: number[] }[]).map((s) => s.data)).toEqual([[75], [50]]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['09/12/2026']);
    expect(table.rows[0]).toEqual(['T1', 4, 2, 1, 1, '75 %', '50 %']);
  });

  it('draws the chosen indicators, a gap for a period without a figure', () => {
    const { option, table } = indicatorsChart([period('T1', 1, 1, 1200), period('T2', 1, 1, null)], ['HN'], () => 'Số hội nghị');
    expect((option.series as { name: string; data: (number | null)[] }[])[0]).toMatchObject({ name: 'Số hội nghị', data: [1200, null] });
    expect(table.rows).toEqual([['T1', '1.200'], ['T2', '—']]);
  });
});
