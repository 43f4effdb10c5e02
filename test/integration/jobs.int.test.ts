import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPool, type Db } from '../../src/platform/db/database.js';
import { defineEventHandler, defineJob, emitEvent, startJobRunner, type JobRunner, type RunnerOptions } from '../../src/platform/jobs/index.js';
import { createTestDatabase } from '../support/db.js';
import { waitUntil } from '../support/wait.js';

/** Jobs and events in PostgreSQL: two runners stand for two app servers on one database. */
const database = await createTestDatabase();
const { db } = database;
// The second "app server" has its own pool, as another process would.
const other = openPool(database.url, 5);
const runners: JobRunner[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  await other.close();
});

async function start(on: Db, options: RunnerOptions): Promise<JobRunner> {
  const runner = await startJobRunner(on, { pollMs: 20, retryDelayMs: 20, onError: () => undefined, ...options });
  runners.push(runner);
  return runner;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runsOf(name: string) {
  const result = await db.execute<{ attempt: number; outcome: string | null; error: string | null; runner: string }>(
    sql`select attempt, outcome, error, runner from job_runs where name = ${name} order by id`,
  );
  return result.rows;
}

describe('scheduled jobs', () => {
  it('runs a schedule slot once when two app servers look for it at the same time', async () => {
    const calls: number[] = [];
    const slow = defineJob({
      name: 'test.hourly',
      everyMs: 3_600_000,
      run: async () => {
        calls.push(Date.now());
        await sleep(100);
      },
    });
    const [a, b] = await Promise.all([start(db, { jobs: [slow], concurrency: 4 }), start(other.db, { jobs: [slow], concurrency: 4 })]);
    await waitUntil(async () => (await runsOf('test.hourly')).some((r) => r.outcome === 'succeeded'));
    await sleep(300); // both runners polled ~15 more times meanwhile
    expect(calls).toHaveLength(1);
    const runs = await runsOf('test.hourly');
    expect(runs).toEqual([expect.objectContaining({ attempt: 1, outcome: 'succeeded', error: null })]);
    expect([a.runnerId, b.runnerId]).toContain(runs[0]!.runner);
    const schedule = await db.execute<{ ahead: boolean }>(sql`select next_run_at > now() + interval '59 minutes' as ahead from job_schedules where name = 'test.hourly'`);
    expect(schedule.rows[0]?.ahead).toBe(true);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('queues every slot of a short schedule exactly once across the runners', async () => {
    let calls = 0;
    const frequent = defineJob({ name: 'test.frequent', everyMs: 100, run: async () => void calls++ });
    const [a, b] = await Promise.all([start(db, { jobs: [frequent] }), start(other.db, { jobs: [frequent] })]);
    await sleep(1_000);
    await Promise.all([a.stop(), b.stop()]);
    const slots = await db.execute<{ jobs: number; slots: number; runs: number; most: number }>(sql`
      select count(*)::int as jobs, count(distinct slot)::int as slots,
             (select count(*)::int from job_runs where name = 'test.frequent') as runs,
             (select coalesce(max(n), 0)::int from (select count(*) as n from job_runs where name = 'test.frequent' group by job_id) r) as most
      from jobs where name = 'test.frequent'`);
    const { jobs, slots: distinct, runs, most } = slots.rows[0]!;
    expect(jobs).toBe(distinct);
    expect(most).toBe(1);
    // A slot queued just before the runners stopped may not have run yet; none ran twice.
    expect(runs).toBeLessThanOrEqual(jobs);
    expect(jobs - runs).toBeLessThanOrEqual(2);
    expect(calls).toBe(runs);
    // About ten slots in one second; never two runs for one.
    expect(calls).toBeGreaterThanOrEqual(4);
    expect(calls).toBeLessThanOrEqual(11);
  });

  it('retries a failing job with a delay and logs each failure with its error', async () => {
    let attempts = 0;
    const flaky = defineJob({
      name: 'test.flaky',
      everyMs: 3_600_000,
      maxAttempts: 3,
      run: async () => {
        attempts++;
        if (attempts < 3) throw new Error(`panne n°${attempts}`);
      },
    });
    const broken = defineJob({ name: 'test.broken', everyMs: 3_600_000, maxAttempts: 2, run: async () => Promise.reject(new Error('toujours en panne')) });
    await start(db, { jobs: [flaky, broken] });
    await waitUntil(async () => (await runsOf('test.flaky')).some((r) => r.outcome === 'succeeded') && (await runsOf('test.broken')).length === 2);
    await waitUntil(async () => (await runsOf('test.broken')).every((r) => r.outcome !== null));
    expect(await runsOf('test.flaky')).toEqual([
      expect.objectContaining({ attempt: 1, outcome: 'failed', error: 'Error: panne n°1' }),
      expect.objectContaining({ attempt: 2, outcome: 'failed', error: 'Error: panne n°2' }),
      expect.objectContaining({ attempt: 3, outcome: 'succeeded', error: null }),
    ]);
    expect((await runsOf('test.broken')).map((r) => r.outcome)).toEqual(['failed', 'failed']);
    const states = await db.execute<{ name: string; state: string; attempts: number }>(
      sql`select name, state, attempts from jobs where name in ('test.flaky', 'test.broken') order by name`,
    );
    expect(states.rows).toEqual([
      { name: 'test.broken', state: 'failed', attempts: 2 },
      { name: 'test.flaky', state: 'succeeded', attempts: 3 },
    ]);
    // The second retry waited twice as long as the first (20 ms, then 40 ms).
    const gaps = await db.execute<{ gap_ms: number }>(sql`
      select extract(epoch from started_at - lag(finished_at) over (order by id)) * 1000 as gap_ms from job_runs where name = 'test.flaky' order by id`);
    expect(Number(gaps.rows[1]?.gap_ms)).toBeGreaterThanOrEqual(19);
    expect(Number(gaps.rows[2]?.gap_ms)).toBeGreaterThanOrEqual(39);
  });

  it('takes over a job whose runner stopped renewing its lease, and logs the lost attempt', async () => {
    await db.execute(sql`insert into jobs (name, state, attempts, max_attempts, locked_by, locked_until) values ('test.orphan', 'running', 1, 3, 'dead-server', now() - interval '1 second')`);
    await db.execute(sql`insert into job_runs (job_id, name, attempt, runner) select id, name, 1, 'dead-server' from jobs where name = 'test.orphan'`);
    let ran = 0;
    await start(db, { jobs: [defineJob({ name: 'test.orphan', run: async () => void ran++ })] });
    await waitUntil(async () => (await runsOf('test.orphan')).some((r) => r.outcome === 'succeeded'));
    expect(ran).toBe(1);
    expect((await runsOf('test.orphan')).map((r) => [r.runner === 'dead-server', r.outcome])).toEqual([
      [true, 'abandoned'],
      [false, 'succeeded'],
    ]);
  });
});

describe('domain events (outbox)', () => {
  it('never handles an event whose transaction rolled back, and handles a committed one after commit', async () => {
    const handled: unknown[] = [];
    const handler = defineEventHandler({ event: 'test.happened', name: 'test.on-happened', handle: async (_db, payload) => void handled.push(payload) });
    await expect(
      db.transaction(async (tx) => {
        await emitEvent(tx, 'test.happened', { n: 1 });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    let committed = false;
    // Runners of the earlier tests (which know no handler) still dispatch: they route the event to this one.
    await start(db, { jobs: [], handlers: [handler] });
    await db.transaction(async (tx) => {
      await emitEvent(tx, 'test.happened', { n: 2 });
      await sleep(200); // the runner polls meanwhile: an uncommitted event is invisible to it
      expect(handled).toEqual([]);
      committed = true;
    });
    expect(committed).toBe(true);
    await waitUntil(() => handled.length > 0);
    await sleep(100);
    expect(handled).toEqual([{ n: 2 }]);
  });

  it('handles each committed event once even with two dispatchers, retrying a failed handler', async () => {
    const handled = new Map<number, number>();
    let triesOf7 = 0;
    const handler = defineEventHandler({
      event: 'test.counted',
      name: 'test.on-counted',
      retryDelayMs: 10,
      handle: async (_db, payload) => {
        const n = (payload as { n: number }).n;
        if (n === 7 && ++triesOf7 === 1) throw new Error('first try fails');
        handled.set(n, (handled.get(n) ?? 0) + 1);
      },
    });
    await Promise.all([start(db, { jobs: [], handlers: [handler], concurrency: 3 }), start(other.db, { jobs: [], handlers: [handler], concurrency: 3 })]);
    for (let n = 0; n < 30; n++) await db.transaction((tx) => emitEvent(tx, 'test.counted', { n }));
    await waitUntil(() => handled.size === 30);
    await sleep(200);
    expect([...handled.values()].every((times) => times === 1)).toBe(true);
    expect(triesOf7).toBe(2);
    const pending = await db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where dispatched_at is null`);
    expect(pending.rows[0]?.n).toBe(0);
    expect((await runsOf('test.on-counted')).filter((r) => r.outcome === 'failed')).toEqual([expect.objectContaining({ error: 'Error: first try fails' })]);
  });
});
