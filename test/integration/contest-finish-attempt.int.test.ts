import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishAttempt, selectAttemptToFinish } from '../../src/modules/contests/attempts/repository.js';
import { attemptIdOf } from '../../src/modules/contests/attempts/resume.js';
import type { App } from '../../src/server/app.js';
import { buildContest, sampleQuestions } from '../support/contest-fixture.js';
import { buildTakeApp, CONTACT_KEY, registration } from '../support/contest-take.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';

/**
 * A submission reads and scores the attempt without a lock, then `contest_finish_attempt` locks it
 * and writes only if nothing changed since the read. An answer saved in between makes the write
 * refuse ('changed') and the submission read again; a second submission finds it 'submitted'.
 */
const { db } = await createTestDatabase();
let app: App;
let token: string;
let attemptId: number;
const HOUR = 3_600_000;

const tallies = async () =>
  (await db.execute<{ attempts: number; people: number }>(sql`select coalesce(sum(attempts), 0)::int as attempts, coalesce(sum(people), 0)::int as people from contest_unit_tallies`)).rows[0]!;

beforeAll(async () => {
  const unit = await buildUnit(db, { name: 'Chi bộ Khu phố 3', kind: 'party_cell' });
  await buildContest(db, {
    code: 'FIN',
    organiserUnitId: unit.id,
    rounds: [{ number: 1, opensAt: new Date(Date.now() - HOUR), closesAt: new Date(Date.now() + HOUR), questionsPerAttempt: 4 }],
    questions: sampleQuestions(8),
  });
  app = await buildTakeApp(db);
  const registered = await app.inject({ method: 'POST', url: '/api/v1/public/contests/FIN/participants', payload: registration(unit.id) });
  const started = await app.inject({ method: 'POST', url: '/api/v1/public/contests/FIN/rounds/1/attempts', headers: { 'x-participant-token': registered.json().participantToken } });
  token = started.json().attemptToken as string;
  attemptId = attemptIdOf(CONTACT_KEY, token);
});
afterAll(async () => app.close());

const save = (position: number, chosen: number[]) => app.inject({ method: 'PUT', url: `/api/v1/public/attempts/${token}/answers/${position}`, payload: { chosen } });

describe('finishing an attempt read without a lock', () => {
  it('refuses to write when an answer was saved after the read, and writes nothing', async () => {
    expect((await save(0, [1])).statusCode).toBe(200);
    const read = await selectAttemptToFinish(db, attemptId);
    expect(read?.submittedAt).toBeNull();
    expect((await save(1, [2])).statusCode).toBe(200);
    const outcome = await finishAttempt(db, { attempt: read!, score: 1, submittedAt: new Date(), durationMs: 1000, prediction: null });
    expect(outcome).toBe('changed');
    const row = (await db.execute<{ submitted: boolean; answers: Record<string, unknown> }>(sql`select submitted_at is not null as submitted, answers from contest_attempts where id = ${attemptId}`)).rows[0]!;
    expect(row.submitted).toBe(false);
    expect(Object.keys(row.answers).sort()).toEqual(['0', '1']);
    expect(await tallies()).toEqual({ attempts: 0, people: 0 });
  });

  it('a submission then counts both saved answers, once; a stale finish after it finds it submitted', async () => {
    const stale = await selectAttemptToFinish(db, attemptId);
    const submitted = await app.inject({ method: 'POST', url: `/api/v1/public/attempts/${token}/submit`, payload: {} });
    expect(submitted.statusCode).toBe(200);
    expect(await tallies()).toEqual({ attempts: 2, people: 2 }); // the round's tally and the contest's (round 0)
    const again = await finishAttempt(db, { attempt: stale!, score: 4, submittedAt: new Date(), durationMs: 1000, prediction: null });
    expect(again).toBe('submitted');
    const repeat = await app.inject({ method: 'POST', url: `/api/v1/public/attempts/${token}/submit`, payload: {} });
    expect(repeat.json()).toEqual(submitted.json());
    expect(await tallies()).toEqual({ attempts: 2, people: 2 });
  });

  it('answers missing for an attempt that does not exist', async () => {
    const read = await selectAttemptToFinish(db, attemptId);
    expect(await finishAttempt(db, { attempt: { ...read!, id: attemptId + 10_000 }, score: 0, submittedAt: new Date(), durationMs: 0, prediction: null })).toBe('missing');
  });
});
