import { describe, expect, it } from 'vitest';
import { nextPeriod, periodAt, periodClosingOn, periodsOverlapping, previousPeriod, type Schedule, type WeeklySchedule } from './schedule.js';
import { formatVietnamInstant, parseInstant } from './vietnam.js';

const WEDNESDAY_16: WeeklySchedule = { kind: 'weekly', weekday: 3, time: '16:00' };
const vn = (p: { start: Date; end: Date }) => [formatVietnamInstant(p.start), formatVietnamInstant(p.end)];

describe('weekly periods', () => {
  it('puts 15:59:59.999 on Wednesday in the week closing that day, and 16:00:00.000 in the next', () => {
    const before = periodAt(WEDNESDAY_16, parseInstant('2025-11-05T15:59:59.999+07:00'));
    expect(before.closingDate).toBe('2025-11-05');
    expect(vn(before)).toEqual(['2025-10-29T16:00:00.000+07:00', '2025-11-05T16:00:00.000+07:00']);
    const at = periodAt(WEDNESDAY_16, parseInstant('2025-11-05T16:00:00.000+07:00'));
    expect(at.closingDate).toBe('2025-11-12');
    expect(at.start).toEqual(before.end);
  });

  it('finds the period closing on a Wednesday, and refuses any other weekday', () => {
    const p = periodClosingOn(WEDNESDAY_16, '2025-11-05');
    expect(vn(p)).toEqual(['2025-10-29T16:00:00.000+07:00', '2025-11-05T16:00:00.000+07:00']);
    expect(p.key).toBe('2025-11-05');
    expect(() => periodClosingOn(WEDNESDAY_16, '2025-11-04')).toThrow('Ngày 04/11/2025 là thứ Ba, không phải ngày chốt số liệu (thứ Tư hằng tuần).');
    expect(() => periodClosingOn(WEDNESDAY_16, '2025-02-30')).toThrow(/không hợp lệ/);
  });

  it('crosses the year boundary like any other week', () => {
    const p = periodClosingOn(WEDNESDAY_16, '2025-12-31');
    expect(nextPeriod(p).closingDate).toBe('2026-01-07');
    expect(previousPeriod(periodClosingOn(WEDNESDAY_16, '2026-01-07')).closingDate).toBe('2025-12-31');
    expect(periodAt(WEDNESDAY_16, parseInstant('2026-01-01T00:00+07:00')).closingDate).toBe('2026-01-07');
  });

  it('closes at the end of the named day with 24:00', () => {
    const p = periodAt({ kind: 'weekly', weekday: 3, time: '24:00' }, parseInstant('2025-11-05T23:59:59.999+07:00'));
    expect(p.closingDate).toBe('2025-11-05');
    expect(vn(p)).toEqual(['2025-10-30T00:00:00.000+07:00', '2025-11-06T00:00:00.000+07:00']);
  });

  it('lists the weeks overlapping a range, for charts', () => {
    const weeks = periodsOverlapping(WEDNESDAY_16, parseInstant('2025-10-15T00:00'), parseInstant('2025-11-05T16:00'));
    expect(weeks.map((w) => w.closingDate)).toEqual(['2025-10-15', '2025-10-22', '2025-10-29', '2025-11-05']);
    expect(periodsOverlapping(WEDNESDAY_16, parseInstant('2025-11-05T16:00'), parseInstant('2025-11-05T16:00'))).toEqual([]);
  });
});

