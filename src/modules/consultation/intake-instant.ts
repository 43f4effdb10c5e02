import { AppError } from '../../platform/errors.js';

/** Clock skew tolerated for an instant given by staff or a file. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** When a consultation takes opinions: from its opening, until its closing when it has one. */
export interface ConsultationWindow {
  opensAt: Date;
  closesAt: Date | null;
}

/**
 * The rule for an instant given by staff (a letter's date, a meeting's) or by an imported file: it
 * lies within the consultation (from its opening to its closing) and not in the future. The reason it
 * does not, in Vietnamese, or null when it does. Staff forms and the opinion import share it.
 */
export function enteredInstantProblem(window: ConsultationWindow, at: Date, now: Date): string | null {
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) return 'Thời điểm không được ở tương lai.';
  if (at < window.opensAt) return 'Thời điểm phải từ lúc bắt đầu đợt lấy ý kiến.';
  if (window.closesAt && at >= window.closesAt) return 'Thời điểm phải trước khi đợt lấy ý kiến kết thúc.';
  return null;
}

/** `enteredInstantProblem` as a VALIDATION_FAILED error on `field` (the staff forms). */
export function checkEnteredInstant(window: ConsultationWindow, at: Date, now: Date, field: string): void {
  const message = enteredInstantProblem(window, at, now);
  if (message !== null) throw new AppError('VALIDATION_FAILED', message, [{ path: [field], message }]);
}
