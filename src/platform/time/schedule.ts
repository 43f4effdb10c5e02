/**
 * Reporting schedules and their periods, all in Vietnam time (see vietnam.ts).
 *
 * A period runs from one cut-off instant (inclusive) to the next (exclusive): with a weekly
 * Wednesday 16:00 schedule, an opinion sent at 15:59:59.999 on Wednesday is in the week that
 * closes that day, one sent at 16:00:00.000 in the next. Recurring schedules tile time: every
 * instant belongs to exactly one period and `next(p).start === p.end`.
 *
 * Calendar windows follow Decree 09/2019/NĐ-CP Điều 12 ("cutoffDay" = the last day whose data is
 * included, 14 by default): monthly 15th of the previous month 00:00 → 15th of the month 00:00;
 * quarterly 15th of the month before the quarter → 15th of the quarter's last month; half-year
 * 15/12 → 15/06 and 15/06 → 15/12; nine-month 15/12 → 15/09 (once a year: it does not tile, see
 * `periodAt`); yearly 15/12 → 15/12. A period is named after the month it closes in ("Tháng 01/2026"
 * = 15/12/2025–14/01/2026).
 */
import { fail, type ErrorReason } from '../errors.js';
import {
  DAY_MS,
  MINUTE_MS,
  WEEK_MS,
  WEEKDAY_NAMES_VI,
  dateOfDayNumber,
  dayNumberOf,
  daysInMonth,
  formatIsoDate,
  formatViDate,
  instantOfLocalMs,
  isoWeekdayOf,
  parseInstant,
  parseIsoDate,
  parseTimeOfDay,
  vietnamLocalMs,
  type CalendarDate,
  type IsoWeekday,
} from './vietnam.js';

/** Weekly windows closing at `time` (`HH:MM`, Vietnam; `24:00` = end of that day) on `weekday`. */
export interface WeeklySchedule {
  kind: 'weekly';
  weekday: IsoWeekday;
  time: string;
}

export type CalendarScheduleKind = 'monthly' | 'quarterly' | 'half_year' | 'nine_month' | 'yearly';

/**
 * Decree 09 windows. `cutoffDay` (1–31, default 14) is the last day of data in the closing month;
 * a value past the month's length means its last day (31 gives calendar months).
 */
export interface CalendarSchedule {
  kind: CalendarScheduleKind;
  cutoffDay?: number;
}

/** One window from `start` (inclusive) to `end` (exclusive), ISO 8601 (no offset = Vietnam time). */
export interface OneOffSchedule {
  kind: 'one_off';
  start: string;
  end: string;
}

export type RecurringSchedule = WeeklySchedule | CalendarSchedule;
export type Schedule = RecurringSchedule | OneOffSchedule;

export interface Period<S extends Schedule = Schedule> {
  schedule: S;
  /** First instant of the period (the previous cut-off), inclusive. */
  start: Date;
  /** The cut-off instant that closes the period, exclusive. */
  end: Date;
  /**
   * `YYYY-MM-DD` (Vietnam) naming the cut-off: weekly — the day of the schedule's weekday on which
   * it closes; calendar — the cut-off day (the 14th, last day of data); one-off — the last day
   * the window touches (the date of `end` − 1 ms). This is what `periodClosingOn` takes.
   */
  closingDate: string;
  /**
   * Stable identifier within the schedule: weekly `2025-11-05` (closing date), monthly `2026-01`,
   * quarterly `2026-Q1`, half-year `2026-H1`, nine-month `2026-9M`, yearly `2026`, one-off
   * `<start>/<end>` (ISO, UTC).
   */
  key: string;
}

/** Months from one period's closing month to the next one's. */
const MONTHS_PER_PERIOD: Record<CalendarScheduleKind, number> = { monthly: 1, quarterly: 3, half_year: 6, nine_month: 12, yearly: 12 };
/** Months a period covers (the nine-month window covers 9 of its 12: 15/12 → 15/09). */
const MONTHS_COVERED: Record<CalendarScheduleKind, number> = { ...MONTHS_PER_PERIOD, nine_month: 9 };
/** The closing months: month index (year * 12 + month − 1) ≡ this, modulo MONTHS_PER_PERIOD. */
const CLOSING_MONTH_REMAINDER: Record<CalendarScheduleKind, number> = { monthly: 0, quarterly: 2, half_year: 5, nine_month: 8, yearly: 11 };
/** Longest span `periodsOverlapping` will enumerate, to keep a bad range from looping for ever. */
export const MAX_PERIODS_LISTED = 10_000;

function invalid(reason: ErrorReason, details?: unknown, params?: Record<string, string | number>): never {
  fail(reason, details, { params });
}

