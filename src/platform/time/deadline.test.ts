import { describe, expect, it } from 'vitest';
import { checkDeadlineCascade, deadlineFor, isLate, isWorkingDay, workingDaysBetween, type PeriodDeadlineRule } from './deadline.js';
import { periodClosingOn, type WeeklySchedule } from './schedule.js';
import { formatVietnamInstant, parseInstant } from './vietnam.js';

const WEDNESDAY_16: WeeklySchedule = { kind: 'weekly', weekday: 3, time: '16:00' };
const GRASSROOTS: PeriodDeadlineRule = { kind: 'weekday_before_cutoff', weekday: 2, time: '16:00' };
const BOARD: PeriodDeadlineRule = { kind: 'weekday_before_cutoff', weekday: 3, time: '16:00' };
const vn = (d: Date) => formatVietnamInstant(d);

describe('weekly deadlines (seed 004)', () => {
  const week = periodClosingOn(WEDNESDAY_16, '2025-11-05');

  it('puts grassroots units on Tuesday 16:00 and the board on Wednesday 16:00 of the closing week', () => {
    expect(vn(deadlineFor(week, GRASSROOTS))).toBe('2025-11-04T16:00:00.000+07:00');
    expect(vn(deadlineFor(week, BOARD))).toBe('2025-11-05T16:00:00.000+07:00');
    expect(vn(deadlineFor(week, { kind: 'weekday_before_cutoff', weekday: 4, time: '08:00' }))).toBe('2025-10-30T08:00:00.000+07:00');
    expect(checkDeadlineCascade(week, [GRASSROOTS, BOARD])).toEqual([]);
    expect(checkDeadlineCascade(week, [BOARD, GRASSROOTS])).toEqual([{ lower: 0, higher: 1 }]);
  });

  it('counts "before 16:00" strictly', () => {
    const deadline = deadlineFor(week, BOARD);
    expect(isLate(parseInstant('2025-11-05T15:59:59.999+07:00'), deadline)).toBe(false);
    expect(isLate(parseInstant('2025-11-05T16:00:00.000+07:00'), deadline)).toBe(true);
  });

  it('counts working days after a 16:00 cut-off from the next day, skipping the weekend', () => {
    const friday = periodClosingOn({ kind: 'weekly', weekday: 5, time: '16:00' }, '2025-11-07');
    expect(vn(deadlineFor(friday, { kind: 'working_days_after_cutoff', days: 1, time: '16:00' }))).toBe('2025-11-10T16:00:00.000+07:00');
    expect(vn(deadlineFor(friday, { kind: 'working_days_after_cutoff', days: 2 }))).toBe('2025-11-12T00:00:00.000+07:00');
    expect(vn(deadlineFor(week, { kind: 'working_days_after_cutoff', days: 2 }))).toBe('2025-11-08T00:00:00.000+07:00');
  });
});

describe('Decree 09 deadlines', () => {
  const due25: PeriodDeadlineRule = { kind: 'day_of_last_month', day: 25 };
  it.each([
    ['monthly', '2026-01-14', '2026-01-26'],
    ['quarterly', '2026-03-14', '2026-03-26'],
    ['half_year', '2026-06-14', '2026-06-26'],
    ['yearly', '2026-12-14', '2026-12-26'],
  ] as const)('%s closing %s is due by the end of the 25th (before 00:00 %s)', (kind, closing, next) => {
    expect(vn(deadlineFor(periodClosingOn({ kind }, closing), due25))).toBe(`${next}T00:00:00.000+07:00`);
  });

  it('counts working days from a 00:00 cut-off’s own day', () => {
    // January 2026 closes at 00:00 Thursday 15/01: Thursday is the first working day after it.
    const jan = periodClosingOn({ kind: 'monthly' }, '2026-01-14');
    expect(vn(deadlineFor(jan, { kind: 'working_days_after_cutoff', days: 1 }))).toBe('2026-01-16T00:00:00.000+07:00');
    expect(vn(deadlineFor(jan, { kind: 'working_days_after_cutoff', days: 3 }))).toBe('2026-01-20T00:00:00.000+07:00');
    expect(checkDeadlineCascade(jan, [{ kind: 'working_days_after_cutoff', days: 2 }, due25])).toEqual([]);
  });

  it('demands at least one working day between the cut-off and the deadline', () => {
    // Cut-off 00:00 Saturday 15/11/2025 (data of the 14th); the 16th is a Sunday: no working day.
    const nov = periodClosingOn({ kind: 'monthly' }, '2025-11-14');
    expect(() => deadlineFor(nov, { kind: 'day_of_last_month', day: 16 })).toThrow(/ít nhất 01 ngày làm việc/);
    expect(vn(deadlineFor(nov, { kind: 'day_of_last_month', day: 17 }))).toBe('2025-11-18T00:00:00.000+07:00');
    expect(() => deadlineFor(nov, { kind: 'day_of_last_month', day: 10 })).toThrow(/ít nhất 01 ngày làm việc/);
  });

  it('accepts a fixed instant and rejects malformed rules', () => {
    const jan = periodClosingOn({ kind: 'monthly' }, '2026-01-14');
    expect(deadlineFor(jan, { kind: 'fixed', at: '2026-01-20T17:00' }).toISOString()).toBe('2026-01-20T10:00:00.000Z');
    expect(() => deadlineFor(jan, { kind: 'working_days_after_cutoff', days: 0 })).toThrow(/không hợp lệ/);
    expect(() => deadlineFor(jan, { kind: 'day_of_last_month', day: 32 })).toThrow(/không hợp lệ/);
    expect(() => deadlineFor(jan, { kind: 'weekday_before_cutoff', weekday: 0 as 1, time: '16:00' })).toThrow(/không hợp lệ/);
  });
});

describe('working days', () => {
  it('are Monday to Friday', () => {
    expect(isWorkingDay({ year: 2025, month: 11, day: 7 })).toBe(true);
    expect(isWorkingDay({ year: 2025, month: 11, day: 8 })).toBe(false);
    expect(isWorkingDay({ year: 2025, month: 11, day: 9 })).toBe(false);
  });

  it('are counted whole, inside the interval', () => {
    expect(workingDaysBetween(parseInstant('2025-11-05T16:00'), parseInstant('2025-11-07T00:00'))).toBe(1);
    expect(workingDaysBetween(parseInstant('2025-11-06T00:00'), parseInstant('2025-11-07T00:00'))).toBe(1);
    expect(workingDaysBetween(parseInstant('2025-11-06T00:00'), parseInstant('2025-11-06T23:59'))).toBe(0);
    expect(workingDaysBetween(parseInstant('2025-11-08T00:00'), parseInstant('2025-11-10T00:00'))).toBe(0);
    expect(workingDaysBetween(parseInstant('2025-11-10T00:00'), parseInstant('2025-11-01T00:00'))).toBe(0);
  });
});
