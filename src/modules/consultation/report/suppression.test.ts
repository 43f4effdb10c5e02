/**
 * Complementary suppression, checked as a reader would attack it: from a table as the report shows
 * it ("< 5", "x", figures and totals), every fill of the hidden figures consistent with what is
 * shown is enumerated, and each hidden figure must take at least two values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressSmallCells, type RowState, type SuppressionRow, type SuppressionTable } from './suppression.js';

type Shown = number | '< 5' | 'x';

/** The figures of a row as the report prints them in `state`. */
function render(row: SuppressionRow, state: RowState): [Shown, Shown] {
  if (state === 'small') return ['< 5', '< 5'];
  if (state === 'complement' || state === 'hidden') return ['x', 'x'];
  return [row.contributors, row.opinions];
}

interface Unknown {
  /** Row index, or -1 for the unshown rest. */
  index: number;
  sLo: number;
  sHi: number;
  /** The figures must take two values (shown hidden, or a rest of 1 to 4 contributors). */
  sensitive: boolean;
}

/**
 * For each hidden figure ("row:column"), the values it takes over every fill consistent with the
 * shown table, stopping once each has two. Knowledge: "< 5" → 1..4 contributors; "x" beside shown
 * figures → 5 or more; "x" everywhere, and the rest → 0 or more; opinions ≥ contributors, and no
 * opinion without a contributor; contributors and opinions of a row within the totals.
 */
function valuesOfHidden(table: SuppressionTable, shown: [Shown, Shown][]): Map<string, Set<number>> {
  const allHidden = shown.every(([s]) => s === 'x');
  const { contributors: S, opinions: O } = table.total;
  const unknowns: Unknown[] = [];
  let shownS = 0;
  let shownO = 0;
  shown.forEach(([s, o], index) => {
    if (typeof s === 'number' && typeof o === 'number') {
      shownS += s;
      shownO += o;
    } else if (s === '< 5') unknowns.push({ index, sLo: 1, sHi: Math.min(4, S), sensitive: true });
    else unknowns.push({ index, sLo: allHidden ? 0 : 5, sHi: S, sensitive: true });
  });
  if (table.unshownRest) {
    const rest = S - table.rows.reduce((sum, r) => sum + r.contributors, 0);
    unknowns.push({ index: -1, sLo: 0, sHi: S, sensitive: rest > 0 && rest < 5 });
  }
  const restS = S - shownS;
  const restO = O - shownO;
  const exact = table.contributorsAddUp === 'exactly';
  const seen = new Map<string, Set<number>>();
  for (const u of unknowns) if (u.sensitive) for (const c of ['contributors', 'opinions']) seen.set(`${u.index}:${c}`, new Set());
  const done = () => [...seen.values()].every((v) => v.size >= 2);
  const s: number[] = [];
  const o: number[] = [];
  const record = () => {
    unknowns.forEach((u, i) => {
      if (!u.sensitive) return;
      const cs = seen.get(`${u.index}:contributors`) as Set<number>;
      const os = seen.get(`${u.index}:opinions`) as Set<number>;
      if (cs.size < 2) cs.add(s[i] as number);
      if (os.size < 2) os.add(o[i] as number);
    });
  };
  const fillOpinions = (i: number, sum: number): boolean => {
    if (i === unknowns.length) {
      if (sum !== restO) return false;
      record();
      return done();
    }
    const lo = s[i] as number;
    const hi = s[i] === 0 ? 0 : O;
    let remainingLo = 0;
    for (let j = i + 1; j < unknowns.length; j++) remainingLo += s[j] as number;
    for (let v = lo; v <= hi && sum + v + remainingLo <= restO; v++) {
      o[i] = v;
      if (fillOpinions(i + 1, sum + v)) return true;
    }
    return false;
  };
  const fillContributors = (i: number, sum: number): boolean => {
    if (i === unknowns.length) {
      if (exact ? sum !== restS : sum < restS) return false;
      if (sum > O) return false;
      return fillOpinions(0, 0);
    }
    const u = unknowns[i] as Unknown;
    let remainingHi = 0;
    for (let j = i + 1; j < unknowns.length; j++) remainingHi += (unknowns[j] as Unknown).sHi;
    for (let v = u.sLo; v <= u.sHi; v++) {
      if (exact && sum + v > restS) break;
      if (sum + v + remainingHi < restS) continue;
      s[i] = v;
      if (fillContributors(i + 1, sum + v)) return true;
    }
    return false;
  };
  fillContributors(0, 0);
  return seen;
}

