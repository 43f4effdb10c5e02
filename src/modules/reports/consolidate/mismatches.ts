/**
 * "Số liệu chưa khớp" (pure): the indicators where a unit's consolidation (its own values and its
 * children's submitted consolidations) differs from the live sum over every unit below it (each
 * unit's own values, once), with the children whose submitted value differs from their own live sum
 * (`childLive`: each direct child's live figures, over itself and every unit reporting through it).
 */
import type { ReportContent, ReportIndicator } from '../../../shared/report-form.js';
import type { ChildReport, Mismatch } from '../types.js';
import { aggregateIndicator, type ConsolidatedValues, type ValuesPart } from './aggregate.js';

export function ownPart(own: ReportContent | null | undefined): ValuesPart {
  return { values: own?.values ?? {}, noActivity: own?.noActivity ?? false };
}

/** Equal as figures: both blank, or equal within float rounding (weighted averages). */
export function sameFigure(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export function findMismatches(
  indicators: readonly ReportIndicator[],
  totals: { values: ConsolidatedValues; live: ConsolidatedValues },
  children: readonly ChildReport[],
  childLive: ReadonlyMap<number, ConsolidatedValues>,
): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const indicator of indicators) {
    const values = totals.values[indicator.code] ?? null;
    const live = totals.live[indicator.code] ?? null;
    if (indicator.aggregation === 'none' || sameFigure(values, live)) continue;
    const explainedBy: Mismatch['explainedBy'] = [];
    for (const child of children) {
      const reported = child.review === null || child.review === 'returned' ? null : aggregateIndicator(indicator, [{ values: child.values }]);
      const itsLive = childLive.get(child.unitId)?.[indicator.code] ?? null;
      if (!sameFigure(reported, itsLive)) explainedBy.push({ code: child.code, name: child.name, reported, live: itsLive });
    }
    mismatches.push({ indicator: indicator.code, values, live, explainedBy });
  }
  return mismatches;
}
