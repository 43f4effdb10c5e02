import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAttempt, saveAnswer } from '../../src/modules/contests/attempts/resume.js';
import { startAttempt } from '../../src/modules/contests/attempts/start-attempt.js';
import { submitAttempt } from '../../src/modules/contests/attempts/submit.js';
import type { AttemptQuestion } from '../../src/modules/contests/types.js';
import type { App } from '../../src/server/app.js';
import { buildContest, sampleQuestions } from '../support/contest-fixture.js';
import { buildTakeApp, contactKey, registration } from '../support/contest-take.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';

/** Attempts (issue 14 item 4): start, resume, save, exact instants, limits, the key never reaching the browser, review, practice. */
const { db } = await createTestDatabase();
let app: App;
let unit: { id: number };
const HOUR = 3_600_000;
const T0 = Date.now();
let bank: Awaited<ReturnType<typeof buildContest>>['questions'];

beforeAll(async () => {
  unit = await buildUnit(db, { name: 'Đảng ủy phường Ba Đình', kind: 'party_committee' });
  const built = await buildContest(db, {
    code: 'THI',
    organiserUnitId: unit.id,
    rounds: [
      { number: 1, opensAt: new Date(T0 - HOUR), closesAt: new Date(T0 + HOUR), questionsPerAttempt: 5, timeLimitSeconds: 600, attemptsAllowed: 3, graceSeconds: 5 },
      { number: 2, opensAt: new Date(T0 + 2 * HOUR), closesAt: new Date(T0 + 3 * HOUR) },
    ],
    questions: sampleQuestions(12),
  });
  bank = built.questions;
  await buildContest(db, { code: 'XONG', organiserUnitId: unit.id, rounds: [{ number: 1, opensAt: new Date(T0 - 3 * HOUR), closesAt: new Date(T0 - HOUR), questionsPerAttempt: 4 }], questions: sampleQuestions(8, 'X') });
  app = await buildTakeApp(db);
});
afterAll(async () => app.close());

async function participant(code = 'THI', target = app): Promise<string> {
  const response = await target.inject({ method: 'POST', url: `/api/v1/public/contests/${code}/participants`, payload: registration(unit.id) });
  return response.json().participantToken as string;
}
const start = (token: string, round = 1, code = 'THI', target = app) =>
  target.inject({ method: 'POST', url: `/api/v1/public/contests/${code}/rounds/${round}/attempts`, headers: { 'x-participant-token': token } });

/** The shown positions of the correct options of each question of a stored attempt. */
async function keyOf(attemptToken: string): Promise<number[][]> {
  const id = Number(attemptToken.split('.')[1]);
  const [row] = (await db.execute<{ questions: AttemptQuestion[] }>(sql`select questions from contest_attempts where id = ${id}`)).rows;
  return row!.questions.map((q) => {
    const correct = bank.find((b) => b.versionId === q.versionId)?.correct ?? [];
    return q.optionOrder.flatMap((index, shown) => (correct.includes(index) ? [shown] : []));
  });
}

const forbiddenKeys = new Set(['correct', 'correctPositions', 'explanation', 'source', 'versionId', 'optionOrder', 'questionId']);
function assertNoKey(body: string, where: string) {
  expect(body, where).not.toMatch(/GIAI-THICH|NGUON-/);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        expect(forbiddenKeys.has(k), `${where}: key ${k}`).toBe(false);
        walk(v);
      }
  };
  walk(JSON.parse(body));
}