/** Random small tables of the report's kinds, with totals consistent with their rows. */
const tables = fc
  .record({
    rows: fc.array(
      fc.record({ contributors: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 9 })), extra: fc.integer({ min: 0, max: 3 }) }),
      { minLength: 2, maxLength: 4 },
    ),
    kind: fc.constantFrom('exactly', 'atLeast', 'children'),
    rest: fc.record({ contributors: fc.integer({ min: 0, max: 6 }), extra: fc.integer({ min: 0, max: 2 }) }),
    overlap: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ rows: raw, kind, rest, overlap }): SuppressionTable => {
    const rows = raw.map((r) => ({ contributors: r.contributors, opinions: r.contributors === 0 ? 0 : r.contributors + r.extra }));
    const sum = (key: keyof SuppressionRow) => rows.reduce((n, r) => n + r[key], 0);
    if (kind === 'children') {
      const own = { contributors: rest.contributors, opinions: rest.contributors === 0 ? 0 : rest.contributors + rest.extra };
      return { rows, total: { contributors: sum('contributors') + own.contributors, opinions: sum('opinions') + own.opinions }, contributorsAddUp: 'exactly', unshownRest: true };
    }
    if (kind === 'atLeast') {
      // Submissions touching several rows: the total lies between the largest row and the sum.
      const largest = Math.max(...rows.map((r) => r.contributors));
      const total = largest + Math.round(((sum('contributors') - largest) * overlap) / 100);
      return { rows, total: { contributors: total, opinions: sum('opinions') }, contributorsAddUp: 'atLeast' };
    }
    return { rows, total: { contributors: sum('contributors'), opinions: sum('opinions') }, contributorsAddUp: 'exactly' };
  });

