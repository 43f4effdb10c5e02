/**
 * "Số liệu chưa khớp" (pure): the indicators where a unit's consolidation (its own values and its
 * children's submitted consolidations) differs from the live sum over every unit below it (each
 * unit's own values, once), with the children whose submitted value differs from their own live sum.
 */
import type { ReportContent, ReportIndicator } from '../../../shared/report-form.js';
import type { ChildReport, Mismatch } from '../types.js';
import { aggregateIndicator, type ConsolidatedValues, type ValuesPart } from './aggregate.js';

/** An expected unit below the consolidating unit: its own values as last sent and the direct child it reports through. */
export interface OwnBelow {
  unitId: number;
  childId: number;
  values: ReportContent['values'];
  noActivity: boolean;
}

export function ownPart(own: ReportContent | null | undefined): ValuesPart {
  return { values: own?.values ?? {}, noActivity: own?.noActivity ?? false };
}

/** Equal as figures: both blank, or equal within float rounding (weighted averages). */
export function sameFigure(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The units below, grouped by the direct child they report through (one pass, whatever the tree's size). */
function partsByChild(below: readonly OwnBelow[]): Map<number, ValuesPart[]> {
  const byChild = new Map<number, ValuesPart[]>();
  for (const b of below) {
    const parts = byChild.get(b.childId);
    const part = { values: b.values, noActivity: b.noActivity };
    if (parts) parts.push(part);
    else byChild.set(b.childId, [part]);
  }
  return byChild;
}

export function findMismatches(
  indicators: readonly ReportIndicator[],
  totals: { values: ConsolidatedValues; live: ConsolidatedValues },
  children: readonly ChildReport[],
  below: readonly OwnBelow[],
): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const byChild = partsByChild(below);
  for (const indicator of indicators) {
    const values = totals.values[indicator.code] ?? null;
    const live = totals.live[indicator.code] ?? null;
    if (indicator.aggregation === 'none' || sameFigure(values, live)) continue;
    const explainedBy: Mismatch['explainedBy'] = [];
    for (const child of children) {
      const reported = child.review === null || child.review === 'returned' ? null : aggregateIndicator(indicator, [{ values: child.values }]);
      const itsLive = aggregateIndicator(indicator, byChild.get(child.unitId) ?? []);
      if (!sameFigure(reported, itsLive)) explainedBy.push({ code: child.code, name: child.name, reported, live: itsLive });
    }
    mismatches.push({ indicator: indicator.code, values, live, explainedBy });
  }
  return mismatches;
}
