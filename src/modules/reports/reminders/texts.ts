import { WEEKDAY_NAMES_VI, formatViDate, periodLabel, vietnamDateOf, vietnamMinuteOfDay, formatTimeOfDay, isoWeekdayOf } from '../../../platform/time/index.js';
import type { NotificationMessage } from '../../../platform/notifications/index.js';
import type { DueReminder, MissingNotice, PeriodOfReminder, ReturnedNotice } from './repository.js';

/** "16:00 Thứ Tư, 12/11/2025": an instant in Vietnam time, as reminders write deadlines. */
export function formatDeadlineVi(at: Date): string {
  const date = vietnamDateOf(at);
  const weekday = WEEKDAY_NAMES_VI[isoWeekdayOf(date)];
  return `${formatTimeOfDay(vietnamMinuteOfDay(at))} ${weekday.charAt(0).toUpperCase()}${weekday.slice(1)}, ${formatViDate(date)}`;
}

function labelOf(p: PeriodOfReminder): string {
  return periodLabel({ schedule: p.schedule, start: p.start, end: p.end, closingDate: p.closingDate, key: p.key });
}

/** The web page of a unit's report for the period (fill it, or consolidate its children's). */
export function reportLink(p: PeriodOfReminder, unitId: number): string {
  return `/bao-cao/che-do/${p.regimeId}/ky/${p.closingDate}/don-vi/${unitId}`;
}

function timeLeft(deadline: Date, now: Date): string {
  const minutes = Math.max(1, Math.round((deadline.getTime() - now.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} giờ` : `${Math.round(hours / 24)} ngày`;
}

/** To a unit that has not submitted, before its deadline. */
export function reminderMessage(r: DueReminder, now: Date): NotificationMessage {
  return {
    unitEditorsOf: [r.unitId],
    kind: 'reports.reminder',
    title: `Nhắc hạn gửi báo cáo: ${r.regimeName}`,
    body:
      `${r.unitName} chưa gửi báo cáo "${r.regimeName}" kỳ ${labelOf(r)}. ` +
      `Hạn gửi: ${formatDeadlineVi(r.deadline)} (còn khoảng ${timeLeft(r.deadline, now)}).`,
    link: reportLink(r, r.unitId),
    email: true,
  };
}

/** To the recipient, once its reporters' deadlines have passed: who has not reported. */
export function missingMessage(n: MissingNotice): NotificationMessage {
  return {
    unitEditorsOf: [n.recipientUnitId],
    kind: 'reports.missing',
    title: `Chưa nhận đủ báo cáo: ${n.regimeName}`,
    body:
      `Đã quá hạn ${formatDeadlineVi(n.deadline)}, ${n.missingUnitNames.length} đơn vị chưa gửi báo cáo "${n.regimeName}" ` +
      `kỳ ${labelOf(n)} cho ${n.recipientName}: ${n.missingUnitNames.join('; ')}.`,
    link: reportLink(n, n.recipientUnitId),
    email: true,
  };
}

/** To the reporter, when its recipient returned a version with a reason. */
export function returnedMessage(n: ReturnedNotice): NotificationMessage {
  const by = n.recipientName === null ? '' : ` bị ${n.recipientName}`;
  return {
    unitEditorsOf: [n.unitId],
    kind: 'reports.returned',
    title: `Báo cáo bị trả lại: ${n.regimeName}`,
    body:
      `Báo cáo "${n.regimeName}" kỳ ${labelOf(n)} của ${n.unitName} (lần gửi ${n.version}) đã${by} trả lại. ` +
      `Lý do: ${n.reason}\nHãy sửa và gửi lại; hạn gửi: ${formatDeadlineVi(n.deadline)}.`,
    link: reportLink(n, n.unitId),
    email: true,
  };
}
