/** Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving), whatever the server's zone. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const parts = new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Vietnam at the given instant (default: now). */
export function vietnamToday(at: Date = new Date()): { year: number; month: number; day: number } {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day) };
}
