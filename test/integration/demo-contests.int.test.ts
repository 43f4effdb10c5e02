import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { getRoundResults } from '../../src/modules/contests/results/round-results.js';
import { roundItemStatistics } from '../../src/modules/contests/statistics/round-statistics.js';
import { participationByCodes } from '../../src/modules/contests/participation/participation.js';
import { demoBankRows } from '../../src/modules/contests/demo/bank.js';
import { loadDemoWorkspace } from '../../src/server/demo.js';
import { createTestDatabase } from '../support/db.js';

/**
 * Issue 14, item 9: the demo workspace holds the contest DH-TIMHIEU "Tìm hiểu các kỳ Đại hội Đảng"
 * of the Lai Châu provincial propaganda board with the demo bank, round 1 closed last week (winners,
 * official figure, flags reviewed, results confirmed, item statistics), round 2 open with attempts
 * under way, round 3 next week; participation by unit counted exactly from the attempts.
 */
const { db } = await createTestDatabase();
const actor = cliActor();

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute<T & Record<string, unknown>>(query)).rows as T[];
}

// The whole workspace loads once, in the hook (its time limit is the hooks' 120 s).
let loaded = false;
beforeAll(async () => {
  loaded = await loadDemoWorkspace(db);
});

describe('demo workspace: the quiz contest DH-TIMHIEU', () => {
  it('loads the contest, its bank and three rounds: closed last week, open now, next week', async () => {
    expect(loaded).toBe(true);
    const [contest] = await rows<{ title: string; organiser: string; audience: string; questions: number; disputed: number }>(sql`
      select c.title, u.code as organiser, c.audience,
        (select count(*)::int from contest_questions q where q.contest_id = c.id) as questions,
        (select count(*)::int from contest_questions q where q.contest_id = c.id and q.disputed) as disputed
      from contests c join units u on u.id = c.organiser_unit_id where c.code = 'DH-TIMHIEU'`);
    const bank = demoBankRows();
    expect(contest).toEqual({ title: 'Tìm hiểu các kỳ Đại hội Đảng', organiser: 'LCU-BTGDVTU', audience: 'public', questions: bank.length, disputed: bank.filter((r) => r.disputed).length });
    const rounds = await rows<{ number: number; state: string; closed: boolean; confirmed: boolean; per: number; limit: number; allowed: number; grace: number }>(sql`
      select r.number, case when now() < r.opens_at then 'scheduled' when now() < r.closes_at then 'open' else 'closed' end as state,
        r.closed_at is not null as closed, r.results_confirmed_at is not null as confirmed,
        r.questions_per_attempt as per, r.time_limit_seconds as limit, r.attempts_allowed as allowed, r.grace_seconds as grace
      from contest_rounds r join contests c on c.id = r.contest_id where c.code = 'DH-TIMHIEU' order by r.number`);
    const settings = { per: 10, limit: 600, allowed: 7, grace: 5 };
    expect(rounds).toEqual([
      { number: 1, state: 'closed', closed: true, confirmed: true, ...settings },
      { number: 2, state: 'open', closed: false, confirmed: false, ...settings },
      { number: 3, state: 'scheduled', closed: false, confirmed: false, ...settings },
    ]);
  });

  it('round 1 has a few hundred people with several attempts, an exact official figure, reviewed flags and confirmed winners', async () => {
    const results = await getRoundResults(db, { actor, address: { contestCode: 'DH-TIMHIEU', number: 1 }, offset: 0, limit: 40 });
    const [plain] = await rows<{ attempts: number; people: number; perfect: number }>(sql`
      select count(*)::int as attempts, count(distinct a.participant_id)::int as people,
        count(distinct a.participant_id) filter (where a.score = a.max_score)::int as perfect
      from contest_attempts a join contest_rounds r on r.id = a.round_id join contests c on c.id = r.contest_id
      where c.code = 'DH-TIMHIEU' and r.number = 1 and not a.practice and a.submitted_at is not null`);
    expect(plain?.people).toBeGreaterThanOrEqual(200);
    expect(plain?.attempts).toBeGreaterThan(2 * (plain?.people ?? 0));
    expect(plain?.perfect).toBeGreaterThan(5);
    expect(results).toMatchObject({ attempts: plain?.attempts, people: plain?.people, perfectScores: plain?.perfect, officialFigure: plain?.perfect, total: plain?.people });
    expect(results.confirmedAt).not.toBeNull();
    expect(results.winners.filter((w) => w.prize !== null).map((w) => w.prize)).toEqual([
      'Giải Nhất', 'Giải Nhì', 'Giải Nhì', 'Giải Ba', 'Giải Ba', 'Giải Ba', ...Array<string>(10).fill('Giải Khuyến khích'),
    ]);
    expect(results.winners.some((w) => w.excluded)).toBe(true);
    const flags = await rows<{ kind: string; decision: string | null }>(sql`
      select f.kind, f.decision from contest_flags f join contest_rounds r on r.id = f.round_id join contests c on c.id = r.contest_id
      where c.code = 'DH-TIMHIEU' and r.number = 1 order by f.kind, f.id`);
    expect(new Set(flags.map((f) => f.kind))).toEqual(new Set(['fast-perfect', 'identical-answers', 'shared-client']));
    expect(flags.every((f) => f.decision !== null)).toBe(true);
  });

  it('round 1 has item statistics on first attempts and participation by unit with headcounts', async () => {
    const stats = await roundItemStatistics(db, { actor, contestId: await contestId(), round: 1 });
    expect(stats.test.people).toBeGreaterThanOrEqual(200);
    expect(stats.items.length).toBeGreaterThanOrEqual(20);
    const province = await participationByCodes(db, { actor, contestCode: 'DH-TIMHIEU', unitCode: 'LCU-TU', round: 1 });
    expect(province.people).toBeGreaterThan(150);
    expect(province.headcount).toBeGreaterThan(3000);
    expect(province.participationRate).toBeCloseTo(province.people / (province.headcount as number), 6);
    const other = await participationByCodes(db, { actor, contestCode: 'DH-TIMHIEU', unitCode: 'LCA-TU', round: 1 });
    expect(other.people).toBeGreaterThan(0);
    expect(other.headcount).toBeNull();
  });

  it('round 2 is open with attempts submitted and some in progress; the tallies equal a plain count of the attempts', async () => {
    const [r2] = await rows<{ submitted: number; in_progress: number }>(sql`
      select count(*) filter (where a.submitted_at is not null)::int as submitted, count(*) filter (where a.submitted_at is null)::int as in_progress
      from contest_attempts a join contest_rounds r on r.id = a.round_id join contests c on c.id = r.contest_id where c.code = 'DH-TIMHIEU' and r.number = 2`);
    expect(r2?.submitted).toBeGreaterThan(10);
    expect(r2?.in_progress).toBeGreaterThan(0);
    const mismatches = await rows<{ unit_id: number }>(sql`
      with plain as (
        select r.id as round_id, a.unit_id, count(*) as attempts, count(distinct a.participant_id) as people,
          count(distinct a.participant_id) filter (where a.score = a.max_score) as perfect
        from contest_attempts a join contest_rounds r on r.id = a.round_id join contests c on c.id = r.contest_id
        where c.code = 'DH-TIMHIEU' and not a.practice and a.submitted_at is not null group by r.id, a.unit_id
      )
      select coalesce(p.unit_id, t.unit_id) as unit_id from plain p
      full join (select t.* from contest_unit_tallies t join contests c on c.id = t.contest_id where c.code = 'DH-TIMHIEU' and t.round_id <> 0) t
        on t.round_id = p.round_id and t.unit_id = p.unit_id
      where p.attempts is distinct from t.attempts or p.people is distinct from t.people or p.perfect is distinct from t.perfect_scores`);
    expect(mismatches).toEqual([]);
  });
});

async function contestId(): Promise<number> {
  const [row] = await rows<{ id: number }>(sql`select id from contests where code = 'DH-TIMHIEU'`);
  return row?.id as number;
}
