/** Property tests of the period and deadline engine (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineFor, workingDaysBetween, type PeriodDeadlineRule } from './deadline.js';
import { periodLabel } from './label.js';
import {
  nextPeriod,
  periodAt,
  periodClosingOn,
  periodsOverlapping,
  previousPeriod,
  type CalendarSchedule,
  type RecurringSchedule,
  type WeeklySchedule,
} from './schedule.js';
import { WEEK_MS, formatTimeOfDay, parseTimeOfDay, type IsoWeekday } from './vietnam.js';

const weekday = fc.integer({ min: 1, max: 7 }).map((n) => n as IsoWeekday);
const timeOfDay = fc.integer({ min: 0, max: 24 * 60 }).map(formatTimeOfDay);
const weekly: fc.Arbitrary<WeeklySchedule> = fc.record({ kind: fc.constant('weekly' as const), weekday, time: timeOfDay });
const calendarKind = fc.constantFrom('monthly', 'quarterly', 'half_year', 'yearly') as fc.Arbitrary<CalendarSchedule['kind']>;
const calendar: fc.Arbitrary<CalendarSchedule> = fc.oneof(
  calendarKind.map((kind) => ({ kind })),
  fc.record({ kind: calendarKind, cutoffDay: fc.integer({ min: 1, max: 31 }) }),
);
const schedule: fc.Arbitrary<RecurringSchedule> = fc.oneof(weekly, calendar);
/** Instants between 1976 and 2100, with millisecond precision. */
const instant = fc.integer({ min: Date.UTC(1976, 0, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));

const ms = (d: Date) => d.getTime();

describe('periods (properties)', () => {
  it('put every instant in exactly one period: start ≤ t < end, outside its neighbours', () => {
    fc.assert(
      fc.property(schedule, instant, (s, t) => {
        const p = periodAt(s, t);
        expect(ms(p.start) <= ms(t) && ms(t) < ms(p.end)).toBe(true);
        expect(ms(previousPeriod(p).end) <= ms(t)).toBe(true);
        expect(ms(t) < ms(nextPeriod(p).start)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('tile time: next(p).start = p.end, previous(next(p)) = p, next(previous(p)) = p', () => {
    fc.assert(
      fc.property(schedule, instant, (s, t) => {
        const p = periodAt(s, t);
        const next = nextPeriod(p);
        expect(ms(next.start)).toBe(ms(p.end));
        expect(ms(previousPeriod(p).end)).toBe(ms(p.start));
        expect(previousPeriod(next)).toEqual(p);
        expect(nextPeriod(previousPeriod(p))).toEqual(p);
        expect(ms(p.start) < ms(p.end)).toBe(true);
        expect(next.key).not.toBe(p.key);
      }),
      { numRuns: 1000 },
    );
  });

  it('find p again from its start, its last millisecond and its closing date', () => {
    fc.assert(
      fc.property(schedule, instant, (s, t) => {
        const p = periodAt(s, t);
        expect(periodAt(s, p.start)).toEqual(p);
        expect(periodAt(s, new Date(ms(p.end) - 1))).toEqual(p);
        expect(periodClosingOn(s, p.closingDate)).toEqual(p);
        expect(periodLabel(p).length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('list the periods overlapping a range contiguously, covering it', () => {
    fc.assert(
      fc.property(schedule, instant, fc.integer({ min: 1, max: 3 * 366 * 86_400_000 }), (s, from, span) => {
        const to = new Date(ms(from) + span);
        const list = periodsOverlapping(s, from, to);
        expect(list[0]).toEqual(periodAt(s, from));
        expect(list.at(-1)).toEqual(periodAt(s, new Date(ms(to) - 1)));
        for (let i = 1; i < list.length; i++) expect(ms(list[i]?.start ?? new Date(0))).toBe(ms(list[i - 1]?.end ?? new Date(0)));
      }),
      { numRuns: 300 },
    );
  });
});

/** How long before the weekly cut-off a weekday/time rule falls, in minutes (0 ≤ lead < a week). */
function leadMinutes(s: WeeklySchedule, r: { weekday: IsoWeekday; time: string }): number {
  const week = WEEK_MS / 60_000;
  const at = (w: number, time: string) => (w - 1) * 1440 + parseTimeOfDay(time);
  return (((at(s.weekday, s.time) - at(r.weekday, r.time)) % week) + week) % week;
}

describe('deadlines (properties)', () => {
  const weekdayRule = fc.record({ kind: fc.constant('weekday_before_cutoff' as const), weekday, time: timeOfDay });

  it('order weekday rules by how long before the cut-off they fall, never after the cut-off', () => {
    fc.assert(
      fc.property(weekly, instant, weekdayRule, weekdayRule, (s, t, a, b) => {
        const p = periodAt(s, t);
        const [lower, higher] = leadMinutes(s, a) >= leadMinutes(s, b) ? [a, b] : [b, a];
        const dl = ms(deadlineFor(p, lower));
        expect(dl <= ms(deadlineFor(p, higher))).toBe(true);
        expect(dl <= ms(p.end) && dl > ms(p.end) - WEEK_MS).toBe(true);
        expect(ms(p.end) - dl).toBe(leadMinutes(s, lower) * 60_000);
      }),
      { numRuns: 1000 },
    );
  });

  it('order working-day rules by their number of days; all fall after the cut-off and after weekday rules', () => {
    fc.assert(
      fc.property(schedule, instant, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), timeOfDay, weekdayRule, (s, t, x, y, time, w) => {
        const p = periodAt(s, t);
        const lower: PeriodDeadlineRule = { kind: 'working_days_after_cutoff', days: Math.min(x, y), time };
        const higher: PeriodDeadlineRule = { kind: 'working_days_after_cutoff', days: Math.max(x, y), time };
        const dl = deadlineFor(p, lower);
        expect(ms(dl) <= ms(deadlineFor(p, higher))).toBe(true);
        expect(ms(dl) > ms(p.end) || (time === '00:00' && ms(dl) >= ms(p.end))).toBe(true);
        expect(ms(deadlineFor(p, w)) <= ms(dl)).toBe(true);
        if (time === '24:00') expect(workingDaysBetween(p.end, dl)).toBe(lower.days);
      }),
      { numRuns: 1000 },
    );
  });

  it('keep Decree 09 deadlines at least one working day after the cut-off, after a one-working-day step below', () => {
    const decree = fc.record({ kind: calendarKind, cutoffDay: fc.integer({ min: 1, max: 20 }) });
    fc.assert(
      fc.property(decree, instant, fc.integer({ min: 25, max: 31 }), (s, t, day) => {
        const p = periodAt(s, t);
        const due = deadlineFor(p, { kind: 'day_of_last_month', day });
        expect(workingDaysBetween(p.end, due)).toBeGreaterThanOrEqual(1);
        expect(ms(deadlineFor(p, { kind: 'working_days_after_cutoff', days: 1 })) <= ms(due)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('time-zone independence (in process)', () => {
  it('gives the same periods and deadlines whatever process.env.TZ says', () => {
    const original = process.env.TZ;
    const zones = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Ho_Chi_Minh'];
    try {
      fc.assert(
        fc.property(schedule, instant, (s, t) => {
          const results = zones.map((zone) => {
            process.env.TZ = zone;
            const p = periodAt(s, t);
            return JSON.stringify([p, periodLabel(p), deadlineFor(p, { kind: 'working_days_after_cutoff', days: 2 })]);
          });
          expect(new Set(results).size).toBe(1);
        }),
        { numRuns: 200 },
      );
      process.env.TZ = 'America/New_York';
      const ny = new Date(0).getHours();
      process.env.TZ = 'Asia/Tokyo';
      expect(new Date(0).getHours()).not.toBe(ny); // the zone switch really took effect in this process
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});
