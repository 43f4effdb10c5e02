import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countReports, reportRates } from './rates.js';

const unitArb = fc.record({
  status: fc.constantFrom('onTime' as const, 'late' as const, 'missing' as const),
  review: fc.constantFrom(null, 'submitted' as const, 'returned' as const, 'approved' as const),
});

describe('reportRates', () => {
  it('is 0 for nobody expected', () => {
    expect(reportRates({ expected: 0, onTime: 0, late: 0 })).toEqual({ reportingRate: 0, timelinessRate: 0 });
  });

  it('stays within 0..1, timeliness never above reporting, counts adding up (property)', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { maxLength: 60 }), (units) => {
        const counts = countReports(units);
        const rates = reportRates(counts);
        expect(counts.onTime + counts.late + counts.missing).toBe(counts.expected);
        expect(rates.reportingRate).toBeGreaterThanOrEqual(0);
        expect(rates.reportingRate).toBeLessThanOrEqual(1);
        expect(rates.timelinessRate).toBeLessThanOrEqual(rates.reportingRate);
      }),
    );
  });
});
