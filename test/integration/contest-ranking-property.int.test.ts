import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeRound } from '../../src/modules/contests/closing/close-round.js';
import { createTestDatabase } from '../support/db.js';
import { buildResultsFixture } from '../support/contest-results-fixture.js';

/**
 * Issue 14 item 11: the official figure and the ranking written by the closing computation's one
 * statement equal a plain recomputation, over random rounds full of ties (few scores, predictions,
 * durations and submission instants, so every level of the order is exercised).
 */
const { db } = await createTestDatabase();

const attemptArb = fc.record({
  score: fc.integer({ min: 0, max: 3 }),
  prediction: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  durationMs: fc.constantFrom(1000, 2000, 3000),
  submittedAfter: fc.integer({ min: 100, max: 103 }),
  practice: fc.boolean(),
});
const roundArb = fc.record({ kind: fc.constantFrom('perfect-scores' as const, 'attempts' as const), people: fc.array(fc.array(attemptArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 }) });

type Stored = { id: number; participant: number; score: number; prediction: number | null; durationMs: number; submittedAt: number; practice: boolean };

/** The rules as written in the issue, in plain TypeScript. */
function plain(kind: 'perfect-scores' | 'attempts', attempts: Stored[]) {
  const scored = attempts.filter((a) => !a.practice);
  const figure = kind === 'attempts' ? scored.length : new Set(scored.filter((a) => a.score === 3).map((a) => a.participant)).size;
  const best = new Map<number, Stored>();
  for (const a of scored) {
    const b = best.get(a.participant);
    if (!b || a.score > b.score || (a.score === b.score && (a.submittedAt < b.submittedAt || (a.submittedAt === b.submittedAt && a.id < b.id)))) best.set(a.participant, a);
  }
  const distance = (a: Stored) => (a.prediction === null ? Infinity : Math.abs(a.prediction - figure));
  const order = [...best.values()].sort((x, y) => y.score - x.score || distance(x) - distance(y) || x.durationMs - y.durationMs || x.submittedAt - y.submittedAt || x.id - y.id);
  return { figure, ranking: order.map((a) => [a.participant, a.id]) };
}

describe('the closing computation against a plain recomputation', () => {
  it('gives the same official figure and the same ranking', async () => {
    await fc.assert(
      fc.asyncProperty(roundArb, async ({ kind, people }) => {
        const f = await buildResultsFixture(db, { prediction: kind });
        const stored: Stored[] = [];
        for (const attempts of people) {
          const participant = await f.person();
          for (const a of attempts) {
            const id = await f.attempt(participant, a);
            stored.push({ id, participant, ...a, submittedAt: a.submittedAfter });
          }
        }
        await closeRound(db, f.roundId, new Date(f.closesAt.getTime() + 5000));
        const expected = plain(kind, stored);
        const figure = (await db.execute<{ official_figure: number }>(sql`select official_figure from contest_rounds where id = ${f.roundId}`)).rows[0]!.official_figure;
        const rows = (await db.execute<{ participant_id: number; attempt_id: string }>(sql`select participant_id, attempt_id from contest_round_results where round_id = ${f.roundId} order by rank`)).rows;
        expect(figure).toBe(expected.figure);
        expect(rows.map((r) => [r.participant_id, Number(r.attempt_id)])).toEqual(expected.ranking);
      }),
      { numRuns: 30, seed: 20251116 },
    );
  }, 240_000);
});
