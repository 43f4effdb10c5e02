/** Dates as written in Vietnamese files: ISO `YYYY-MM-DD` or day-first `DD/MM/YYYY`. */

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` for a valid calendar date, otherwise null. */
function isoIfValid(year: number, month: number, day: number): string | null {
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  d.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Parses `YYYY-MM-DD`, `D/M/YYYY` (also with `.` or `-` between day-first parts, as in
 * "09/7/2025") into `YYYY-MM-DD`; null when the text is not a real calendar date.
 */
export function parseViDate(text: string): string | null {
  const s = text.trim();
  const iso = ISO_RE.exec(s);
  if (iso) return isoIfValid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = DAY_FIRST_RE.exec(s);
  if (dayFirst) return isoIfValid(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  return null;
}

/** The UTC calendar date of `d` as `YYYY-MM-DD` (spreadsheet date cells are UTC midnights). */
export function isoDateOf(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return isoIfValid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
