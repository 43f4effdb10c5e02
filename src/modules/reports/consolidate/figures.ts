/**
 * A version's own values as typed figures (pure), stored beside its snapshot in the ledger
 * (`period_report_submissions.figures`) when it is sent, so the live sums over tens of thousands of
 * versions (repository-live.ts) read float8 arrays instead of parsing each snapshot's JSON.
 *
 * Layout: one number per indicator of the form, in form order — the unit's partial aggregate by
 * that indicator's rule (`partialOf`: the value, 0 for a blank numeric sum under "no activity", a
 * yes as 1, v·w for a weighted average) — then, for each weighted average in form order, its
 * weight w. The key names that layout: a hash of the indicators' codes, types, rules and weights,
 * so a version sent under another form (the regime redefined since) is read from its snapshot.
 */
import { createHash } from 'node:crypto';
import type { VersionFigures } from '../../../core/period-reports/index.js';
import type { ReportIndicator } from '../../../shared/report-form.js';
import type { ValuesPart } from './aggregate.js';
import { partialOf } from './live.js';

/** The name of the figures' layout for a form's indicators (changes with any code, type, rule or weight, or their order). */
export function figuresKey(indicators: readonly ReportIndicator[]): string {
  const shape = indicators.map((i) => [i.code, i.type, i.aggregation, i.weightBy ?? null]);
  return `r1:${createHash('sha256').update(JSON.stringify(shape)).digest('base64url').slice(0, 22)}`;
}

/** Where each indicator's numbers sit in the figures (1-based, as SQL subscripts): its partial, and its weight for a weighted average. */
export interface FigurePlace {
  n: number;
  w: number | null;
}

/** The layout: indicator i's partial at i + 1, then the weights of the weighted averages in form order. */
export function figurePlaces(indicators: readonly ReportIndicator[]): FigurePlace[] {
  let weights = indicators.length;
  return indicators.map((indicator, i) => ({ n: i + 1, w: indicator.aggregation === 'weighted-average' ? ++weights : null }));
}

/** A unit's own values as figures under the form's layout. */
export function ownFigures(indicators: readonly ReportIndicator[], own: ValuesPart): VersionFigures {
  const places = figurePlaces(indicators);
  const values: (number | null)[] = [];
  indicators.forEach((indicator, i) => {
    const partial = partialOf(indicator, own);
    const place = places[i] as FigurePlace;
    values[place.n - 1] = partial.n;
    if (place.w !== null) values[place.w - 1] = partial.w;
  });
  return { key: figuresKey(indicators), values };
}
