/** Vietnamese labels of periods, as shown in reports and charts. */
import type { CalendarScheduleKind, Period } from './schedule.js';
import {
  DAY_MS,
  WEEKDAY_NAMES_VI,
  dateOfDayNumber,
  formatViDate,
  isoWeekdayOf,
  parseIsoDate,
  vietnamLocalMs,
  type CalendarDate,
} from './vietnam.js';

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** The last Vietnam day touched by the period (the day of `end` − 1 ms). */
function lastDayOf(p: Period): CalendarDate {
  return dateOfDayNumber(Math.floor((vietnamLocalMs(p.end) - 1) / DAY_MS));
}

/**
 * The first day shown for the period: the day of `start`, except for weekly periods starting
 * after midnight (at the previous cut-off, e.g. Wednesday 16:00), which are shown from the next
 * day — the convention of weekly reports ("tuần 30/10 – 05/11" closes Wednesday 05/11 at 16:00).
 */
function firstDayOf(p: Period): CalendarDate {
  const local = vietnamLocalMs(p.start);
  const day = Math.floor(local / DAY_MS);
  return dateOfDayNumber(p.schedule.kind === 'weekly' && local !== day * DAY_MS ? day + 1 : day);
}

/** "15/12/2025 – 14/01/2026": the days the period covers. */
export function periodRangeLabel(p: Period): string {
  return `${formatViDate(firstDayOf(p))} – ${formatViDate(lastDayOf(p))}`;
}

function calendarLabel(kind: CalendarScheduleKind, p: Period): string {
  const closing = parseIsoDate(p.closingDate);
  switch (kind) {
    case 'monthly':
      return `Tháng ${String(closing.month).padStart(2, '0')}/${closing.year} (${periodRangeLabel(p)})`;
    case 'quarterly':
      return `Quý ${ROMAN_QUARTERS[closing.month / 3 - 1] ?? ''}/${closing.year}`;
    case 'half_year':
      return `6 tháng ${closing.month === 6 ? 'đầu' : 'cuối'} năm ${closing.year}`;
    case 'nine_month':
      return `9 tháng năm ${closing.year}`;
    case 'yearly':
      return `Năm ${closing.year}`;
  }
}

/**
 * The period's name in Vietnamese:
 * - weekly: "Tuần 30/10/2025 – 05/11/2025 (chốt 16:00 thứ Tư 05/11/2025)";
 * - monthly: "Tháng 01/2026 (15/12/2025 – 14/01/2026)";
 * - quarterly "Quý I/2026", half-year "6 tháng đầu năm 2026" / "6 tháng cuối năm 2026", nine-month
 *   "9 tháng năm 2026", yearly "Năm 2026";
 * - one-off: "Đợt 01/11/2025 – 05/11/2025".
 * Add `periodRangeLabel` where the days covered must be shown for the longer kinds too.
 */
export function periodLabel(p: Period): string {
  const s = p.schedule;
  switch (s.kind) {
    case 'weekly': {
      const closing = parseIsoDate(p.closingDate);
      return `Tuần ${periodRangeLabel(p)} (chốt ${s.time} ${WEEKDAY_NAMES_VI[isoWeekdayOf(closing)]} ${formatViDate(closing)})`;
    }
    case 'one_off':
      return `Đợt ${periodRangeLabel(p)}`;
    default:
      return calendarLabel(s.kind, p);
  }
}
