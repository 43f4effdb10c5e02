import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { contestParticipation } from '../../src/modules/contests/participation/participation.js';
import { roundItemStatistics } from '../../src/modules/contests/statistics/round-statistics.js';
import type { AttemptQuestion } from '../../src/modules/contests/types.js';
import type { App } from '../../src/server/app.js';
import { buildContest, sampleQuestions } from '../support/contest-fixture.js';
import { buildTakeApp, registration } from '../support/contest-take.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';

/**
 * End to end with the take part: people register, start attempts, save answers and submit through
 * the public API (the submission transaction keeps the tallies); participation read from those
 * tallies equals a recomputation from contest_attempts, and the item statistics, recomputed from the
 * saved answers, agree with the scores the server gave (first attempt = started first).
 * Tree: organiser P → D1 (→ X1), D2.
 */
const { db } = await createTestDatabase();
let app: App;
const u: Record<string, number> = {};
const HOUR = 3_600_000;
const T0 = Date.now();
let contestId: number;
let bank: Awaited<ReturnType<typeof buildContest>>['questions'];

async function keyOf(attemptToken: string): Promise<number[][]> {
  const id = Number(attemptToken.split('.')[1]);
  const [row] = (await db.execute<{ questions: AttemptQuestion[] }>(sql`select questions from contest_attempts where id = ${id}`)).rows;
  return row!.questions.map((q) => {
    const correct = bank.find((b) => b.versionId === q.versionId)?.correct ?? [];
    return q.optionOrder.flatMap((index, shown) => (correct.includes(index) ? [shown] : []));
  });
}

/** Person p's attempt a answers question i right when (p + a + i) % 3 ≠ 0 (some people perfect by chance of the pattern), else a wrong option. */
async function takeAttempt(participantToken: string, p: number, a: number) {
  const started = await app.inject({ method: 'POST', url: `/api/v1/public/contests/STATS/rounds/1/attempts`, headers: { 'x-participant-token': participantToken } });
  expect(started.statusCode).toBe(201);
  const { attemptToken } = started.json() as { attemptToken: string };
  const key = await keyOf(attemptToken);
  for (const [i, right] of key.entries()) {
    const chosen = p === 0 || (p + a + i) % 3 !== 0 ? right : [[0, 1, 2, 3].find((o) => !right.includes(o))!];
    if ((p + i) % 7 === 6) continue; // some questions left unanswered
    expect((await app.inject({ method: 'PUT', url: `/api/v1/public/attempts/${attemptToken}/answers/${i}`, payload: { chosen } })).statusCode).toBe(200);
  }
  const submitted = await app.inject({ method: 'POST', url: `/api/v1/public/attempts/${attemptToken}/submit`, payload: {} });
  expect(submitted.statusCode).toBe(200);
}

beforeAll(async () => {
  u.P = (await buildUnit(db, { code: 'ST-P', kind: 'party_committee' })).id;
  u.D1 = (await buildUnit(db, { code: 'ST-D1', kind: 'party_committee', parentId: u.P })).id;
  u.D2 = (await buildUnit(db, { code: 'ST-D2', kind: 'party_committee', parentId: u.P })).id;
  u.X1 = (await buildUnit(db, { code: 'ST-X1', kind: 'party_cell', parentId: u.D1 })).id;
  const built = await buildContest(db, {
    code: 'STATS',
    organiserUnitId: u.P,
    rounds: [{ number: 1, opensAt: new Date(T0 - HOUR), closesAt: new Date(T0 + HOUR), questionsPerAttempt: 5, attemptsAllowed: 3 }],
    questions: sampleQuestions(12),
  });
  contestId = built.contest.id;
  bank = built.questions;
  app = await buildTakeApp(db);
  const units = [u.X1, u.X1, u.D1, u.D2, u.D2, u.P, u.X1];
  for (const [p, unitId] of units.entries()) {
    const token = (await app.inject({ method: 'POST', url: '/api/v1/public/contests/STATS/participants', payload: registration(unitId!) })).json().participantToken as string;
    for (let a = 0; a < 1 + (p % 3); a += 1) await takeAttempt(token, p, a);
  }
});
afterAll(async () => app.close());

describe('participation and item statistics on attempts taken through the public API', () => {
  it('participation from the submission transaction’s tallies equals a recomputation from contest_attempts', async () => {
    const rows = (await db.execute<{ unit_id: number; participant_id: number; score: number; max_score: number }>(
      sql`select a.unit_id, a.participant_id, a.score, a.max_score from contest_attempts a join contest_rounds r on r.id = a.round_id where r.contest_id = ${contestId} and not a.practice and a.submitted_at is not null`,
    )).rows;
    const subtree: Record<string, number[]> = { P: [u.P!, u.D1!, u.D2!, u.X1!], D1: [u.D1!, u.X1!], D2: [u.D2!], X1: [u.X1!] };
    for (const [name, ids] of Object.entries(subtree)) {
      const mine = rows.filter((r) => ids.includes(r.unit_id));
      const expected = { attempts: mine.length, people: new Set(mine.map((r) => r.participant_id)).size, perfectScores: new Set(mine.filter((r) => r.score === r.max_score).map((r) => r.participant_id)).size };
      for (const round of [0, 1]) {
        const report = await contestParticipation(db, { actor: cliActor(), contestId, unitId: u[name]!, round });
        expect({ attempts: report.attempts, people: report.people, perfectScores: report.perfectScores }, `${name}, round ${round}`).toEqual(expected);
      }
    }
    expect(rows.length).toBe(1 + 2 + 3 + 1 + 2 + 3 + 1);
  });

  it('item statistics count each person’s first attempt once, and their recomputed scores are the server’s', async () => {
    const firsts = (await db.execute<{ score: number }>(sql`
      select distinct on (a.participant_id) a.score from contest_attempts a join contest_rounds r on r.id = a.round_id
      where r.contest_id = ${contestId} and not a.practice and a.score is not null order by a.participant_id, a.id`)).rows.map((r) => r.score);
    const stats = await roundItemStatistics(db, { actor: cliActor(), contestId, round: 1 });
    expect(stats.test.people).toBe(7);
    expect(stats.test.maxScore).toBe(5);
    expect(stats.test.mean).toBeCloseTo(firsts.reduce((a, b) => a + b, 0) / firsts.length, 12);
    expect(stats.items.reduce((n, i) => n + i.n, 0)).toBe(7 * 5);
    const report = await contestParticipation(db, { actor: cliActor(), contestId, round: 1 });
    expect(report.meanFirstAttemptScore).toBeCloseTo(stats.test.mean!, 12);
    for (const item of stats.items) expect(item.options.filter((o) => o.correct).length).toBeGreaterThan(0);
  });
});