describe('an attempt from start to submission', () => {
  it('resumes after a reload with the same questions, options and answers; scores on the server; never sends the key', async () => {
    const token = await participant();
    const responses: { where: string; body: string }[] = [];
    const keep = <R extends { body: string }>(where: string, r: R): R => (responses.push({ where, body: r.body }), r);
    const started = keep('start', await start(token));
    expect(started.statusCode).toBe(201);
    const { attemptToken, attempt } = started.json();
    expect(attempt).toMatchObject({ round: 1, number: 1, attemptsAllowed: 3, attemptsUsed: 1, graceSeconds: 5, predictionKind: 'perfect-scores', submittedAt: null, answers: {} });
    expect(attempt.questions).toHaveLength(5);
    expect(new Date(attempt.deadlineAt).getTime() - new Date(attempt.startedAt).getTime()).toBe(600_000);
    const key = await keyOf(attemptToken);
    // Answer the first three right, the fourth wrong, the fifth not at all.
    for (const position of [0, 1, 2]) keep(`save ${position}`, await app.inject({ method: 'PUT', url: `/api/v1/public/attempts/${attemptToken}/answers/${position}`, payload: { chosen: key[position] } }));
    const wrong = [0, 1, 2, 3].find((p) => !key[3]!.includes(p))!;
    const saved = keep('save 3', await app.inject({ method: 'PUT', url: `/api/v1/public/attempts/${attemptToken}/answers/3`, payload: { chosen: [wrong] } }));
    expect(saved.statusCode).toBe(200);
    expect(Object.keys(saved.json())).toEqual(['savedAt', 'serverNow']);
    keep('prediction', await app.inject({ method: 'PUT', url: `/api/v1/public/attempts/${attemptToken}/prediction`, payload: { value: 1234 } }));
    const resumed = keep('resume', await app.inject({ method: 'GET', url: `/api/v1/public/attempts/${attemptToken}` }));
    expect(resumed.json().questions).toEqual(attempt.questions);
    expect(resumed.json()).toMatchObject({ prediction: 1234, answers: { '0': key[0], '1': key[1], '2': key[2], '3': [wrong] } });
    const badPosition = keep('bad position', await app.inject({ method: 'PUT', url: `/api/v1/public/attempts/${attemptToken}/answers/9`, payload: { chosen: [0] } }));
    expect(badPosition.json().reason).toBe('CONTEST_ANSWER_INVALID');
    const submitted = keep('submit', await app.inject({ method: 'POST', url: `/api/v1/public/attempts/${attemptToken}/submit`, payload: {} }));
    expect(submitted.json()).toMatchObject({ score: 3, maxScore: 5, late: false });
    const again = keep('submit again', await app.inject({ method: 'POST', url: `/api/v1/public/attempts/${attemptToken}/submit`, payload: { prediction: 5 } }));
    expect(again.json()).toEqual(submitted.json());
    const afterSubmit = keep('save after submit', await app.inject({ method: 'PUT', url: `/api/v1/public/attempts/${attemptToken}/answers/4`, payload: { chosen: [0] } }));
    expect(afterSubmit.json().reason).toBe('CONTEST_ATTEMPT_SUBMITTED');
    keep('resume after submit', await app.inject({ method: 'GET', url: `/api/v1/public/attempts/${attemptToken}` }));
    keep('me', await app.inject({ method: 'GET', url: '/api/v1/public/contests/THI/me', headers: { 'x-participant-token': token } }));
    keep('contest', await app.inject({ method: 'GET', url: '/api/v1/public/contests/THI' }));
    const review = keep('review before close', await app.inject({ method: 'GET', url: `/api/v1/public/attempts/${attemptToken}/review` }));
    expect(review.statusCode).toBe(409);
    expect(review.json().reason).toBe('CONTEST_REVIEW_NOT_YET');
    for (const r of responses) assertNoKey(r.body, r.where);
    const me = (await app.inject({ method: 'GET', url: '/api/v1/public/contests/THI/me', headers: { 'x-participant-token': token } })).json();
    expect(me.rounds).toEqual([
      { number: 1, attemptsUsed: 1, attemptsAllowed: 3, best: 3 },
      { number: 2, attemptsUsed: 0, attemptsAllowed: 3, best: null },
    ]);
  });

  it('draws a second attempt from questions not seen in the first while the pool allows', async () => {
    const token = await participant();
    const ids = async () => {
      const { attemptToken } = (await start(token)).json();
      const id = Number(attemptToken.split('.')[1]);
      const [row] = (await db.execute<{ questions: AttemptQuestion[] }>(sql`select questions from contest_attempts where id = ${id}`)).rows;
      return row!.questions.map((q) => q.versionId);
    };
    const first = await ids();
    const second = await ids();
    expect(second.filter((v) => first.includes(v))).toEqual([]);
  });

  it('refuses starts outside the open window, forged tokens and another contest’s token', async () => {
    const token = await participant();
    const early = await start(token, 2);
    expect(early.statusCode).toBe(409);
    expect(early.json().reason).toBe('CONTEST_ROUND_NOT_OPEN');
    expect((await start(token.slice(0, -2) + 'xx')).json().reason).toBe('CONTEST_PARTICIPANT_TOKEN_INVALID');
    expect((await start(token, 1, 'XONG')).json().reason).toBe('CONTEST_PARTICIPANT_TOKEN_INVALID');
    expect((await start(await participant('XONG'), 1, 'XONG')).json().reason).toBe('CONTEST_ROUND_NOT_OPEN');
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/attempts/a.1.forged-signature-here' })).json().reason).toBe('CONTEST_ATTEMPT_NOT_FOUND');
  });
});

describe('the attempt limit', () => {
  it('gives exactly the allowed number under concurrent starts, then a Vietnamese 429', async () => {
    const token = await participant();
    const responses = await Promise.all(Array.from({ length: 10 }, () => start(token)));
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429, 429, 429]);
    const refused = responses.find((r) => r.statusCode === 429)!.json();
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', reason: 'CONTEST_ATTEMPTS_EXHAUSTED', message: 'Bạn đã dùng hết 3 lượt thi của vòng này.' });
    const numbers = responses.filter((r) => r.statusCode === 201).map((r) => r.json().attempt.number as number);
    expect(numbers.sort()).toEqual([1, 2, 3]);
  });

  it('is rate-limited per participant on starts', async () => {
    const limited = await buildTakeApp(db, { LANTOA_PUBLIC_RATE_LIMIT: '3' });
    try {
      const token = await participant('THI', limited);
      expect((await start(token, 1, 'THI', limited)).statusCode).toBe(201);
      const second = await start(token, 1, 'THI', limited);
      expect(second.statusCode).toBe(429);
      expect(second.json().reason).toBe('CONTEST_RATE_LIMITED');
      expect(second.headers['content-type']).toContain('json');
    } finally {
      await limited.close();
    }
  });
});

