/**
 * Small-cell suppression of a report table, with complementary suppression (pure).
 *
 * A breakdown table of the weekly report lists rows (a channel, a contributor group, a document, a
 * stance, a child unit), each with its contributors (distinct submissions) and opinions, under the
 * totals the report shows. A row of 1 to 4 contributors is a *small* row: both its figures read
 * "< 5". Hiding it is not enough when the shown totals give it back by subtraction (a table with one
 * small row: total minus the other rows), so other rows are hidden too (*complement* rows, shown as
 * "x"), the smallest first, until no hidden figure can be worked out from what the table shows.
 * When even hiding every non-zero row leaves a figure exposed, the table shows "x" in every row,
 * zeros included (*hidden*), and keeps only its totals.
 *
 * What a reader knows of a hidden figure (the model this file protects against):
 * - "< 5": 1 to 4 contributors; at least as many opinions as contributors;
 * - "x" in a table that also shows figures: at least 5 contributors (zeros are always shown, and a
 *   row of 1 to 4 would read "< 5"); at least as many opinions;
 * - "x" in a table hidden whole, and the part of a total in no row (a unit's own receipts beside its
 *   children's, never shown): anything from 0;
 * - no row exceeds the total of its column;
 * - the shown totals: the contributors of the rows (and that part) add up to the total, or, when a
 *   submission may fall in several rows (documents, stances), add up to at least the total; the
 *   opinions always add up to the total.
 * A figure is protected when these facts leave it at least two possible values. Each total is one
 * linear equation over one column, so the possible values of a figure form an interval computed
 * exactly from the others' bounds (`figureRange`); the property test checks the result against an
 * enumeration of every fill of the hidden figures.
 */
import { MIN_CONTRIBUTORS } from './labels.js';

export type RowState = 'shown' | 'small' | 'complement' | 'hidden';

export interface SuppressionRow {
  contributors: number;
  opinions: number;
}

export interface SuppressionTable {
  rows: readonly SuppressionRow[];
  /** The totals the report shows for the table. */
  total: SuppressionRow;
  /** 'exactly': each contributor is in one row (channels, groups, children); 'atLeast': in one or more (documents, stances). */
  contributorsAddUp: 'exactly' | 'atLeast';
  /** Part of the totals is in no row and never shown (a unit's own receipts beside its children's subtrees). */
  unshownRest?: boolean;
}

/** Bounds a reader can put on a hidden figure (hi may be Infinity). */
interface Bounds {
  lo: number;
  hi: number;
}

const isSmall = (contributors: number) => contributors > 0 && contributors < MIN_CONTRIBUTORS;

/**
 * The state of each row: small rows hidden as "< 5", complementary rows hidden as "x", or every row
 * hidden when nothing less protects the small ones. Stable: the same table gives the same states.
 */
export function suppressSmallCells(table: SuppressionTable): RowState[] {
  const states: RowState[] = table.rows.map((r) => (isSmall(r.contributors) ? 'small' : 'shown'));
  // A one-row table without a hidden rest repeats its totals, which the report shows anyway.
  if (table.rows.length + (table.unshownRest ? 1 : 0) < 2) return states;
  for (;;) {
    if (exposedFigures(table, states).length === 0) return states;
    const next = nextComplement(table.rows, states);
    if (next === -1) return states.map(() => 'hidden');
    states[next] = 'complement';
  }
}

/** The shown row with the fewest contributors (then opinions, then position) that is not empty; -1 if none. */
function nextComplement(rows: readonly SuppressionRow[], states: readonly RowState[]): number {
  let best = -1;
  rows.forEach((row, i) => {
    if (states[i] !== 'shown' || row.contributors === 0) return;
    const b = rows[best];
    if (!b || row.contributors < b.contributors || (row.contributors === b.contributors && row.opinions < b.opinions)) best = i;
  });
  return best;
}

/** What a reader knows of the contributors of a row in `state` (opinions: at least as many). */
function contributorBounds(state: RowState | 'rest'): Bounds {
  if (state === 'small') return { lo: 1, hi: MIN_CONTRIBUTORS - 1 };
  if (state === 'complement') return { lo: MIN_CONTRIBUTORS, hi: Infinity };
  return { lo: 0, hi: Infinity };
}

/**
 * The possible values of hidden figure `a` of a column, when the hidden figures add up to `rest`
 * (`exact`) or to at least `rest`, each within its bounds: an interval, exact for one equation.
 */
export function figureRange(bounds: readonly Bounds[], a: number, rest: number, exact: boolean): Bounds {
  let othersLo = 0;
  let othersHi = 0;
  bounds.forEach((b, i) => {
    if (i === a) return;
    othersLo += b.lo;
    othersHi += b.hi;
  });
  const own = bounds[a] as Bounds;
  return { lo: Math.max(own.lo, rest - othersHi), hi: exact ? Math.min(own.hi, rest - othersLo) : own.hi };
}

/**
 * The hidden figures a reader can work out from the table as shown with `states`: for each
 * column with a total, a hidden figure whose range is a single value. Returns "row:column" keys
 * (row -1 is the unshown rest); only figures that must be protected are listed — those of hidden
 * rows, and of the rest when it holds 1 to 4 contributors.
 */
export function exposedFigures(table: SuppressionTable, states: readonly RowState[]): string[] {
  const hidden = table.rows.flatMap((row, i) => (states[i] === 'shown' ? [] : [{ index: i, row, bounds: contributorBounds(states[i] as RowState) }]));
  if (table.unshownRest) {
    const shownSum = (key: keyof SuppressionRow) => table.rows.reduce((sum, r) => sum + r[key], 0);
    const row = { contributors: table.total.contributors - shownSum('contributors'), opinions: table.total.opinions - shownSum('opinions') };
    hidden.push({ index: -1, row, bounds: contributorBounds('rest') });
  }
  if (hidden.length === 0) return [];
  const shown = (key: keyof SuppressionRow) => table.rows.reduce((sum, r, i) => sum + (states[i] === 'shown' ? r[key] : 0), 0);
  const exposed: string[] = [];
  const columns = [
    { key: 'contributors' as const, exact: table.contributorsAddUp === 'exactly' },
    { key: 'opinions' as const, exact: true },
  ];
  for (const { key, exact } of columns) {
    const rest = table.total[key] - shown(key);
    // No figure of a row exceeds the total; opinions are at least as many as contributors, with no other upper bound.
    const cap = table.total[key];
    const bounds = hidden.map((h) => ({ lo: h.bounds.lo, hi: Math.min(key === 'contributors' ? h.bounds.hi : Infinity, cap) }));
    hidden.forEach((h, a) => {
      const mustProtect = h.index >= 0 || isSmall(h.row.contributors);
      if (!mustProtect) return;
      const range = figureRange(bounds, a, rest, exact);
      if (range.lo >= range.hi) exposed.push(`${h.index}:${key}`);
    });
  }
  return exposed;
}
