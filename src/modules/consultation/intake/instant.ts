import { fail } from '../../../platform/errors.js';
import { reasonText } from '../../../shared/error-reasons.js';

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
  const reason = enteredInstantReason(window, at, now);
  return reason === null ? null : reasonText(reason);
}

/** The reason behind `enteredInstantProblem`. */
export function enteredInstantReason(window: ConsultationWindow, at: Date, now: Date): InstantReason | null {
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) return 'INSTANT_IN_FUTURE';
  if (at < window.opensAt) return 'INSTANT_BEFORE_OPENING';
  if (window.closesAt && at >= window.closesAt) return 'INSTANT_AFTER_CLOSING';
  return null;
}

type InstantReason = 'INSTANT_IN_FUTURE' | 'INSTANT_BEFORE_OPENING' | 'INSTANT_AFTER_CLOSING';

/** `enteredInstantProblem` as a VALIDATION_FAILED error on `field` (the staff forms). */
export function checkEnteredInstant(window: ConsultationWindow, at: Date, now: Date, field: string): void {
  const reason = enteredInstantReason(window, at, now);
  if (reason !== null) fail(reason, [{ path: [field], message: reasonText(reason) }]);
}