/** Checks a schedule's fields; throws VALIDATION_FAILED (Vietnamese message) when one is wrong. */
export function validateSchedule(schedule: Schedule): void {
  switch (schedule.kind) {
    case 'weekly':
      if (!Number.isInteger(schedule.weekday) || schedule.weekday < 1 || schedule.weekday > 7) {
        invalid('SCHEDULE_WEEKDAY_INVALID', { schedule }, { weekday: String(schedule.weekday) });
      }
      parseTimeOfDay(schedule.time);
      return;
    case 'one_off':
      if (parseInstant(schedule.start).getTime() >= parseInstant(schedule.end).getTime()) {
        invalid('SCHEDULE_RANGE_INVALID', { schedule });
      }
      return;
    case 'monthly':
    case 'quarterly':
    case 'half_year':
    case 'nine_month':
    case 'yearly': {
      const day = schedule.cutoffDay ?? 14;
      if (!Number.isInteger(day) || day < 1 || day > 31) invalid('SCHEDULE_CUTOFF_DAY_INVALID', { schedule }, { day: String(day) });
      return;
    }
    default:
      invalid('SCHEDULE_KIND_INVALID', { schedule });
  }
}

// ---- weekly ---------------------------------------------------------------------------------

/** Local ms of one cut-off of the schedule (in the week of 1970-01-05, a Monday = day 4). */
function weeklyAnchor(s: WeeklySchedule): number {
  return (4 + s.weekday - 1) * DAY_MS + parseTimeOfDay(s.time) * MINUTE_MS;
}

function weeklyPeriodEndingAt(s: WeeklySchedule, endLocal: number): Period<WeeklySchedule> {
  const closingDay = Math.round((endLocal - parseTimeOfDay(s.time) * MINUTE_MS) / DAY_MS);
  const closingDate = formatIsoDate(dateOfDayNumber(closingDay));
  return { schedule: s, start: instantOfLocalMs(endLocal - WEEK_MS), end: instantOfLocalMs(endLocal), closingDate, key: closingDate };
}

function weeklyPeriodAt(s: WeeklySchedule, at: Date): Period<WeeklySchedule> {
  const anchor = weeklyAnchor(s);
  const k = Math.floor((vietnamLocalMs(at) - anchor) / WEEK_MS);
  return weeklyPeriodEndingAt(s, anchor + (k + 1) * WEEK_MS);
}

// ---- calendar (Decree 09) -------------------------------------------------------------------

/** Months since year 0 of a date: year * 12 + (month − 1). */
function monthIndexOf(date: CalendarDate): number {
  return date.year * 12 + date.month - 1;
}

function cutoffDayIn(s: CalendarSchedule, monthIndex: number): CalendarDate {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return { year, month, day: Math.min(s.cutoffDay ?? 14, daysInMonth(year, month)) };
}

/** Local ms of the cut-off closing the period whose last month is `monthIndex` (00:00 after the cut-off day). */
function calendarEndLocal(s: CalendarSchedule, monthIndex: number): number {
  return (dayNumberOf(cutoffDayIn(s, monthIndex)) + 1) * DAY_MS;
}

function calendarKey(kind: CalendarScheduleKind, last: CalendarDate): string {
  const y = String(last.year).padStart(4, '0');
  switch (kind) {
    case 'monthly':
      return `${y}-${String(last.month).padStart(2, '0')}`;
    case 'quarterly':
      return `${y}-Q${last.month / 3}`;
    case 'half_year':
      return `${y}-H${last.month / 6}`;
    case 'nine_month':
      return `${y}-9M`;
    case 'yearly':
      return y;
  }
}

function calendarPeriod(s: CalendarSchedule, lastMonthIndex: number): Period<CalendarSchedule> {
  const cutoff = cutoffDayIn(s, lastMonthIndex);
  return {
    schedule: s,
    start: instantOfLocalMs(calendarEndLocal(s, lastMonthIndex - MONTHS_COVERED[s.kind])),
    end: instantOfLocalMs(calendarEndLocal(s, lastMonthIndex)),
    closingDate: formatIsoDate(cutoff),
    key: calendarKey(s.kind, cutoff),
  };
}

function calendarPeriodAt(s: CalendarSchedule, at: Date): Period<CalendarSchedule> {
  const step = MONTHS_PER_PERIOD[s.kind];
  const local = vietnamLocalMs(at);
  const current = monthIndexOf(dateOfDayNumber(Math.floor(local / DAY_MS)));
  // The first closing month at or after the current month (closing months: index ≡ remainder mod step).
  let last = current + ((((CLOSING_MONTH_REMAINDER[s.kind] - current) % step) + step) % step);
  if (local >= calendarEndLocal(s, last)) last += step;
  return calendarPeriod(s, last);
}

function lastMonthIndexOf(p: Period<CalendarSchedule>): number {
  return monthIndexOf(parseIsoDate(p.closingDate));
}

// ---- one-off --------------------------------------------------------------------------------

function oneOffPeriod(s: OneOffSchedule): Period<OneOffSchedule> {
  const start = parseInstant(s.start);
  const end = parseInstant(s.end);
  const closingDate = formatIsoDate(dateOfDayNumber(Math.floor((vietnamLocalMs(end) - 1) / DAY_MS)));
  return { schedule: s, start, end, closingDate, key: `${start.toISOString()}/${end.toISOString()}` };
}

// ---- public API -----------------------------------------------------------------------------

/**
 * The period containing `at` (start ≤ at < end); for a one-off schedule, null outside its window.
 * Nine-month windows leave a gap (15/09 → 15/12): there, the next year's window (not yet started).
 */
