/**
 * Deadlines per level, relative to a period's cut-off (its `end`), in Vietnam time.
 *
 * A deadline is an instant; a report is on time when submitted strictly before it ("trước 16h00
 * thứ Tư" = before 16:00:00.000). Decree 09/2019 Điều 8.5b asks for at least one working day
 * between the end of data collection and the deadline, and for multi-level reports a deadline
 * for each level, lower levels first (`checkDeadlineCascade`).
 */
import { fail, type ErrorReason } from '../errors.js';
import type { Period } from './schedule.js';
import {
  DAY_MS,
  MINUTE_MS,
  WEEK_MS,
  dateOfDayNumber,
  daysInMonth,
  dayNumberOf,
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

/**
 * How a level's deadline follows from a period (times `HH:MM`, Vietnam; `24:00` = end of day):
 * - `weekday_before_cutoff`: the last `weekday` at `time` at or before the cut-off — grassroots
 *   units report to their parent by Tuesday 16:00, the board by Wednesday 16:00 (= the cut-off)
 *   of the closing week (seed 004);
 * - `working_days_after_cutoff`: on the `days`-th working day after the cut-off, at `time`
 *   (default: end of that day). Days are counted from the cut-off's own day when the cut-off is
 *   at 00:00 (the whole day follows it), otherwise from the next day (Khánh Hòa: "02 ngày làm việc");
 * - `day_of_last_month`: the `day` of the period's last month (the month of `closingDate`),
 *   at `time` (default: end of that day) — Decree 09 Điều 13: "no later than the 25th";
 *   it must leave at least one full working day after the cut-off, else VALIDATION_FAILED;
 * - `fixed`: a given instant (ISO 8601; no offset = Vietnam time), e.g. for one-off windows.
 */
export type PeriodDeadlineRule =
  | { kind: 'weekday_before_cutoff'; weekday: IsoWeekday; time: string }
  | { kind: 'working_days_after_cutoff'; days: number; time?: string }
  | { kind: 'day_of_last_month'; day: number; time?: string }
  | { kind: 'fixed'; at: string };

const END_OF_DAY = '24:00';

function invalid(reason: ErrorReason, details?: unknown, params?: Record<string, string | number>): never {
  fail(reason, details, { params });
}

/**
 * Monday–Friday. Public holidays (Tết, 30/4, 1/5, 2/9, Giỗ Tổ …) and compensatory working
 * Saturdays are not modelled yet: when they are, this is the one place to consult that calendar
 * (every working-day computation below goes through it).
 */
export function isWorkingDay(date: CalendarDate): boolean {
  return isoWeekdayOf(date) <= 5;
}

/** The number of whole working days D (Vietnam, 00:00 → 24:00) lying inside [from, to). */
export function workingDaysBetween(from: Date, to: Date): number {
  const firstDay = Math.ceil(vietnamLocalMs(from) / DAY_MS);
  const endDay = Math.floor(vietnamLocalMs(to) / DAY_MS); // days before this one end by `to`
  let count = 0;
  for (let day = firstDay; day < endDay; day++) if (isWorkingDay(dateOfDayNumber(day))) count++;
  return count;
}

function atDayAndTime(dayNumber: number, time: string): Date {
  return instantOfLocalMs(dayNumber * DAY_MS + parseTimeOfDay(time) * MINUTE_MS);
}

/** The deadline of `rule` for `period`; throws VALIDATION_FAILED for an invalid rule. */
export function deadlineFor(period: Period, rule: PeriodDeadlineRule): Date {
  const endLocal = vietnamLocalMs(period.end);
  switch (rule.kind) {
    case 'weekday_before_cutoff': {
      if (!Number.isInteger(rule.weekday) || rule.weekday < 1 || rule.weekday > 7) invalid('DEADLINE_WEEKDAY_INVALID', { rule });
      const anchor = (4 + rule.weekday - 1) * DAY_MS + parseTimeOfDay(rule.time) * MINUTE_MS; // 1970-01-05 is a Monday
      return instantOfLocalMs(anchor + Math.floor((endLocal - anchor) / WEEK_MS) * WEEK_MS);
    }
    case 'working_days_after_cutoff': {
      if (!Number.isInteger(rule.days) || rule.days < 1 || rule.days > 366) invalid('DEADLINE_DAYS_INVALID', { rule });
      let day = Math.ceil(endLocal / DAY_MS);
      for (let counted = 0; ; day++) {
        if (isWorkingDay(dateOfDayNumber(day)) && ++counted === rule.days) break;
      }
      return atDayAndTime(day, rule.time ?? END_OF_DAY);
    }
    case 'day_of_last_month': {
      if (!Number.isInteger(rule.day) || rule.day < 1 || rule.day > 31) invalid('DEADLINE_DAY_INVALID', { rule });
      const closing = parseIsoDate(period.closingDate);
      const due = { ...closing, day: Math.min(rule.day, daysInMonth(closing.year, closing.month)) };
      const deadline = atDayAndTime(dayNumberOf(due), rule.time ?? END_OF_DAY);
      if (workingDaysBetween(period.end, deadline) < 1) {
        invalid('DEADLINE_TOO_CLOSE', { rule, closingDate: period.closingDate }, { shown: formatViDate(due) });
      }
      return deadline;
    }
    case 'fixed':
      return parseInstant(rule.at);
    default:
      return invalid('DEADLINE_KIND_INVALID', { rule });
  }
}

/** Late when submitted at or after the deadline ("before 16:00" = strictly before 16:00:00.000). */
export function isLate(submittedAt: Date, deadline: Date): boolean {
  return submittedAt.getTime() >= deadline.getTime();
}

/**
 * Checks a cascade of rules ordered from the lowest level (grassroots) to the highest for one
 * period: returns each adjacent pair whose lower level would be due after the higher one
 * (empty when the cascade is consistent).
 */
export function checkDeadlineCascade(period: Period, rulesLowestFirst: readonly PeriodDeadlineRule[]): { lower: number; higher: number }[] {
  const deadlines = rulesLowestFirst.map((rule) => deadlineFor(period, rule).getTime());
  const problems: { lower: number; higher: number }[] = [];
  for (let i = 0; i + 1 < deadlines.length; i++) {
    if ((deadlines[i] ?? 0) > (deadlines[i + 1] ?? 0)) problems.push({ lower: i, higher: i + 1 });
  }
  return problems;
}
