import { describe, expect, it } from 'vitest';
import type { ReportIndicator } from '../../../shared/report-form.js';
import { checkFormBuilder, definitionFromValues, emptyRegimeValues, valuesFromDefinition, type RegimeFormValues } from './regimeForm.js';

const ind = (code: string, over: Partial<ReportIndicator> = {}): ReportIndicator => ({ code, label: `Chỉ tiêu ${code}`, type: 'integer', aggregation: 'sum', ...over });

function weekly(over: Partial<RegimeFormValues> = {}): RegimeFormValues {
  return {
    ...emptyRegimeValues(),
    code: ' BC-TUAN ',
    name: 'Báo cáo tuần',
    issuerUnit: 'LCU-DU-UBND',
    reportingUnitKinds: ['party_cell'],
    deadlines: [
      { unitKinds: ['party_cell'], weekday: 'tuesday', time: '16:00' },
      { unitKinds: [], weekday: 'monday', time: '08:00' },
    ],
    sections: [{ title: 'Số liệu', indicators: [ind('HN', { unitOfMeasure: 'cuộc', prefill: 'campaigns.activities', min: undefined }), ind('NG', { required: true, min: 0 })] }],
    relations: [{ left: 'NG', op: '>=', right: 'HN' }],
    ...over,
  };
}

describe('the regime editor form ⇄ the define JSON', () => {
  it('builds the define JSON: trimmed code, weekly frequency, deadlines of named kinds, minutes, indicators and outline beside the form', () => {
    const body = definitionFromValues(weekly());
    expect(body.code).toBe('BC-TUAN');
    expect(body.frequency).toEqual({ kind: 'weekly', weekday: 'wednesday', time: '16:00' });
    expect(body.deadlines).toEqual([{ unitKinds: ['party_cell'], weekday: 'tuesday', time: '16:00' }]);
    expect(body.reminderOffsetsMinutes).toEqual([2880, 240]);
    expect(body.indicators.map((i) => i.code)).toEqual(['HN', 'NG']);
    expect(body.indicators[0]).toEqual({ code: 'HN', label: 'Chỉ tiêu HN', type: 'integer', aggregation: 'sum', unitOfMeasure: 'cuộc', prefill: 'campaigns.activities' });
    expect(body.form?.relations).toEqual([{ left: 'NG', op: '>=', right: 'HN' }]);
    expect(body.outline).toEqual(body.form?.outline);
    expect(body.outline).toHaveLength(4);
  });

  it('writes calendar deadlines as a day of the month and a one-off period as Vietnam days', () => {
    const monthly = definitionFromValues(weekly({ frequencyKind: 'monthly', deadlines: [{ unitKinds: ['commune'], day: 16 }] }));
    expect(monthly.frequency).toEqual({ kind: 'monthly' });
    expect(monthly.deadlines).toEqual([{ unitKinds: ['commune'], day: 16 }]);
    const once = definitionFromValues(weekly({ frequencyKind: 'once', onceStart: '2026-12-01', onceEnd: '2026-12-15' }));
    expect(once.frequency).toEqual({ kind: 'once', start: '2026-11-30T17:00:00.000Z', end: '2026-12-15T16:59:59.999Z' });
  });

  it('reads a definition back into the same values', () => {
    const body = definitionFromValues(weekly({ frequencyKind: 'once', onceStart: '2026-12-01', onceEnd: '2026-12-15' }));
    const values = valuesFromDefinition(body);
    expect(values.onceStart).toBe('2026-12-01');
    expect(values.onceEnd).toBe('2026-12-15');
    expect(definitionFromValues(values)).toEqual(body);
  });

  it('makes one section of a proposal that has indicators and no form', () => {
    const values = valuesFromDefinition({ name: 'Báo cáo', indicators: [ind('A')], outline: ['Kết quả'] });
    expect(values.sections).toEqual([{ title: 'Số liệu', indicators: [ind('A')] }]);
    expect(values.outline).toEqual(['Kết quả']);
  });
});

describe('the form builder checks', () => {
  it('accepts a sound form', () => {
    expect(checkFormBuilder(weekly())).toEqual([]);
  });

  it('puts each problem on its field', () => {
    const issues = checkFormBuilder({
      sections: [
        {
          title: 'A',
          indicators: [
            ind('X'),
            ind('X'),
            ind('T', { type: 'text', aggregation: 'sum' }),
            ind('Y', { type: 'integer', aggregation: 'count-yes' }),
            ind('W', { type: 'percentage', aggregation: 'weighted-average', weightBy: 'T' }),
            ind('R', { min: 10, max: 5 }),
          ],
        },
      ],
      relations: [{ left: 'X', op: '>=', right: 'NOPE' }],
    });
    const at = (i: number, field: string) => issues.find((x) => x.path.join('.') === `sections.0.indicators.${i}.${field}`)?.message;
    expect(at(1, 'code')).toContain('bị trùng');
    expect(at(2, 'aggregation')).toContain('văn bản');
    expect(at(3, 'aggregation')).toContain('Có / Không');
    expect(at(4, 'weightBy')).toContain('quyền số');
    expect(at(5, 'max')).toContain('không nhỏ hơn');
    expect(issues.find((x) => x.path.join('.') === 'relations.0.right')?.message).toContain('chỉ tiêu số');
  });

  it('needs at least one indicator', () => {
    expect(checkFormBuilder({ sections: [{ title: 'A', indicators: [] }], relations: [] })[0]?.message).toContain('ít nhất một chỉ tiêu');
  });
});
