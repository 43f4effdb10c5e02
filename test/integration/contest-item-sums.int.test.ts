import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { itemSumsHandler } from '../../src/modules/contests/statistics/item-sums-job.js';
import { roundItemStatistics } from '../../src/modules/contests/statistics/round-statistics.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';
import { buildAttempts, buildContest, buildParticipant, buildQuestion, hoursAfter, type AttemptInput } from '../support/contest-stats-fixture.js';

/**
 * A closed round's item statistics are added up once, after the close, by the
 * `contests.item-statistics` job (a national round's million attempts take tens of seconds), and the
 * organisers' page reads what was stored; an open round's are computed live.
 */
const { db } = await createTestDatabase();
const opens = new Date('2026-11-02T01:00:00Z');

describe('item statistics of a closed round', () => {
  it('are computed live while the round is open, stored once after the close, then read from storage', async () => {
    const organiser = await buildUnit(db);
    const { contest, rounds } = await buildContest(db, { organiserUnitId: organiser.id, rounds: [{ number: 1, opensAt: opens, closesAt: hoursAfter(opens, 24), graceSeconds: 5 }] });
    const roundId = rounds[0]!.id;
    const q1 = await buildQuestion(db, { contestId: contest.id, text: 'Câu 1', options: ['A', 'B', 'C'], correct: [1] });
    const q2 = await buildQuestion(db, { contestId: contest.id, text: 'Câu 2', options: ['Đúng', 'Sai'], correct: [0] });
    const attempts: AttemptInput[] = [];
    for (let p = 0; p < 6; p++) {
      const participantId = await buildParticipant(db, { contestId: contest.id, unitId: (await buildUnit(db)).id });
      const startedAt = hoursAfter(opens, 1 + p);
      const right = p % 3 !== 0;
      const answers = {
        '0': { chosen: [right ? 1 : 0], savedAt: hoursAfter(startedAt, 0.05).toISOString() },
        '1': { chosen: [p % 2], savedAt: hoursAfter(startedAt, 0.05).toISOString() },
      };
      const score = (right ? 1 : 0) + (p % 2 === 0 ? 1 : 0);
      attempts.push({ roundId, participantId, unitId: 0, number: 1, maxScore: 2, score, startedAt, questions: [{ versionId: q1.versionId, optionOrder: [0, 1, 2] }, { versionId: q2.versionId, optionOrder: [0, 1] }], answers });
    }
    await buildAttempts(db, attempts);
    const stored = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from contest_round_item_sums where round_id = ${roundId}`)).rows[0]!.n;
    const statistics = () => roundItemStatistics(db, { actor: cliActor(), contestId: contest.id, round: 1 });

    const open = await statistics();
    expect(open.computedAt).toBeNull();
    expect(open.test.people).toBe(6);
    expect(await stored()).toBe(0);
    // Nothing to do before the close.
    expect(await itemSumsHandler.job.run({ db, payload: { roundId } } as never)).toBeNull();
    expect(await stored()).toBe(0);

    await db.execute(sql`update contest_rounds set closed_at = ${hoursAfter(opens, 24)} where id = ${roundId}`);
    const computedAt = await itemSumsHandler.job.run({ db, payload: { roundId } } as never);
    expect(computedAt).toBeInstanceOf(Date);
    expect(await stored()).toBe(1);
    // A second delivery of the event changes nothing.
    expect(await itemSumsHandler.job.run({ db, payload: { roundId } } as never)).toBeNull();

    const closed = await statistics();
    expect(closed.computedAt).toBe((computedAt as Date).toISOString());
    expect({ ...closed, computedAt: null }).toEqual(open);
    // The page reads the stored sums: the attempts are not added up again.
    await db.execute(sql`update contest_attempts set answers = '{}'::jsonb where round_id = ${roundId}`);
    expect(await statistics()).toEqual(closed);
  });
});