export function periodAt<S extends RecurringSchedule>(schedule: S, at: Date): Period<S>;
export function periodAt(schedule: Schedule, at: Date): Period | null;
export function periodAt(schedule: Schedule, at: Date): Period | null {
  validateSchedule(schedule);
  if (schedule.kind === 'weekly') return weeklyPeriodAt(schedule, at);
  if (schedule.kind === 'one_off') {
    const p = oneOffPeriod(schedule);
    return p.start.getTime() <= at.getTime() && at.getTime() < p.end.getTime() ? p : null;
  }
  return calendarPeriodAt(schedule, at);
}

/**
 * The period that closes on a Vietnam calendar date (`YYYY-MM-DD` or a CalendarDate) — see
 * `Period.closingDate`. Throws VALIDATION_FAILED when no period of the schedule closes that day
 * (weekly: the date is not the schedule's weekday; calendar: not the cut-off day of a closing month).
 */
export function periodClosingOn<S extends Schedule>(schedule: S, date: string | CalendarDate): Period<S>;
export function periodClosingOn(schedule: Schedule, date: string | CalendarDate): Period {
  validateSchedule(schedule);
  const d = parseIsoDate(typeof date === 'string' ? date : formatIsoDate(date)); // validates a CalendarDate too
  const shown = formatViDate(d);
  if (schedule.kind === 'weekly') {
    const weekday = isoWeekdayOf(d);
    if (weekday !== schedule.weekday) {
      invalid('PERIOD_NOT_CLOSING_WEEKDAY', { date: formatIsoDate(d), weekday: schedule.weekday }, { shown, dayName: WEEKDAY_NAMES_VI[weekday] ?? '', closingDayName: WEEKDAY_NAMES_VI[schedule.weekday] ?? '' });
    }
    return weeklyPeriodEndingAt(schedule, dayNumberOf(d) * DAY_MS + parseTimeOfDay(schedule.time) * MINUTE_MS);
  }
  if (schedule.kind === 'one_off') {
    const p = oneOffPeriod(schedule);
    if (p.closingDate !== formatIsoDate(d)) invalid('PERIOD_NOT_CLOSING_DATE', undefined, { closing: formatViDate(parseIsoDate(p.closingDate)), shown });
    return p;
  }
  const step = MONTHS_PER_PERIOD[schedule.kind];
  const index = monthIndexOf(d);
  const cutoff = cutoffDayIn(schedule, index);
  if (index % step !== CLOSING_MONTH_REMAINDER[schedule.kind] || cutoff.day !== d.day) {
    invalid('PERIOD_NOT_CUTOFF_DAY', { date: formatIsoDate(d), schedule }, { shown, cutoffDay: schedule.cutoffDay ?? 14 });
  }
  return calendarPeriod(schedule, index);
}

/** The period right after `p` (starting at `p.end`); null for a one-off period. */
export function nextPeriod<S extends RecurringSchedule>(p: Period<S>): Period<S>;
export function nextPeriod(p: Period): Period | null;
export function nextPeriod(p: Period): Period | null {
  const s = p.schedule;
  if (s.kind === 'one_off') return null;
  if (s.kind === 'weekly') return weeklyPeriodEndingAt(s, vietnamLocalMs(p.end) + WEEK_MS);
  return calendarPeriod(s, lastMonthIndexOf(p as Period<CalendarSchedule>) + MONTHS_PER_PERIOD[s.kind]);
}

/** The period right before `p` (ending at `p.start`); null for a one-off period. */
export function previousPeriod<S extends RecurringSchedule>(p: Period<S>): Period<S>;
export function previousPeriod(p: Period): Period | null;
export function previousPeriod(p: Period): Period | null {
  const s = p.schedule;
  if (s.kind === 'one_off') return null;
  if (s.kind === 'weekly') return weeklyPeriodEndingAt(s, vietnamLocalMs(p.start));
  return calendarPeriod(s, lastMonthIndexOf(p as Period<CalendarSchedule>) - MONTHS_PER_PERIOD[s.kind]);
}

/**
 * The periods overlapping [from, to) in order (for charts: opinions per week). Empty when
 * from ≥ to; throws VALIDATION_FAILED past MAX_PERIODS_LISTED periods.
 */
export function periodsOverlapping<S extends Schedule>(schedule: S, from: Date, to: Date): Period<S>[];
export function periodsOverlapping(schedule: Schedule, from: Date, to: Date): Period[] {
  validateSchedule(schedule);
  if (from.getTime() >= to.getTime()) return [];
  if (schedule.kind === 'one_off') {
    const p = oneOffPeriod(schedule);
    return p.start.getTime() < to.getTime() && from.getTime() < p.end.getTime() ? [p] : [];
  }
  const result: Period[] = [];
  for (let p: Period = periodAt(schedule, from); p.start.getTime() < to.getTime(); p = nextPeriod(p as Period<RecurringSchedule>)) {
    if (result.length >= MAX_PERIODS_LISTED) invalid('PERIOD_RANGE_TOO_LONG', undefined, { maxPeriods: MAX_PERIODS_LISTED });
    result.push(p);
  }
  return result;
}