describe('the time limit and grace at their exact instants', () => {
  it('accepts a save at deadline + grace, refuses one 1 ms later, and a late submission counts only the saved answers', async () => {
    const token = await participant();
    const startedAt = new Date(T0 - 30 * 60_000);
    const { attemptToken, attempt } = await startAttempt(db, { code: 'THI', roundNumber: 1, participantToken: token, contactKey, now: startedAt });
    const deadline = new Date(attempt.deadlineAt).getTime();
    expect(deadline).toBe(startedAt.getTime() + 600_000);
    const key = await keyOf(attemptToken);
    const at = (ms: number) => new Date(deadline + ms);
    await saveAnswer(db, { token: attemptToken, position: 0, chosen: key[0]!, contactKey, now: at(-1000) });
    await saveAnswer(db, { token: attemptToken, position: 1, chosen: key[1]!, contactKey, now: at(5000) });
    await expect(saveAnswer(db, { token: attemptToken, position: 2, chosen: key[2]!, contactKey, now: at(5001) })).rejects.toMatchObject({ reason: 'CONTEST_ANSWER_LATE' });
    const late = await saveAnswer(db, { token: attemptToken, position: 2, chosen: key[2]!, contactKey, now: at(5001) }).catch((e: Error) => e.message);
    expect(late).toMatch(/^Đã hết giờ làm bài \(kể cả 5 giây gia hạn, đến \d\d:\d\d:\d\d ngày \d\d\/\d\d\/\d{4}\)/);
    const result = await submitAttempt(db, { token: attemptToken, prediction: 77, contactKey, now: at(60_000) });
    expect(result).toMatchObject({ score: 2, maxScore: 5, durationSeconds: 600, late: true });
    const resumed = await getAttempt(db, { token: attemptToken, contactKey });
    expect(resumed.prediction).toBeNull();
    expect(Object.keys(resumed.answers).sort()).toEqual(['0', '1']);
  });

  it('caps the deadline at the round’s close', async () => {
    const token = await participant();
    const { attempt } = await startAttempt(db, { code: 'THI', roundNumber: 1, participantToken: token, contactKey, now: new Date(T0 + HOUR - 60_000) });
    expect(attempt.deadlineAt).toBe(new Date(T0 + HOUR).toISOString());
  });
});

describe('after the round: review and practice', () => {
  it('shows the key, explanations and sources once the round has closed, and practice on its questions without storing anything', async () => {
    const token = await participant('XONG');
    const { attemptToken } = await startAttempt(db, { code: 'XONG', roundNumber: 1, participantToken: token, contactKey, now: new Date(T0 - 2 * HOUR) });
    await saveAnswer(db, { token: attemptToken, position: 0, chosen: [0], contactKey, now: new Date(T0 - 2 * HOUR + 1000) });
    const review = await app.inject({ method: 'GET', url: `/api/v1/public/attempts/${attemptToken}/review` });
    expect(review.statusCode).toBe(200);
    const q0 = review.json().questions[0];
    expect(q0.explanation).toMatch(/^GIAI-THICH-X/);
    expect(q0.source).toMatch(/^NGUON-X/);
    expect(q0.chosen).toEqual([0]);
    expect(q0.correct).toBe(q0.correctPositions.length === 1 && q0.correctPositions[0] === 0);

    const attemptsBefore = (await db.execute<{ n: number }>(sql`select count(*)::int as n from contest_attempts`)).rows[0]!.n;
    const practice = await app.inject({ method: 'POST', url: '/api/v1/public/contests/XONG/practice' });
    expect(practice.statusCode).toBe(200);
    const { practiceToken, questions } = practice.json();
    expect(questions).toHaveLength(4);
    assertNoKey(practice.body.replace(practiceToken, ''), 'practice sheet');
    const answer = await app.inject({ method: 'PUT', url: `/api/v1/public/practice/${practiceToken}/answers/0`, payload: { chosen: [1] } });
    expect(answer.json()).toMatchObject({ explanation: expect.stringMatching(/^GIAI-THICH-X/), source: expect.stringMatching(/^NGUON-X/) });
    expect(answer.json().correct).toBe(answer.json().correctPositions.join() === '1');
    expect((await db.execute<{ n: number }>(sql`select count(*)::int as n from contest_attempts`)).rows[0]!.n).toBe(attemptsBefore);
    expect((await app.inject({ method: 'PUT', url: `/api/v1/public/practice/${practiceToken}x/answers/0`, payload: { chosen: [1] } })).statusCode).toBe(404);
    const none = await app.inject({ method: 'POST', url: '/api/v1/public/contests/THI/practice' });
    expect(none.json().reason).toBe('CONTEST_PRACTICE_EMPTY');
  });
});
