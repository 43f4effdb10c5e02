import dayjs from 'dayjs';
import 'dayjs/locale/vi.js';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('vi');

export const VN_ZONE = 'Asia/Ho_Chi_Minh';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
export const DATE_FORMAT = 'DD/MM/YYYY';

/** An ISO instant shown in Vietnam time, whatever the browser's zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(VN_ZONE).format(DATE_TIME_FORMAT) : iso;
}

/** A calendar date `YYYY-MM-DD` shown as `DD/MM/YYYY` (no zone involved). */
export function formatDate(ymd: string | null | undefined): string {
  if (!ymd) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : ymd;
}

/** Today's date in Vietnam as `YYYY-MM-DD`. */
export function todayInVietnam(): string {
  return dayjs().tz(VN_ZONE).format('YYYY-MM-DD');
}

/** Start of a calendar day in Vietnam, as an ISO instant (for `from=` filters). */
export function vnDayStartIso(ymd: string): string {
  return dayjs.tz(ymd, VN_ZONE).startOf('day').toISOString();
}

/** Last millisecond of a calendar day in Vietnam, as an ISO instant (for `to=` filters). */
export function vnDayEndIso(ymd: string): string {
  return dayjs.tz(ymd, VN_ZONE).endOf('day').toISOString();
}

export { dayjs };
