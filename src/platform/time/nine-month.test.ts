import { describe, expect, it } from 'vitest';
import { periodLabel } from './label.js';
import { nextPeriod, periodAt, periodClosingOn, periodsOverlapping, previousPeriod, type CalendarSchedule } from './schedule.js';

/** Decree 09's nine-month report: data from 15/12 of the previous year to 14/09, once a year. */
const nineMonth: CalendarSchedule = { kind: 'nine_month' };
const vn = (local: string) => new Date(`${local}+07:00`);

describe('nine-month windows', () => {
  it('run from 15/12 of the previous year to 15/09, keyed YYYY-9M and labelled "9 tháng năm YYYY"', () => {
    const p = periodClosingOn(nineMonth, '2026-09-14');
    expect(p).toMatchObject({ start: vn('2025-12-15T00:00:00'), end: vn('2026-09-15T00:00:00'), closingDate: '2026-09-14', key: '2026-9M' });
    expect(periodLabel(p)).toBe('9 tháng năm 2026');
  });

  it('contain the instants of their window, up to the last millisecond of 14/09', () => {
    expect(periodAt(nineMonth, vn('2025-12-15T00:00:00')).key).toBe('2026-9M');
    expect(periodAt(nineMonth, vn('2026-09-14T23:59:59.999')).key).toBe('2026-9M');
    expect(periodAt(nineMonth, vn('2025-09-14T23:59:59.999')).key).toBe('2025-9M');
    expect(periodAt(nineMonth, vn('2025-12-14T23:59:59.999')).key).toBe('2026-9M');
  });

  it('leave a gap from 15/09 to 15/12, where the next year\'s window is given', () => {
    const inGap = periodAt(nineMonth, vn('2026-10-01T09:00:00'));
    expect(inGap.key).toBe('2027-9M');
    expect(inGap.start).toEqual(vn('2026-12-15T00:00:00'));
  });

  it('follow one another yearly', () => {
    const p = periodClosingOn(nineMonth, '2026-09-14');
    expect(nextPeriod(p).key).toBe('2027-9M');
    expect(previousPeriod(p).key).toBe('2025-9M');
    expect(periodsOverlapping(nineMonth, vn('2026-01-01T00:00:00'), vn('2027-01-01T00:00:00')).map((x) => x.key)).toEqual(['2026-9M', '2027-9M']);
  });

  it('close only on 14/09 (or the cut-off day given)', () => {
    expect(() => periodClosingOn(nineMonth, '2026-06-14')).toThrow(/không phải ngày chốt/);
    expect(() => periodClosingOn(nineMonth, '2026-09-15')).toThrow(/không phải ngày chốt/);
    expect(periodClosingOn({ kind: 'nine_month', cutoffDay: 30 }, '2026-09-30').end).toEqual(vn('2026-10-01T00:00:00'));
  });
});
