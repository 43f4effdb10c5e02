/**
 * Counting a period's reports over its FIXED expected set (pure): each expected unit once, from its
 * newest version. A unit created during the period is not in the set and a dissolved one stays in
 * it, so the rates — reporting = (on time + late) ÷ expected, timeliness = on time ÷ expected — are
 * never above 1 by construction (0 when nobody is expected).
 */
import type { ReportReview, ReportTimeliness } from '../types.js';

export interface ReportCounts {
  expected: number;
  onTime: number;
  late: number;
  /** Nothing sent (also before the deadline). */
  missing: number;
  returned: number;
  approved: number;
}

export interface ReportRates {
  reportingRate: number;
  timelinessRate: number;
}

export function countReports(units: readonly { status: ReportTimeliness; review: ReportReview | null }[]): ReportCounts {
  const counts: ReportCounts = { expected: units.length, onTime: 0, late: 0, missing: 0, returned: 0, approved: 0 };
  for (const u of units) {
    counts[u.status]++;
    if (u.review === 'returned') counts.returned++;
    else if (u.review === 'approved') counts.approved++;
  }
  return counts;
}

export function reportRates(counts: Pick<ReportCounts, 'expected' | 'onTime' | 'late'>): ReportRates {
  if (counts.expected === 0) return { reportingRate: 0, timelinessRate: 0 };
  return { reportingRate: (counts.onTime + counts.late) / counts.expected, timelinessRate: counts.onTime / counts.expected };
}

/** A unit's status from its newest version: none → missing, else its late flag. */
export function timelinessOf(newest: { late: boolean } | null): ReportTimeliness {
  if (newest === null) return 'missing';
  return newest.late ? 'late' : 'onTime';
}
