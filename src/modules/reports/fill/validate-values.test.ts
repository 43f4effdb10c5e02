import { describe, expect, it } from 'vitest';
import type { ReportForm } from '../../../shared/report-form.js';
import { MAX_INDICATOR_TEXT, validateValues } from './validate-values.js';

const form: ReportForm = {
  sections: [
    {
      title: 'Hội nghị',
      indicators: [
        { code: 'HN', label: 'Số hội nghị', type: 'integer', aggregation: 'sum', required: true, min: 0 },
        { code: 'NG', label: 'Số người dự', type: 'integer', aggregation: 'sum', max: 100000 },
        { code: 'TL', label: 'Tỷ lệ', type: 'percentage', aggregation: 'max' },
        { code: 'KP', label: 'Kinh phí', type: 'decimal', aggregation: 'sum' },
        { code: 'CO', label: 'Có tổ chức', type: 'yesno', aggregation: 'count-yes' },
        { code: 'GC', label: 'Ghi chú', type: 'text', aggregation: 'none' },
      ],
    },
  ],
  relations: [{ left: 'NG', op: '>=', right: 'HN' }],
  outline: ['Kết quả'],
};

describe('validateValues', () => {
  it('accepts good values', () => {
    expect(validateValues(form, { HN: 2, NG: 40, TL: 99.5, KP: 1.25, CO: true, GC: 'ổn' })).toEqual([]);
  });

  it('reports every problem at once, by indicator code, in Vietnamese', () => {
    const problems = validateValues(form, { NG: 2.5, TL: 101, KP: 'nhiều', CO: 'có', GC: 'x'.repeat(MAX_INDICATOR_TEXT + 1), XX: 1 });
    expect(problems.map((p) => p.code)).toEqual(['XX', 'HN', 'NG', 'TL', 'KP', 'CO', 'GC']);
    expect(problems.find((p) => p.code === 'HN')?.message).toBe('Chưa nhập "Số hội nghị" (chỉ tiêu bắt buộc).');
    expect(problems.find((p) => p.code === 'TL')?.message).toContain('từ 0 đến 100');
    expect(problems.find((p) => p.code === 'XX')?.message).toContain('không có chỉ tiêu mã "XX"');
  });

  it('checks ranges and relations between indicators', () => {
    expect(validateValues(form, { HN: -1 })).toEqual([{ code: 'HN', message: '"Số hội nghị" không được nhỏ hơn 0.' }]);
    expect(validateValues(form, { HN: 3, NG: 200000 })[0]?.message).toBe('"Số người dự" không được lớn hơn 100.000.');
    expect(validateValues(form, { HN: 5, NG: 4 })).toEqual([{ code: 'NG', message: '"Số người dự" (4) phải lớn hơn hoặc bằng "Số hội nghị" (5).' }]);
  });

  it('waives required indicators for "no activity", and reads blank text as blank', () => {
    expect(validateValues(form, {}, { noActivity: true })).toEqual([]);
    expect(validateValues(form, { HN: '  ' }).map((p) => p.code)).toEqual(['HN']);
  });
});
