import fc from 'fast-check';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { contestAttempts, contestRounds } from '../../src/modules/contests/tables.js';
import { contestParticipation } from '../../src/modules/contests/participation/participation.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';
import { buildAttempts, buildContest, buildParticipant, hoursAfter, setHeadcount, writeTallies, type AttemptInput } from '../support/contest-stats-fixture.js';

/**
 * Participation from the tallies (summed over subtrees in one statement) equals a plain recomputation
 * from contest_attempts over each unit's subtree — for random attempts over a random tree, per round
 * and for the whole contest, for every unit and each of its direct children.
 */
const { db } = await createTestDatabase();
const opens = new Date('2026-11-02T01:00:00Z');

interface Scenario {
  parents: number[];
  headcounts: (number | null)[];
  people: { unit: number; rounds: { score: number | null; practice: boolean }[][] }[];
}

const scenario: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 9 }).chain((n) =>
  fc.record({
    parents: fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: 0, max: Math.max(0, i - 1) }))),
    headcounts: fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }), { minLength: n + 1, maxLength: n + 1 }),
    people: fc.array(
      fc.record({
        unit: fc.integer({ min: 0, max: n }),
        rounds: fc.tuple(
          ...[0, 1].map(() => fc.array(fc.record({ score: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 6 }), practice: fc.boolean() }), { maxLength: 4 })),
        ),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  }),
);

/** Builds the tree (unit 0 is the root, unit i+1's parent is unit parents[i]), the contest, attempts and tallies. */
async function build(s: Scenario) {
  const units: number[] = [(await buildUnit(db)).id];
  for (const p of s.parents) units.push((await buildUnit(db, { parentId: units[p] })).id);
  for (const [i, h] of s.headcounts.entries()) if (h !== null) await setHeadcount(db, units[i]!, h);
  const { contest, rounds } = await buildContest(db, { organiserUnitId: units[0]!, rounds: [1, 2].map((number) => ({ number, opensAt: hoursAfter(opens, (number - 1) * 168), closesAt: hoursAfter(opens, number * 168 - 1) })) });
  const attempts: AttemptInput[] = [];
  for (const [p, person] of s.people.entries()) {
    const unitId = units[person.unit]!;
    const participantId = await buildParticipant(db, { contestId: contest.id, unitId });
    // The first person also makes seven perfect attempts in round 1: many attempts, perfect scores repeated.
    const tries = p === 0 ? [Array.from({ length: 7 }, () => ({ score: 3, practice: false })), ...person.rounds.slice(1)] : person.rounds;
    for (const [r, list] of tries.entries()) {
      const numbers = { true: 0, false: 0 };
      for (const t of list) {
        const number = (numbers[`${t.practice}`] += 1);
        attempts.push({ roundId: rounds[r]!.id, participantId, unitId, number, practice: t.practice, score: t.score, maxScore: 3, startedAt: hoursAfter(rounds[r]!.opensAt, number) });
      }
    }
  }
  await buildAttempts(db, attempts);
  await writeTallies(db, contest.id, attempts, new Map(rounds.map((r) => [r.id, r.number])));
  return { units, contest, rounds };
}

/** The plain recomputation: contest_attempts read back, filtered to the subtree, counted directly. */
async function recompute(contestId: number, units: number[], parents: number[], headcounts: (number | null)[]) {
  const rounds = await db.select().from(contestRounds).where(eq(contestRounds.contestId, contestId));
  const numberOf = new Map(rounds.map((r) => [r.id, r.number]));
  const rows = await db.select().from(contestAttempts).where(inArray(contestAttempts.roundId, rounds.map((r) => r.id)));
  const subtree = (i: number): Set<number> => {
    const set = new Set([i]);
    for (let j = 1; j < units.length; j += 1) if (set.has(parents[j - 1]!)) set.add(j);
    return set;
  };
  return (unitIndex: number, roundId: number) => {
    const members = subtree(unitIndex);
    const ids = new Set([...members].map((i) => units[i]));
    const counted = rows.filter((a) => ids.has(a.unitId) && !a.practice && a.score !== null && (roundId === 0 || a.roundId === roundId));
    const first = new Map<number, { key: number; score: number }>();
    for (const a of counted) {
      const key = (roundId === 0 ? numberOf.get(a.roundId)! * 100 : 0) + a.number;
      const seen = first.get(a.participantId);
      if (!seen || key < seen.key) first.set(a.participantId, { key, score: a.score! });
    }
    const heads = [...members].map((i) => headcounts[i]).filter((h): h is number => h !== null && h !== undefined);
    const headcount = heads.length === 0 ? null : heads.reduce((x, y) => x + y, 0);
    const people = new Set(counted.map((a) => a.participantId)).size;
    return {
      attempts: counted.length,
      people,
      perfectScores: new Set(counted.filter((a) => a.score === a.maxScore).map((a) => a.participantId)).size,
      headcount,
      participationRate: headcount !== null && headcount > 0 ? people / headcount : null,
      meanFirstAttemptScore: people > 0 ? [...first.values()].reduce((x, f) => x + f.score, 0) / people : null,
    };
  };
}

const figures = (u: { attempts: number; people: number; perfectScores: number; headcount: number | null; participationRate: number | null; meanFirstAttemptScore: number | null }) => ({
  attempts: u.attempts,
  people: u.people,
  perfectScores: u.perfectScores,
  headcount: u.headcount,
  participationRate: u.participationRate,
  meanFirstAttemptScore: u.meanFirstAttemptScore,
});

describe('participation by unit (tallies summed over subtrees)', () => {
  it('equals a plain recomputation from contest_attempts, for every unit, its children, each round and the whole contest', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { units, contest, rounds } = await build(s);
        const expected = await recompute(contest.id, units, s.parents, s.headcounts);
        for (const [i, unitId] of units.entries()) {
          for (const [round, roundId] of [[0, 0], ...rounds.map((r) => [r.number, r.id])] as [number, number][]) {
            const report = await contestParticipation(db, { actor: cliActor(), contestId: contest.id, unitId, round });
            expect(figures(report)).toEqual(expected(i, roundId));
            const childIndexes = s.parents.flatMap((p, j) => (p === i ? [j + 1] : []));
            expect(report.children.map((c) => c.unitId).sort()).toEqual(childIndexes.map((j) => units[j]).sort());
            for (const child of report.children) expect(figures(child)).toEqual(expected(units.indexOf(child.unitId), roundId));
          }
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
