import { describe, expect, it } from 'vitest';
import type { ReportForm, ReportIndicator } from '../../../shared/report-form.js';
import { validateForm } from './validate-form.js';

const ind = (code: string, type: ReportIndicator['type'], aggregation: ReportIndicator['aggregation'], extra: Partial<ReportIndicator> = {}): ReportIndicator => ({
  code,
  label: `Chỉ tiêu ${code}`,
  type,
  aggregation,
  ...extra,
});
const form = (indicators: ReportIndicator[], extra: Partial<ReportForm> = {}): ReportForm => ({ sections: [{ title: 'Số liệu', indicators }], relations: [], outline: [], ...extra });
const paths = (f: ReportForm) => validateForm(f).map((p) => p.path);

describe('validateForm', () => {
  it('accepts a sound form: sums, a weighted average, count of yes, text, relations, prefill keys', () => {
    const sound = form(
      [
        ind('meetings', 'integer', 'sum', { min: 0, prefill: 'campaigns.activities' }),
        ind('attendees', 'integer', 'sum', { prefill: 'campaigns.quantity.article' }),
        ind('rate', 'percentage', 'weighted-average', { weightBy: 'attendees', min: 0, max: 100 }),
        ind('held', 'yesno', 'count-yes'),
        ind('note', 'text', 'none'),
      ],
      { relations: [{ left: 'attendees', op: '>=', right: 'meetings' }], outline: ['Kết quả'] },
    );
    expect(validateForm(sound)).toEqual([]);
  });

  it('lists every problem at once with its path', () => {
    const bad = form(
      [
        ind('A', 'integer', 'sum'),
        ind('A', 'decimal', 'max'),
        ind('T', 'text', 'sum'),
        ind('Y', 'yesno', 'sum'),
        ind('N', 'integer', 'count-yes'),
        ind('W', 'yesno', 'weighted-average', { weightBy: 'A' }),
        ind('W2', 'decimal', 'weighted-average'),
        ind('W3', 'decimal', 'weighted-average', { weightBy: 'T' }),
        ind('W4', 'decimal', 'weighted-average', { weightBy: 'nope' }),
        ind('S', 'integer', 'sum', { weightBy: 'A' }),
        ind('R', 'integer', 'sum', { min: 10, max: 5 }),
        ind('RT', 'text', 'none', { max: 5 }),
        ind('P', 'integer', 'sum', { prefill: 'activities' }),
        ind('PT', 'text', 'none', { prefill: 'campaigns.activities' }),
      ],
      { relations: [{ left: 'A', op: '>=', right: 'missing' }, { left: 'T', op: '=', right: 'A' }] },
    );
    expect(paths(bad)).toEqual([
      'sections.0.indicators.1.code',
      'sections.0.indicators.2.aggregation',
      'sections.0.indicators.3.aggregation',
      'sections.0.indicators.4.aggregation',
      'sections.0.indicators.5.aggregation',
      'sections.0.indicators.6.weightBy',
      'sections.0.indicators.7.weightBy',
      'sections.0.indicators.8.weightBy',
      'sections.0.indicators.9.weightBy',
      'sections.0.indicators.10.max',
      'sections.0.indicators.11.min',
      'sections.0.indicators.12.prefill',
      'sections.0.indicators.13.prefill',
      'relations.0.right',
      'relations.1.left',
    ]);
    expect(validateForm(bad)[0]?.message).toBe('Mã chỉ tiêu "A" bị trùng.');
  });

  it('finds duplicate codes across sections and refuses an empty form', () => {
    const twoSections: ReportForm = { sections: [{ title: 'I', indicators: [ind('A', 'integer', 'sum')] }, { title: 'II', indicators: [ind('A', 'integer', 'sum')] }], relations: [], outline: [] };
    expect(paths(twoSections)).toEqual(['sections.1.indicators.0.code']);
    expect(paths(form([]))).toEqual(['sections']);
    expect(paths(form([], { outline: ['Kết quả'] }))).toEqual([]);
  });
});
