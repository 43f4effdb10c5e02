import { describe, expect, it } from 'vitest';
import type { ReportContent, ReportForm } from '../../../shared/report-form.js';
import { checkContent, emptyContent, isOverridden, noActivityContent, showValue } from './fillForm.js';

const form: ReportForm = {
  sections: [
    {
      title: 'Số liệu',
      indicators: [
        { code: 'HN', label: 'Số hội nghị', type: 'integer', aggregation: 'sum', required: true },
        { code: 'NG', label: 'Số người dự', type: 'integer', aggregation: 'sum', min: 0, max: 10000 },
        { code: 'TL', label: 'Tỷ lệ', type: 'percentage', aggregation: 'weighted-average', weightBy: 'NG' },
        { code: 'CO', label: 'Có tổ chức', type: 'yesno', aggregation: 'count-yes' },
        { code: 'GC', label: 'Ghi chú', type: 'text', aggregation: 'none' },
      ],
    },
  ],
  relations: [{ left: 'NG', op: '>=', right: 'HN' }],
  outline: ['Kết quả', 'Hạn chế'],
};

const content = (values: ReportContent['values'], over: Partial<ReportContent> = {}): ReportContent => ({ ...emptyContent(form), values, ...over });

describe('checking a unit’s values before it submits', () => {
  it('accepts a complete, consistent report', () => {
    expect(checkContent(form, content({ HN: 2, NG: 40, TL: 55.5, CO: true, GC: 'ổn' }))).toEqual({});
  });

  it('names each problem on its indicator: required, integer, range, percentage bounds, yes/no', () => {
    const errors = checkContent(form, content({ HN: null, NG: 1.5, TL: 120, CO: 'x' }));
    expect(errors.HN).toBe('Chưa nhập số liệu bắt buộc này.');
    expect(errors.NG).toBe('Nhập một số nguyên.');
    expect(errors.TL).toBe('Giá trị không được vượt quá 100.');
    expect(errors.CO).toBe('Chọn Có hoặc Không.');
    expect(checkContent(form, content({ HN: 1, NG: 20000 })).NG).toBe('Giá trị không được vượt quá 10.000.');
  });

  it('checks relations and puts the message on the left indicator', () => {
    expect(checkContent(form, content({ HN: 5, NG: 3 })).NG).toBe('"Số người dự" phải không nhỏ hơn "Số hội nghị".');
  });

  it('asks for a note when a pre-filled figure is overridden', () => {
    const changed = content({ HN: 4 }, { prefilled: { HN: 3 } });
    expect(isOverridden(changed, 'HN')).toBe(true);
    expect(checkContent(form, changed).HN).toContain('Ghi chú lý do');
    expect(checkContent(form, { ...changed, notes: { HN: 'Thêm 1 hội nghị chưa nhập' } })).toEqual({});
    expect(isOverridden(content({ HN: 3 }, { prefilled: { HN: 3 } }), 'HN')).toBe(false);
  });

  it('fills "Không phát sinh trong kỳ" in one go: zeros, "Không", blank texts, the narrative kept', () => {
    const none = noActivityContent(form, content({ HN: 7 }, { narrative: ['a', 'b'], notes: { HN: 'x' } }));
    expect(none).toEqual({ values: { HN: 0, NG: 0, TL: 0, CO: false, GC: null }, notes: {}, prefilled: {}, narrative: ['a', 'b'], noActivity: true });
    expect(checkContent(form, none)).toEqual({});
  });

  it('shows values in Vietnamese', () => {
    expect([showValue(12345.5), showValue(true), showValue(false), showValue(null), showValue('x')]).toEqual(['12.345,5', 'Có', 'Không', '—', 'x']);
  });
});