describe('suppressSmallCells', () => {
  it('leaves no hidden figure that the shown figures and totals determine (every fill enumerated)', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const states = suppressSmallCells(table);
        const shown = table.rows.map((row, i) => render(row, states[i] as RowState));
        for (const [figure, values] of valuesOfHidden(table, shown)) {
          if (values.size < 2) throw new Error(`${figure} is determined (${[...values].join()}) in ${JSON.stringify({ table, states })}`);
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 400) },
    );
  }, 120_000);

  it('catches what the "< 5" rule alone gave away (the check bites)', () => {
    const groups: SuppressionTable = { rows: [{ contributors: 10, opinions: 27 }, { contributors: 2, opinions: 3 }], total: { contributors: 12, opinions: 30 }, contributorsAddUp: 'exactly' };
    const values = valuesOfHidden(groups, [render(groups.rows[0] as SuppressionRow, 'shown'), render(groups.rows[1] as SuppressionRow, 'small')]);
    expect([...(values.get('1:contributors') ?? [])]).toEqual([2]);
    expect([...(values.get('1:opinions') ?? [])]).toEqual([3]);
  });

  it('never leaves exactly one hidden cell against a total, always hides small rows and shows zeros unless the whole table is hidden', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const states = suppressSmallCells(table);
        const hiddenRows = states.filter((s) => s !== 'shown').length;
        expect(hiddenRows === 0 || hiddenRows + (table.unshownRest ? 1 : 0) >= 2).toBe(true);
        const whole = states.every((s) => s === 'hidden');
        table.rows.forEach((row, i) => {
          if (row.contributors > 0 && row.contributors < 5) expect(states[i]).not.toBe('shown');
          if (!whole) expect(states[i] === 'complement' ? row.contributors >= 5 : true).toBe(true);
          if (row.contributors === 0 && !whole) expect(states[i]).toBe('shown');
        });
        if (!whole) expect(states.includes('hidden')).toBe(false);
      }),
      { numRuns: Number(process.env.RUNS ?? 400) },
    );
  });

  it('hides nothing without a small row', () => {
    const table: SuppressionTable = { rows: [{ contributors: 7, opinions: 20 }, { contributors: 0, opinions: 0 }, { contributors: 5, opinions: 9 }], total: { contributors: 12, opinions: 29 }, contributorsAddUp: 'exactly' };
    expect(suppressSmallCells(table)).toEqual(['shown', 'shown', 'shown']);
  });

  it('hides the next smallest row beside a lone small row, and more while the totals still give it away', () => {
    // Groups: 10 and 2 contributors of 12: "< 5" alone would read 12 − 10 = 2.
    const groups: SuppressionTable = { rows: [{ contributors: 0, opinions: 0 }, { contributors: 10, opinions: 27 }, { contributors: 2, opinions: 3 }], total: { contributors: 12, opinions: 30 }, contributorsAddUp: 'exactly' };
    expect(suppressSmallCells(groups)).toEqual(['shown', 'complement', 'small']);
    // 1 and 5 of 6 (plus 9): hiding the 5 still leaves 6 − 5 = 1 (an "x" holds at least 5); the 9 goes too.
    const channels: SuppressionTable = { rows: [{ contributors: 1, opinions: 1 }, { contributors: 5, opinions: 5 }, { contributors: 9, opinions: 12 }], total: { contributors: 15, opinions: 18 }, contributorsAddUp: 'exactly' };
    expect(suppressSmallCells(channels)).toEqual(['small', 'complement', 'complement']);
  });

  it('hides the whole table when nothing less protects a small row', () => {
    // 1 and 5 contributors only: "x" ≥ 5, so the small row would be 6 − 5 = 1.
    const table: SuppressionTable = { rows: [{ contributors: 1, opinions: 1 }, { contributors: 5, opinions: 5 }, { contributors: 0, opinions: 0 }], total: { contributors: 6, opinions: 6 }, contributorsAddUp: 'exactly' };
    expect(suppressSmallCells(table)).toEqual(['hidden', 'hidden', 'hidden']);
  });

  it('protects a small child against the parent total minus the other children, and the parent’s own receipts', () => {
    // Children 9 and 3, parent 12: own receipts 0 are unknown to the reader, so 3 lies in 1..3 — safe.
    const safe: SuppressionTable = { rows: [{ contributors: 9, opinions: 24 }, { contributors: 3, opinions: 6 }, { contributors: 0, opinions: 0 }], total: { contributors: 12, opinions: 30 }, contributorsAddUp: 'exactly', unshownRest: true };
    expect(suppressSmallCells(safe)).toEqual(['shown', 'small', 'shown']);
    // Children 9 and 1, parent 10: 10 − 9 = 1 whatever the own receipts (at least 0) — the 9 is hidden too.
    const exposed: SuppressionTable = { ...safe, rows: [{ contributors: 9, opinions: 24 }, { contributors: 1, opinions: 1 }], total: { contributors: 10, opinions: 25 } };
    expect(suppressSmallCells(exposed)).toEqual(['complement', 'small']);
    // Own receipts of 2 beside children 9 and 6: 17 − 15 would read them; a child is hidden.
    const own: SuppressionTable = { ...safe, rows: [{ contributors: 9, opinions: 24 }, { contributors: 6, opinions: 6 }], total: { contributors: 17, opinions: 32 } };
    expect(suppressSmallCells(own)).toEqual(['shown', 'complement']);
  });
});
