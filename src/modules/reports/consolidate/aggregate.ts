/**
 * Consolidation of indicator values over units (pure): a unit's own values and its reporting
 * children's submitted values, added up by each indicator's rule (src/shared/report-form.ts).
 * Blank values are skipped, never read as zero; a unit that reported "no activity" counts as zero
 * for numeric `sum` indicators. A child's part is its consolidated values (what it sent up), so the
 * rules are chosen to compose: consolidating level by level equals consolidating every unit's own
 * values at once (sum, max, min, count-yes exactly; weighted average within float rounding, given
 * that the weight indicator is itself a sum).
 */
import type { IndicatorValue, ReportIndicator } from '../../../shared/report-form.js';

/** One unit's part: its own values, or a child's consolidated values. */
export interface ValuesPart {
  values: Readonly<Record<string, IndicatorValue | undefined>>;
  /** "Không phát sinh": blank numeric `sum` indicators count as 0. */
  noActivity?: boolean | undefined;
}

export type ConsolidatedValues = Record<string, number | null>;

function numberOf(value: IndicatorValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A yes/no as a count: yes → 1, no → 0; a child's consolidated count is already a number. */
function yesCount(value: IndicatorValue | undefined): number | null {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return numberOf(value);
}

function sumOf(numbers: readonly (number | null)[]): number | null {
  const present = numbers.filter((n): n is number => n !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
}

function extremeOf(numbers: readonly (number | null)[], pick: (a: number, b: number) => number): number | null {
  const present = numbers.filter((n): n is number => n !== null);
  return present.length === 0 ? null : present.reduce((a, b) => pick(a, b));
}

/** Σ v·w / Σ w over the parts holding both a value and a weight; null when Σ w is 0 or nothing is there. */
function weightedAverage(indicator: ReportIndicator, parts: readonly ValuesPart[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const part of parts) {
    const v = numberOf(part.values[indicator.code]);
    const w = indicator.weightBy === undefined ? null : numberOf(part.values[indicator.weightBy]);
    if (v === null || w === null) continue;
    weighted += v * w;
    weights += w;
  }
  return weights === 0 ? null : weighted / weights;
}

function sumWithNoActivity(indicator: ReportIndicator, parts: readonly ValuesPart[]): number | null {
  const numeric = isNumeric(indicator);
  return sumOf(parts.map((p) => numberOf(p.values[indicator.code]) ?? (numeric && p.noActivity ? 0 : null)));
}

/** One indicator consolidated over the parts by its rule. */
export function aggregateIndicator(indicator: ReportIndicator, parts: readonly ValuesPart[]): number | null {
  const numbers = (): (number | null)[] => parts.map((p) => numberOf(p.values[indicator.code]));
  switch (indicator.aggregation) {
    case 'sum':
      return sumWithNoActivity(indicator, parts);
    case 'max':
      return extremeOf(numbers(), Math.max);
    case 'min':
      return extremeOf(numbers(), Math.min);
    case 'weighted-average':
      return weightedAverage(indicator, parts);
    case 'count-yes':
      return sumOf(parts.map((p) => yesCount(p.values[indicator.code])));
    case 'none':
      return null;
  }
}

/** Every indicator of the form consolidated over the parts (own values and children's consolidations). */
export function aggregateValues(indicators: readonly ReportIndicator[], parts: readonly ValuesPart[]): ConsolidatedValues {
  const out: ConsolidatedValues = {};
  for (const indicator of indicators) out[indicator.code] = aggregateIndicator(indicator, parts);
  return out;
}

/**
 * What a unit sends up: its own values as entered when it receives no reports (a leaf), else its own
 * values consolidated with its children's (their sent values).
 */
export function valuesSentUp(
  indicators: readonly ReportIndicator[],
  own: ValuesPart,
  children: readonly ValuesPart[] | null,
): Record<string, IndicatorValue> {
  if (children === null) {
    const values: Record<string, IndicatorValue> = {};
    for (const indicator of indicators) {
      const v = own.values[indicator.code] ?? null;
      values[indicator.code] = v === null && own.noActivity && indicator.aggregation === 'sum' && isNumeric(indicator) ? 0 : v;
    }
    return values;
  }
  return aggregateValues(indicators, [own, ...children]);
}

function isNumeric(indicator: ReportIndicator): boolean {
  return indicator.type !== 'text' && indicator.type !== 'yesno';
}
