import { selectUnitHistory } from '../../../core/period-reports/index.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import type { SubmissionSnapshot } from '../types.js';
import { loadReportContext, type ReportAddress } from './context.js';
import type { ReportVersion } from './get-report.js';
import { regimeSubject } from './subject.js';

export interface FrozenVersion extends ReportVersion {
  deadline: Date;
  submittedBy: string | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  snapshot: SubmissionSnapshot;
}

/** One frozen version of a unit's report (every version is kept), for a viewer of the unit. */
export async function getReportVersion(db: Db, options: ReportAddress & { actor: Actor; version: number }): Promise<FrozenVersion> {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  const ctx = await loadReportContext(db, options);
  const history = await selectUnitHistory(db, { subject: regimeSubject(ctx.regime.id), unitId: ctx.unit.id, periodKey: ctx.period.key });
  const h = history.find((v) => v.version === options.version);
  if (!h) fail('REPORT_VERSION_NOT_FOUND', { version: options.version });
  return {
    submissionId: h.id,
    version: h.version,
    submittedAt: h.submittedAt,
    late: h.late,
    review: h.state,
    returnReason: h.returnReason,
    deadline: h.deadline,
    submittedBy: h.submittedBy,
    reviewedAt: h.reviewedAt,
    reviewedBy: h.reviewedBy,
    snapshot: h.snapshot as SubmissionSnapshot,
  };
}
