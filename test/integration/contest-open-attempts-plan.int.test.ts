import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptIdOf } from '../../src/modules/contests/attempts/resume.js';
import { updateAnswerStatement } from '../../src/modules/contests/attempts/repository.js';
import type { Db } from '../../src/platform/db/database.js';
import type { App } from '../../src/server/app.js';
import { buildContest, sampleQuestions } from '../support/contest-fixture.js';
import { buildTakeApp, CONTACT_KEY, registration } from '../support/contest-take.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';

/**
 * At a round's peak, PostgreSQL's statistics were read when almost no attempt was open (the round
 * before had closed; its attempts were all submitted), so it believes `submitted_at is null` matches
 * nothing. A save or a submission (`id = … and submitted_at is null`) must still find its attempt
 * by its id — with the index of open attempts keyed by round, the planner walked every open attempt
 * of the round for each save (151 ms a save with 20,000 open, the bench's peak at 227/s). A
 * submission's statements (contest_finish_attempt, migration 0029) select the attempt by id alone.
 */
const { db } = await createTestDatabase();
let app: App;
const DAY = 86_400_000;
const EARLIER = 3_000;
const OPEN = 600;
let attemptId: number;
let attemptToken: string;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Rows Removed by Filter'?: number;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

function nodesOn(node: PlanNode, relation: string): PlanNode[] {
  const own = node['Relation Name'] === relation && node['Node Type'] !== 'ModifyTable' ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => nodesOn(child, relation))];
}

class RolledBack extends Error {}

/** EXPLAIN ANALYZE of a statement built inside a transaction that is rolled back (the statement writes). */
async function explainRolledBack(build: (tx: Db) => Promise<SQL>): Promise<PlanNode> {
  let plan: PlanNode | null = null;
  await db
    .transaction(async (tx) => {
      const statement = await build(tx as unknown as Db);
      const result = await tx.execute<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(sql`explain (analyze, format json) ${statement}`);
      plan = result.rows[0]!['QUERY PLAN'][0].Plan;
      throw new RolledBack();
    })
    .catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
  if (!plan) throw new Error('no plan');
  return plan;
}

beforeAll(async () => {
  const unit = await buildUnit(db, { name: 'Đảng ủy phường Quyết Thắng', kind: 'party_committee' });
  const now = Date.now();
  const { contest, rounds } = await buildContest(db, {
    code: 'PLAN',
    organiserUnitId: unit.id,
    rounds: [
      { number: 1, opensAt: new Date(now - 8 * DAY), closesAt: new Date(now - DAY), closedAt: new Date(now - DAY), attemptsAllowed: 1 },
      { number: 2, opensAt: new Date(now - DAY), closesAt: new Date(now + DAY), attemptsAllowed: 1 },
    ],
    questions: sampleQuestions(12),
  });
  const [round1, round2] = rounds;
  // Round 1: EARLIER people, one submitted attempt each; the statistics are taken then.
  await db.execute(sql`
    insert into contest_participants (contest_id, display_name, unit_id, participant_group, phone_key, phone_masked, consent_at, created_at)
    select ${contest.id}, 'Người dự thi ' || g, ${unit.id}, 'dang-vien', 'plan:' || g, '0912***' || lpad(g::text, 3, '0'), now(), now()
    from generate_series(1, ${EARLIER + OPEN}) g`);
  await db.execute(sql`
    insert into contest_attempts (round_id, participant_id, unit_id, number, questions, started_at, deadline_at, submitted_at, score, max_score, duration_ms)
    select ${round1!.id}, p.id, p.unit_id, 1, '[]'::jsonb, now() - interval '2 days', now() - interval '2 days' + interval '10 minutes',
      now() - interval '2 days' + interval '5 minutes', 3, 5, 300000
    from contest_participants p where p.contest_id = ${contest.id} and p.phone_key like 'plan:%'`);
  await db.execute(sql`vacuum analyze contest_attempts`);
  // Round 2 opens: one person through the API, then OPEN more attempts in progress with the same form.
  app = await buildTakeApp(db);
  const registered = await app.inject({ method: 'POST', url: '/api/v1/public/contests/PLAN/participants', payload: registration(unit.id) });
  const started = await app.inject({ method: 'POST', url: '/api/v1/public/contests/PLAN/rounds/2/attempts', headers: { 'x-participant-token': registered.json().participantToken } });
  expect(started.statusCode).toBe(201);
  attemptToken = started.json().attemptToken as string;
  attemptId = attemptIdOf(CONTACT_KEY, attemptToken);
  await db.execute(sql`
    insert into contest_attempts (round_id, participant_id, unit_id, number, questions, started_at, deadline_at, max_score)
    select ${round2!.id}, p.id, p.unit_id, 1, a.questions, now(), now() + interval '10 minutes', a.max_score
    from contest_participants p, contest_attempts a
    where p.contest_id = ${contest.id} and p.phone_key like 'plan:%' and a.id = ${attemptId}
    limit ${OPEN}`);
});
afterAll(async () => app.close());

describe('saves and submissions at the peak, with statistics taken before it', () => {
  it('the setting: the planner believes almost no attempt is open while hundreds are', async () => {
    const estimate = await db.execute<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(sql`explain (format json) select 1 from contest_attempts where submitted_at is null`);
    const open = await db.execute<{ n: number }>(sql`select count(*)::int as n from contest_attempts where submitted_at is null`);
    expect(open.rows[0]!.n).toBe(OPEN + 1);
    expect(estimate.rows[0]!['QUERY PLAN'][0].Plan['Plan Rows']).toBeLessThan(OPEN / 10);
  });

  it('an answer save reads its one attempt by id, not every open attempt', async () => {
    const plan = await explainRolledBack(async () => updateAnswerStatement({ attemptId, position: 0, chosen: [1], now: new Date() }));
    const scans = nodesOn(plan, 'contest_attempts');
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) {
      expect(scan['Index Cond'] ?? '', JSON.stringify(scan)).toMatch(/\bid = /);
      expect(scan['Rows Removed by Filter'] ?? 0).toBe(0);
      expect(scan['Actual Rows']).toBe(1);
    }
  });

  it('a submission then finishes the attempt and counts it once', async () => {
    const submitted = await app.inject({ method: 'POST', url: `/api/v1/public/attempts/${attemptToken}/submit`, payload: { prediction: 12 } });
    expect(submitted.statusCode).toBe(200);
    const row = (await db.execute<{ submitted: boolean; prediction: number }>(sql`select submitted_at is not null as submitted, prediction from contest_attempts where id = ${attemptId}`)).rows[0]!;
    expect(row).toEqual({ submitted: true, prediction: 12 });
    const tallies = (await db.execute<{ attempts: number }>(sql`select sum(attempts)::int as attempts from contest_unit_tallies t join contest_rounds r on r.id = t.round_id where r.number = 2`)).rows[0]!;
    expect(tallies.attempts).toBe(1);
  });
});
