/**
 * The consultation's weekly reports in the submission ledger (core/period-reports): subject kind
 * `consultation.weekly`, the consultation's id, and the week's closing date as the period key.
 */
import type { Subject } from '../../../core/period-reports/index.js';

export const WEEKLY_REPORT_KIND = 'consultation.weekly';

export function weeklyReportSubject(consultationId: number): Subject {
  return { kind: WEEKLY_REPORT_KIND, id: consultationId };
}