describe('Decree 09 periods (2026 worked example)', () => {
  const cases: [Schedule['kind'], string, string, string, string][] = [
    ['monthly', '2026-01-14', '2025-12-15', '2026-01-15', '2026-01'],
    ['quarterly', '2026-03-14', '2025-12-15', '2026-03-15', '2026-Q1'],
    ['half_year', '2026-06-14', '2025-12-15', '2026-06-15', '2026-H1'],
    ['half_year', '2026-12-14', '2026-06-15', '2026-12-15', '2026-H2'],
    ['yearly', '2026-12-14', '2025-12-15', '2026-12-15', '2026'],
  ];
  it.each(cases)('%s closing %s runs from 00:00 %s to 00:00 %s', (kind, closing, start, end, key) => {
    const schedule = { kind } as Schedule;
    const p = periodClosingOn(schedule, closing);
    expect(vn(p)).toEqual([`${start}T00:00:00.000+07:00`, `${end}T00:00:00.000+07:00`]);
    expect(p.key).toBe(key);
    expect(periodAt(schedule, parseInstant(`${closing}T23:59:59.999`))).toEqual(p);
    expect(periodAt(schedule, parseInstant(`${start}T00:00`))).toEqual(p);
  });

  it('puts the 14th in the month and the 15th in the next', () => {
    expect(periodAt({ kind: 'monthly' }, parseInstant('2026-01-14T23:59')).key).toBe('2026-01');
    expect(periodAt({ kind: 'monthly' }, parseInstant('2026-01-15T00:00')).key).toBe('2026-02');
    expect(periodAt({ kind: 'monthly' }, parseInstant('2025-12-20T10:00')).key).toBe('2026-01');
    expect(periodAt({ kind: 'quarterly' }, parseInstant('2025-12-15T00:00')).key).toBe('2026-Q1');
    expect(periodAt({ kind: 'yearly' }, parseInstant('2025-12-14T23:59')).key).toBe('2025');
  });

  it('steps across years', () => {
    const jan = periodClosingOn({ kind: 'monthly' }, '2026-01-14');
    expect(previousPeriod(jan).key).toBe('2025-12');
    expect(nextPeriod(periodClosingOn({ kind: 'quarterly' }, '2025-12-14')).key).toBe('2026-Q1');
  });

  it('refuses a date that is not a cut-off day', () => {
    expect(() => periodClosingOn({ kind: 'monthly' }, '2026-01-15')).toThrow(/ngày 14 của tháng cuối kỳ/);
    expect(() => periodClosingOn({ kind: 'quarterly' }, '2026-02-14')).toThrow(/không phải ngày chốt/);
  });

  it('gives calendar months with cutoffDay 31, clamped to the month’s length', () => {
    const feb = periodClosingOn({ kind: 'monthly', cutoffDay: 31 }, '2024-02-29');
    expect(vn(feb)).toEqual(['2024-02-01T00:00:00.000+07:00', '2024-03-01T00:00:00.000+07:00']);
    expect(() => periodClosingOn({ kind: 'monthly', cutoffDay: 31 }, '2024-02-28')).toThrow(/không phải ngày chốt/);
  });
});

describe('one-off periods and validation', () => {
  const oneOff: Schedule = { kind: 'one_off', start: '2025-11-01T08:00', end: '2025-11-05T16:00' };
  it('has one period, no neighbours', () => {
    const p = periodAt(oneOff, parseInstant('2025-11-03T00:00'));
    expect(p?.closingDate).toBe('2025-11-05');
    expect(periodAt(oneOff, parseInstant('2025-11-05T16:00'))).toBeNull();
    expect(p && nextPeriod(p)).toBeNull();
    expect(p && previousPeriod(p)).toBeNull();
    expect(periodClosingOn(oneOff, '2025-11-05')).toEqual(p);
    expect(periodsOverlapping(oneOff, parseInstant('2025-01-01'), parseInstant('2026-01-01'))).toEqual([p]);
    expect(periodsOverlapping(oneOff, parseInstant('2025-11-05T16:00'), parseInstant('2026-01-01'))).toEqual([]);
  });

  it('rejects bad schedules in Vietnamese', () => {
    expect(() => periodAt({ kind: 'one_off', start: '2025-11-05', end: '2025-11-01' }, new Date())).toThrow(/phải trước/);
    expect(() => periodAt({ kind: 'weekly', weekday: 8 as 1, time: '16:00' }, new Date())).toThrow(/Thứ chốt/);
    expect(() => periodAt({ kind: 'weekly', weekday: 3, time: '16h' }, new Date())).toThrow(/Giờ/);
    expect(() => periodAt({ kind: 'monthly', cutoffDay: 0 }, new Date())).toThrow(/Ngày chốt/);
  });
});
