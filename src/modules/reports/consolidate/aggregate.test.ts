import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorValue, ReportIndicator } from '../../../shared/report-form.js';
import { aggregateValues, valuesSentUp, type ValuesPart } from './aggregate.js';

const indicators: ReportIndicator[] = [
  { code: 'S', label: 'Số cuộc', type: 'integer', aggregation: 'sum' },
  { code: 'M', label: 'Cao nhất', type: 'integer', aggregation: 'max' },
  { code: 'N', label: 'Thấp nhất', type: 'integer', aggregation: 'min' },
  { code: 'Y', label: 'Có tổ chức', type: 'yesno', aggregation: 'count-yes' },
  { code: 'W', label: 'Số đảng viên', type: 'integer', aggregation: 'sum' },
  { code: 'A', label: 'Tỷ lệ tham gia', type: 'percentage', aggregation: 'weighted-average', weightBy: 'W' },
  { code: 'T', label: 'Ghi chú', type: 'text', aggregation: 'none' },
];

describe('aggregateValues', () => {
  it('adds up by each rule, skipping blanks rather than reading them as zero', () => {
    const parts: ValuesPart[] = [
      { values: { S: 3, M: 5, N: 5, Y: true, W: 10, A: 50, T: 'x' } },
      { values: { S: null, M: 9, N: 2, Y: false, W: 30, A: 90 } },
      { values: { S: 4, Y: 2 } },
    ];
    expect(aggregateValues(indicators, parts)).toEqual({ S: 7, M: 9, N: 2, Y: 3, W: 40, A: 80, T: null });
  });

  it('gives null when every part is blank, and 0 for a sum when a unit reported no activity', () => {
    expect(aggregateValues(indicators, [{ values: {} }]).S).toBeNull();
    expect(aggregateValues(indicators, [{ values: {} }, { values: {}, noActivity: true }])).toMatchObject({ S: 0, W: 0, M: null, Y: null, A: null });
  });

  it('sends a leaf’s own values up as entered, and a receiving unit’s consolidation', () => {
    expect(valuesSentUp(indicators, { values: { S: 2, Y: true, T: 'x' } }, null)).toMatchObject({ S: 2, Y: true, T: 'x', M: null });
    expect(valuesSentUp(indicators, { values: {}, noActivity: true }, null)).toMatchObject({ S: 0, W: 0, M: null });
    expect(valuesSentUp(indicators, { values: { S: 2, Y: true } }, [{ values: { S: 5, Y: 3 } }])).toMatchObject({ S: 7, Y: 4 });
  });
});

interface Unit {
  parent: number;
  values: Record<string, IndicatorValue>;
  noActivity: boolean;
}

const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 3 });
const unitArb = (index: number): fc.Arbitrary<Unit> =>
  fc.record({
    parent: index === 0 ? fc.constant(-1) : fc.nat(index - 1),
    noActivity: fc.boolean(),
    values: fc
      .record({
        S: maybe(fc.integer({ min: 0, max: 1000 })),
        M: maybe(fc.integer({ min: -50, max: 1000 })),
        N: maybe(fc.integer({ min: -50, max: 1000 })),
        Y: maybe(fc.boolean()),
        weighted: maybe(fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 100 }))),
      })
      .map(({ weighted, ...rest }): Record<string, IndicatorValue> => ({ ...rest, W: weighted?.[0] ?? null, A: weighted?.[1] ?? null })),
  });
const treeArb = fc.integer({ min: 1, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => unitArb(i))));

/** Level by level: each unit sends up its own values consolidated with its children's sent values. */
function sentUp(units: readonly Unit[], index: number): Record<string, IndicatorValue> {
  const unit = units[index] as Unit;
  const children = units.flatMap((u, i) => (u.parent === index ? [i] : []));
  return valuesSentUp(indicators, unit, children.length === 0 ? null : children.map((c) => ({ values: sentUp(units, c) })));
}

describe('consolidation up a tree (property)', () => {
  it('equals consolidating every unit’s own values at once', () => {
    fc.assert(
      fc.property(treeArb, (units) => {
        const children = units.flatMap((u, i) => (u.parent === 0 ? [{ values: sentUp(units, i) }] : []));
        const bottomUp = aggregateValues(indicators, [units[0] as Unit, ...children]);
        const atOnce = aggregateValues(indicators, units);
        for (const code of ['S', 'M', 'N', 'Y', 'W']) expect(bottomUp[code]).toBe(atOnce[code]);
        if (atOnce.A === null || bottomUp.A === null) expect(bottomUp.A).toBe(atOnce.A);
        else expect(bottomUp.A).toBeCloseTo(atOnce.A ?? Number.NaN, 9);
      }),
      { numRuns: 300 },
    );
  });
});
