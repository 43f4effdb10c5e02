/**
 * Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), whatever the server's zone.
 *
 * Why a fixed offset is exact: since 13 June 1975 (when the South moved from UTC+8 to UTC+7,
 * matching the North) Vietnam has kept UTC+7 all year round, with no daylight saving — the tz
 * database's Asia/Ho_Chi_Minh has no transition after 1975-06-13. So for every instant the
 * application deals with, Vietnam wall-clock time = UTC + 7 h, and all calendar arithmetic below
 * is plain UTC arithmetic on `instant + 7 h`. This never reads the process's zone: no local-time
 * `Date` getters (`getHours`, `getDate`, …) and no `new Date(y, m, d)`; only `Date.UTC`-style
 * values and `getTime()`. (Instants before mid-1975 are outside our domain; they are still
 * mapped with +7 h so results stay deterministic.)
 */
import { fail } from '../errors.js';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
/** Vietnam's offset from UTC, in milliseconds (UTC+7 since 1975, no daylight saving). */
export const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

/** A calendar date (no time, no zone). `month` is 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** ISO weekday: 1 = Monday (thứ Hai) … 7 = Sunday (Chủ nhật). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Vietnamese weekday names as written in running text ("thứ Tư", "Chủ nhật"), by ISO weekday. */
export const WEEKDAY_NAMES_VI: Record<IsoWeekday, string> = {
  1: 'thứ Hai',
  2: 'thứ Ba',
  3: 'thứ Tư',
  4: 'thứ Năm',
  5: 'thứ Sáu',
  6: 'thứ Bảy',
  7: 'Chủ nhật',
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Days since 1970-01-01 of a calendar date (UTC arithmetic; valid for every year, 0–99 included). */
export function dayNumberOf(date: CalendarDate): number {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  return Math.round(d.getTime() / DAY_MS);
}

/** The calendar date `dayNumber` days after 1970-01-01. */
export function dateOfDayNumber(dayNumber: number): CalendarDate {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Vietnam wall-clock time of an instant, as milliseconds on a UTC-like scale ("local ms"). */
export function vietnamLocalMs(at: Date): number {
  return at.getTime() + VIETNAM_OFFSET_MS;
}

/** The instant whose Vietnam wall-clock time is `localMs`. */
export function instantOfLocalMs(localMs: number): Date {
  return new Date(localMs - VIETNAM_OFFSET_MS);
}

/** The calendar date in Vietnam at the given instant. */
export function vietnamDateOf(at: Date): CalendarDate {
  return dateOfDayNumber(Math.floor(vietnamLocalMs(at) / DAY_MS));
}

/** The calendar date in Vietnam at the given instant (default: now). */
export function vietnamToday(at: Date = new Date()): CalendarDate {
  return vietnamDateOf(at);
}

/** Minutes since Vietnam midnight at the given instant (0–1439). */
export function vietnamMinuteOfDay(at: Date): number {
  const local = vietnamLocalMs(at);
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/** ISO weekday of a calendar date (1970-01-01 was a Thursday). */
export function isoWeekdayOf(date: CalendarDate): IsoWeekday {
  const dow = (((dayNumberOf(date) + 3) % 7) + 7) % 7; // 0 = Monday
  return (dow + 1) as IsoWeekday;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

export function daysInMonth(year: number, month: number): number {
  return dateOfDayNumber(dayNumberOf({ year, month: month + 1, day: 1 }) - 1).day;
}

const TIME_RE = /^(\d{2}):(\d{2})$/;

/**
 * Minutes after midnight of a time of day written `HH:MM` (00:00–23:59, or `24:00` for the end of
 * the day, as in "trước 24h00 ngày …"). Throws VALIDATION_FAILED otherwise.
 */
export function parseTimeOfDay(text: string): number {
  const m = TIME_RE.exec(text);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || !(minutes <= 24 * 60)) {
    fail('TIME_OF_DAY_INVALID', { time: text });
  }
  return minutes;
}

/** `HH:MM` for minutes after midnight (1440 → `24:00`). */
export function formatTimeOfDay(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The instant of a Vietnam date and time of day (`HH:MM`, `24:00` = the next day's 00:00). */
export function vietnamInstant(date: CalendarDate, time = '00:00'): Date {
  return instantOfLocalMs(dayNumberOf(date) * DAY_MS + parseTimeOfDay(time) * MINUTE_MS);
}

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` (a real calendar date) or throws VALIDATION_FAILED. */
export function parseIsoDate(text: string): CalendarDate {
  const m = ISO_DATE_RE.exec(text);
  if (m) {
    const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month)) return date;
  }
  fail('DATE_INVALID', { date: text });
}

/** `YYYY-MM-DD`. */
export function formatIsoDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** `DD/MM/YYYY`, as dates are written in Vietnamese documents. */
export function formatViDate(date: CalendarDate): string {
  return `${pad(date.day)}/${pad(date.month)}/${pad(date.year, 4)}`;
}

const INSTANT_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Parses an ISO 8601 instant. With an offset (`Z`, `+07:00`, …) it is exact; without one — a date
 * (`2025-11-05`) or a date-time (`2025-11-05T16:00`) — it is read as Vietnam time, never as the
 * server's zone (which `new Date('2025-11-05T16:00')` would do). Throws VALIDATION_FAILED.
 */
export function parseInstant(text: string): Date {
  const m = INSTANT_RE.exec(text.trim());
  if (m) {
    const date = parseIsoDate(m[1] ?? '');
    const minutes = m[2] === undefined ? 0 : parseTimeOfDay(m[2]);
    const seconds = Number(m[3] ?? '0');
    const millis = Number((m[4] ?? '0').padEnd(3, '0'));
    const zone = m[5];
    let offset = VIETNAM_OFFSET_MS;
    if (zone === 'Z') offset = 0;
    else if (zone !== undefined) offset = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6))) * MINUTE_MS;
    if (seconds <= 59) {
      return new Date(dayNumberOf(date) * DAY_MS + minutes * MINUTE_MS + seconds * 1000 + millis - offset);
    }
  }
  fail('INSTANT_INVALID', { instant: text });
}

/** ISO 8601 with Vietnam's offset, e.g. `2025-11-05T16:00:00.000+07:00`. */
export function formatVietnamInstant(at: Date): string {
  const local = new Date(vietnamLocalMs(at));
  return `${local.toISOString().slice(0, -1)}+07:00`;
}
