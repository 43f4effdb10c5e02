/**
 * Live sums from partial aggregates (pure). PostgreSQL adds up the own values of the units below a
 * unit per direct child (repository-live.ts), so Node receives children × indicators numbers instead
 * of every unit's document; here those partials are merged with the unit's own values and finished
 * by each indicator's rule — the same result as `aggregateValues` over every unit's own values
 * (exactly for sums, extremes and counts of integers; within float rounding otherwise).
 */
import type { ReportIndicator } from '../../../shared/report-form.js';
import { aggregateIndicator, type ConsolidatedValues, type ValuesPart } from './aggregate.js';

/**
 * One indicator's partial aggregate over some units: `n` = the sum, max, min or count of yes (null
 * when no unit holds a value); for a weighted average `n` = Σ v·w and `w` = Σ w over the units
 * holding both (null when none does).
 */
export interface Partial {
  n: number | null;
  w: number | null;
}

/** Per indicator code, its partial aggregate. */
export type Partials = Record<string, Partial>;

const plus = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);

function pick(a: number | null, b: number | null, choose: (x: number, y: number) => number): number | null {
  return a === null ? b : b === null ? a : choose(a, b);
}

/** Two partials of one indicator merged by its rule. */
export function mergePartial(indicator: ReportIndicator, a: Partial, b: Partial): Partial {
  switch (indicator.aggregation) {
    case 'max':
      return { n: pick(a.n, b.n, Math.max), w: null };
    case 'min':
      return { n: pick(a.n, b.n, Math.min), w: null };
    case 'weighted-average':
      return { n: plus(a.n, b.n), w: plus(a.w, b.w) };
    case 'none':
      return { n: null, w: null };
    default:
      return { n: plus(a.n, b.n), w: null };
  }
}

/** An indicator's consolidated figure from its partial: Σ v·w / Σ w for a weighted average (null when Σ w is 0 or nothing is there). */
export function finishPartial(indicator: ReportIndicator, partial: Partial | undefined): number | null {
  if (!partial || indicator.aggregation === 'none') return null;
  if (indicator.aggregation !== 'weighted-average') return partial.n;
  return partial.w === null || partial.w === 0 || partial.n === null ? null : partial.n / partial.w;
}

/** One unit's own values as a partial (the same rule as aggregateValues over that one part). */
export function partialOf(indicator: ReportIndicator, part: ValuesPart): Partial {
  if (indicator.aggregation !== 'weighted-average') return { n: aggregateIndicator(indicator, [part]), w: null };
  const v = part.values[indicator.code];
  const w = indicator.weightBy === undefined ? undefined : part.values[indicator.weightBy];
  const present = typeof v === 'number' && Number.isFinite(v) && typeof w === 'number' && Number.isFinite(w);
  return present ? { n: v * w, w } : { n: null, w: null };
}

/** The partials of several groups merged, indicator by indicator. */
export function mergePartials(indicators: readonly ReportIndicator[], groups: readonly Partials[]): Partials {
  const out: Partials = {};
  for (const indicator of indicators) {
    let acc: Partial = { n: null, w: null };
    for (const g of groups) {
      const p = g[indicator.code];
      if (p) acc = mergePartial(indicator, acc, p);
    }
    out[indicator.code] = acc;
  }
  return out;
}

/** Every indicator's consolidated figure from merged partials. */
export function finishPartials(indicators: readonly ReportIndicator[], partials: Partials | undefined): ConsolidatedValues {
  const out: ConsolidatedValues = {};
  for (const indicator of indicators) out[indicator.code] = finishPartial(indicator, partials?.[indicator.code]);
  return out;
}

/**
 * `live` of a unit's consolidation and each direct child's live figures: the unit's own part merged
 * with the partials of every child (each child's partial covers itself and every unit reporting
 * through it).
 */
export function liveFromPartials(
  indicators: readonly ReportIndicator[],
  own: ValuesPart,
  byChild: ReadonlyMap<number, Partials>,
): { live: ConsolidatedValues; childLive: Map<number, ConsolidatedValues> } {
  const ownPartials: Partials = {};
  for (const indicator of indicators) ownPartials[indicator.code] = partialOf(indicator, own);
  const live = finishPartials(indicators, mergePartials(indicators, [ownPartials, ...byChild.values()]));
  const childLive = new Map<number, ConsolidatedValues>();
  for (const [childId, partials] of byChild) childLive.set(childId, finishPartials(indicators, partials));
  return { live, childLive };
}
