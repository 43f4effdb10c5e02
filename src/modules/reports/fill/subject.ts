import type { Subject } from '../../../core/period-reports/index.js';

/** The ledger's subject kind of a report regime's periods (core/period-reports; subject id = the regime's id). */
export const REPORT_SUBJECT_KIND = 'reports.regime';

export function regimeSubject(regimeId: number): Subject {
  return { kind: REPORT_SUBJECT_KIND, id: regimeId };
}
