import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInMonth,
  formatIsoDate,
  formatTimeOfDay,
  formatVietnamInstant,
  formatViDate,
  isoWeekdayOf,
  parseInstant,
  parseIsoDate,
  parseTimeOfDay,
  vietnamDateOf,
  vietnamInstant,
  vietnamMinuteOfDay,
  vietnamToday,
} from './vietnam.js';

describe('vietnamToday', () => {
  it('is the date in Vietnam, not the server’s: 17:00 UTC is already the next day in Hà Nội', () => {
    expect(vietnamToday(new Date('2025-12-31T17:00:00Z'))).toEqual({ year: 2026, month: 1, day: 1 });
    expect(vietnamToday(new Date('2025-12-31T16:59:59Z'))).toEqual({ year: 2025, month: 12, day: 31 });
  });

  it('agrees with Intl’s Asia/Ho_Chi_Minh for instants since 1975', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (const iso of ['1975-06-13T17:00:00Z', '2000-02-28T16:59:59Z', '2024-02-28T17:00:00Z', '2099-12-31T17:00:00Z']) {
      const at = new Date(iso);
      expect(formatIsoDate(vietnamDateOf(at))).toBe(intl.format(at));
    }
  });
});

describe('calendar helpers', () => {
  it('knows weekdays, month lengths and day arithmetic', () => {
    expect(isoWeekdayOf({ year: 2025, month: 11, day: 5 })).toBe(3); // Wednesday
    expect(isoWeekdayOf({ year: 2026, month: 1, day: 4 })).toBe(7); // Sunday
    expect(isoWeekdayOf({ year: 1970, month: 1, day: 1 })).toBe(4); // Thursday
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2025, 12)).toBe(31);
    expect(addDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(formatViDate({ year: 2026, month: 1, day: 4 })).toBe('04/01/2026');
  });

  it('parses and formats times of day, 24:00 included', () => {
    expect(parseTimeOfDay('16:00')).toBe(960);
    expect(parseTimeOfDay('24:00')).toBe(1440);
    expect(formatTimeOfDay(965)).toBe('16:05');
    for (const bad of ['24:01', '16:60', '7:00', '16h00', '']) expect(() => parseTimeOfDay(bad)).toThrow(/không hợp lệ/);
  });

  it('parses ISO dates strictly', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2025-02-29', '2025-13-01', '05/11/2025']) expect(() => parseIsoDate(bad)).toThrow(/không hợp lệ/);
  });
});

describe('instants', () => {
  it('reads offset-less instants as Vietnam time, never the server’s zone', () => {
    expect(parseInstant('2025-11-05T16:00').toISOString()).toBe('2025-11-05T09:00:00.000Z');
    expect(parseInstant('2025-11-05').toISOString()).toBe('2025-11-04T17:00:00.000Z');
    expect(parseInstant('2025-11-05T16:00:00.5+07:00').toISOString()).toBe('2025-11-05T09:00:00.500Z');
    expect(parseInstant('2025-11-05T09:00:00Z').toISOString()).toBe('2025-11-05T09:00:00.000Z');
    expect(parseInstant('2025-11-05T04:00:00-05:00').toISOString()).toBe('2025-11-05T09:00:00.000Z');
    for (const bad of ['2025-11-05T16', 'tomorrow', '2025-11-05T16:00:61']) expect(() => parseInstant(bad)).toThrow(/không hợp lệ/);
  });

  it('builds and shows Vietnam instants', () => {
    const at = vietnamInstant({ year: 2025, month: 11, day: 5 }, '16:00');
    expect(at.toISOString()).toBe('2025-11-05T09:00:00.000Z');
    expect(vietnamInstant({ year: 2025, month: 11, day: 5 }, '24:00').toISOString()).toBe('2025-11-05T17:00:00.000Z');
    expect(formatVietnamInstant(at)).toBe('2025-11-05T16:00:00.000+07:00');
    expect(vietnamMinuteOfDay(at)).toBe(960);
  });
});
