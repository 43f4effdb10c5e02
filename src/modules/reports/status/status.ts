import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db } from '../../../platform/db/database.js';
import { selectReportingChildren } from '../consolidate/repository.js';
import { ensureReportPeriod, loadReportContext, type ReportAddress } from '../fill/context.js';
import type { ReportReview, ReportTimeliness } from '../types.js';
import { countReports, reportRates, timelinessOf, type ReportCounts, type ReportRates } from './rates.js';
import { selectSubtreeCounts, type SubtreeCounts } from './repository.js';

export interface StatusChild {
  unitId: number;
  code: string;
  name: string;
  status: ReportTimeliness;
  review: ReportReview | null;
  submittedAt: Date | null;
  version: number | null;
  submissionId: number | null;
  deadline: Date;
}

/**
 * The `reports status --json` object (item 8) and GET …/status: counts over the unit's direct
 * reporting children in the period's fixed expected set, the rates, `subtree` over every expected
 * unit reporting below it, and each child. Extra keys (unitName, periodKey, label…) for the web app.
 */
export interface ReportStatus extends ReportCounts, ReportRates {
  unit: string;
  unitId: number;
  unitName: string;
  regime: string;
  periodKey: string;
  closingDate: string;
  label: string;
  periodStart: Date;
  periodEnd: Date;
  /** The unit's own deadline (null for the issuer, which does not report). */
  deadline: Date | null;
  subtree: SubtreeCounts;
  children: StatusChild[];
}

/** A period's status below a unit, for a viewer of the unit: two statements whatever the number of units. */
export async function reportStatus(db: Db, options: ReportAddress & { actor: Actor }): Promise<ReportStatus> {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  await ensureReportPeriod(db, options);
  const ctx = await loadReportContext(db, options);
  const rows = await selectReportingChildren(db, ctx.ref, ctx.unit.id);
  const children: StatusChild[] = rows.map((r) => ({
    unitId: r.unitId,
    code: r.code,
    name: r.name,
    status: timelinessOf(r.late === null ? null : { late: r.late }),
    review: r.state,
    submittedAt: r.submittedAt,
    version: r.version,
    submissionId: r.submissionId,
    deadline: r.deadline,
  }));
  const counts = countReports(children);
  return {
    unit: ctx.unit.code,
    unitId: ctx.unit.id,
    unitName: ctx.unit.name,
    regime: ctx.regime.code,
    periodKey: ctx.period.key,
    closingDate: ctx.period.closingDate,
    label: ctx.period.label,
    periodStart: ctx.period.start,
    periodEnd: ctx.period.end,
    deadline: ctx.expected?.deadline ?? null,
    ...counts,
    ...reportRates(counts),
    subtree: await selectSubtreeCounts(db, ctx.ref, ctx.unit.id),
    children,
  };
}
