import { approvePeriodReport, reopenPeriodReport, returnPeriodReport, selectSubmissionSubject } from '../../../core/period-reports/index.js';
import type { Actor } from '../../../platform/access/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import type { ReportReview } from '../types.js';
import { REPORT_SUBJECT_KIND } from './subject.js';

export interface ReviewResult {
  submissionId: number;
  version: number;
  review: ReportReview;
  returnReason: string | null;
}

type ReviewOptions = { actor: Actor; submissionId: number; now?: Date | undefined };

/** Only the regimes' submissions go through these operations (a consultation's weekly report is NOT_FOUND here). */
async function requireRegimeSubmission(db: Db, submissionId: number): Promise<void> {
  const subject = await selectSubmissionSubject(db, submissionId);
  if (!subject || subject.kind !== REPORT_SUBJECT_KIND) fail('PERIOD_REPORT_NOT_FOUND');
}

const result = (row: { id: number; version: number; state: ReportReview; returnReason: string | null }): ReviewResult => ({
  submissionId: row.id,
  version: row.version,
  review: row.state,
  returnReason: row.returnReason,
});

/** The recipient returns a submitted report with a reason; the unit then edits and sends the next version. */
export async function returnReport(db: Db, options: ReviewOptions & { reason: string }): Promise<ReviewResult> {
  await requireRegimeSubmission(db, options.submissionId);
  return result(await returnPeriodReport(db, options));
}

/** The recipient approves a submitted report: locked until the recipient reopens it. */
export async function approveReport(db: Db, options: ReviewOptions): Promise<ReviewResult> {
  await requireRegimeSubmission(db, options.submissionId);
  return result(await approvePeriodReport(db, options));
}

/** The recipient reopens an approved report with a reason (audited): returned for edit, the next version may follow. */
export async function reopenReport(db: Db, options: ReviewOptions & { reason: string }): Promise<ReviewResult> {
  await requireRegimeSubmission(db, options.submissionId);
  return result(await reopenPeriodReport(db, options));
}
