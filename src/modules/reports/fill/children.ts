import type { IndicatorValue } from '../../../shared/report-form.js';
import type { ReportingChildRow } from '../consolidate/repository.js';
import type { ChildReport } from '../types.js';

/** A reporting child as consolidations and pages show it: its status and its latest values not returned. */
export function toChildReport(row: ReportingChildRow): ChildReport {
  const live = row.state !== null && row.state !== 'returned';
  return {
    unitId: row.unitId,
    code: row.code,
    name: row.name,
    status: row.submissionId === null ? 'missing' : row.late ? 'late' : 'onTime',
    review: row.state,
    submittedAt: row.submittedAt,
    version: row.version,
    deadline: row.deadline,
    values: live ? (row.values ?? {}) : ({} as Record<string, IndicatorValue>),
  };
}
