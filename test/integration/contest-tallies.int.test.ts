import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveAnswer } from '../../src/modules/contests/attempts/resume.js';
import { startAttempt } from '../../src/modules/contests/attempts/start-attempt.js';
import { finaliseExpiredAttempts, submitAttempt } from '../../src/modules/contests/attempts/submit.js';
import { registerParticipant } from '../../src/modules/contests/participants/register.js';
import type { AttemptQuestion } from '../../src/modules/contests/types.js';
import { inTransaction } from '../../src/platform/db/database.js';
import { buildContest, sampleQuestions } from '../support/contest-fixture.js';
import { contactKey, registration } from '../support/contest-take.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';

/**
 * The unit tallies kept by the submission transaction equal a plain recomputation from
 * contest_attempts, whatever the order and concurrency of submissions (double submissions,
 * a person's attempts submitted out of order, attempts finalised at the close).
 */
const { db } = await createTestDatabase();
const MIN = 60_000;
const T0 = Date.now();
let built: Awaited<ReturnType<typeof buildContest>>;
let units: { id: number }[];

beforeAll(async () => {
  const root = await buildUnit(db, { name: 'Tỉnh ủy Kiểm Đếm' });
  units = [root, await buildUnit(db, { parentId: root.id }), await buildUnit(db, { parentId: root.id })];
  // Few questions per attempt so perfect scores are frequent.
  built = await buildContest(db, {
    code: 'DEM',
    organiserUnitId: root.id,
    rounds: [
      { number: 1, opensAt: new Date(T0 - 60 * MIN), closesAt: new Date(T0 + 60 * MIN), questionsPerAttempt: 2, timeLimitSeconds: 600, attemptsAllowed: 4, graceSeconds: 5 },
      { number: 2, opensAt: new Date(T0 - 60 * MIN), closesAt: new Date(T0 + 60 * MIN), questionsPerAttempt: 2, timeLimitSeconds: 600, attemptsAllowed: 4, graceSeconds: 5 },
    ],
    questions: sampleQuestions(9),
  });
});

async function answerAtRandom(attemptToken: string, now: Date) {
  const id = Number(attemptToken.split('.')[1]);
  const [row] = (await db.execute<{ questions: AttemptQuestion[] }>(sql`select questions from contest_attempts where id = ${id}`)).rows;
  for (const [position, q] of row!.questions.entries()) {
    const correct = built.questions.find((b) => b.versionId === q.versionId)!.correct;
    const right = q.optionOrder.flatMap((index, shown) => (correct.includes(index) ? [shown] : []));
    if (randomInt(4) > 0) await saveAnswer(db, { token: attemptToken, position, chosen: randomInt(3) > 0 ? right : [randomInt(4)], contactKey, now });
  }
}

const recomputed = () =>
  db.execute<Record<string, number>>(sql`
    with s as (select a.*, r.contest_id from contest_attempts a join contest_rounds r on r.id = a.round_id where a.submitted_at is not null and not a.practice),
    scoped as (select round_id as scope, s.* from s union all select 0, s.* from s),
    firsts as (select distinct on (contest_id, scope, participant_id) contest_id, scope, unit_id, score from scoped order by contest_id, scope, participant_id, id)
    select g.contest_id as "contestId", g.scope as "roundId", g.unit_id as "unitId", g.attempts::int, g.people::int, g.perfect::int as "perfectScores",
      (select coalesce(sum(f.score), 0)::int from firsts f where f.contest_id = g.contest_id and f.scope = g.scope and f.unit_id = g.unit_id) as "firstAttemptScoreSum"
    from (select contest_id, scope, unit_id, count(*) as attempts, count(distinct participant_id) as people,
            count(distinct participant_id) filter (where score = max_score) as perfect
          from scoped group by contest_id, scope, unit_id) g
    order by 1, 2, 3`);

const kept = () =>
  db.execute<Record<string, number>>(sql`
    select contest_id as "contestId", round_id as "roundId", unit_id as "unitId", attempts::int, people::int, perfect_scores::int as "perfectScores",
      first_attempt_score_sum::int as "firstAttemptScoreSum"
    from contest_unit_tallies order by 1, 2, 3`);

describe('unit tallies', () => {
  it('equal a recomputation from the attempts after concurrent, repeated and out-of-order submissions and the closing’s finalisation', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 14; i++) {
      const registered = await registerParticipant(db, { code: 'DEM', input: registration(units[i % 3]!.id) as never, contactKey });
      tokens.push(registered.participantToken);
    }
    // Expired attempts (started long ago) and current ones, 1–4 per person and round.
    const attempts: string[] = [];
    for (const token of tokens) {
      for (const round of [1, 2]) {
        for (let k = randomInt(5); k > 0; k--) {
          const old = randomInt(3) === 0;
          const now = new Date(T0 - (old ? 50 : 1) * MIN);
          const { attemptToken } = await startAttempt(db, { code: 'DEM', roundNumber: round, participantToken: token, contactKey, now });
          await answerAtRandom(attemptToken, now);
          attempts.push(attemptToken);
        }
      }
    }
    // Submit most of them, in random order, all at once, some twice; leave some for the close.
    const submitted = attempts.filter(() => randomInt(4) > 0);
    const order = [...submitted, ...submitted.filter(() => randomInt(3) === 0)].sort(() => randomInt(3) - 1);
    await Promise.all(order.map((token) => submitAttempt(db, { token, contactKey, now: new Date(T0) })));
    const finalised = await inTransaction(db, (tx) => finaliseExpiredAttempts(tx, built.rounds[0]!.id, new Date(T0)));
    await inTransaction(db, (tx) => finaliseExpiredAttempts(tx, built.rounds[1]!.id, new Date(T0)));
    expect(await inTransaction(db, (tx) => finaliseExpiredAttempts(tx, built.rounds[0]!.id, new Date(T0)))).toBe(0);
    expect(finalised).toBeGreaterThanOrEqual(0);
    const expected = (await recomputed()).rows;
    expect(expected.length).toBeGreaterThan(3);
    expect((await kept()).rows).toEqual(expected);
    // Attempts started recently and never submitted are not finalised before their deadline.
    const open = (await db.execute<{ n: number }>(sql`select count(*)::int as n from contest_attempts where submitted_at is null and deadline_at > ${new Date(T0)}::timestamptz`)).rows[0]!.n;
    const unsubmittedRecent = attempts.filter((t) => !submitted.includes(t)).length;
    expect(open).toBeLessThanOrEqual(unsubmittedRecent);
  });
});
