/**
 * SQL of the job queue, its schedules, its log and the outbox (tables in schema/jobs.ts). Every
 * claim is one statement with `for update skip locked`, so runners on several app servers never
 * take the same schedule slot, event or job.
 */
import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../db/database.js';

export interface ClaimedJob {
  id: number;
  name: string;
  payload: unknown;
  attempt: number;
  runId: number;
}

/** Registers the schedules (keeping each one's next slot when it already exists). */
export async function upsertSchedules(db: Queryable, schedules: readonly { name: string; everyMs: number }[]): Promise<void> {
  if (schedules.length === 0) return;
  await db.execute(sql`
    insert into job_schedules (name, every_ms)
    select * from unnest(${pgArray(schedules.map((s) => s.name))}::text[], ${pgArray(schedules.map((s) => s.everyMs))}::int[])
    on conflict (name) do update set every_ms = excluded.every_ms`);
}

/**
 * Takes every due slot of the named schedules and queues one job for it, unless a job of that
 * name is still queued or running (a slow job is not piled up). The slot row is locked and moved
 * to the first slot after now in the same statement: one runner queues each slot.
 */
export async function queueDueSlots(db: Queryable, jobs: readonly { name: string; maxAttempts: number }[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const result = await db.execute(sql`
    with due as (
      select s.name, s.next_run_at as slot, s.every_ms from job_schedules s
      where s.name = any(${pgArray(jobs.map((j) => j.name))}::text[]) and s.next_run_at <= now()
      for update skip locked
    ),
    moved as (
      update job_schedules s
      set next_run_at = d.slot + (floor(extract(epoch from now() - d.slot) * 1000 / d.every_ms) + 1) * d.every_ms * interval '1 millisecond'
      from due d where s.name = d.name
    )
    insert into jobs (name, max_attempts, slot)
    select d.name, j.max_attempts, d.slot
    from due d join unnest(${pgArray(jobs.map((j) => j.name))}::text[], ${pgArray(jobs.map((j) => j.maxAttempts))}::int[]) j(name, max_attempts) on j.name = d.name
    where not exists (select 1 from jobs o where o.name = d.name and o.state in ('queued', 'running'))
    on conflict (name, slot) do nothing`);
  return result.rowCount ?? 0;
}

/** Registers event handlers' jobs (see `event_routes`). */
export async function upsertEventRoutes(db: Queryable, routes: readonly { event: string; job: string; maxAttempts: number }[]): Promise<void> {
  if (routes.length === 0) return;
  await db.execute(sql`
    insert into event_routes (event, job, max_attempts)
    select * from unnest(${pgArray(routes.map((r) => r.event))}::text[], ${pgArray(routes.map((r) => r.job))}::text[], ${pgArray(routes.map((r) => r.maxAttempts))}::int[])
    on conflict (event, job) do update set max_attempts = excluded.max_attempts`);
}

/**
 * Turns undispatched events into one job per handler registered for their name (`event_routes`),
 * and marks them dispatched, in one statement: each event is dispatched once whatever the number
 * of dispatchers.
 */
export async function dispatchEvents(db: Queryable, limit = 500): Promise<number> {
  const result = await db.execute<{ events: number }>(sql`
    with events as (
      select id, name, payload from outbox where dispatched_at is null order by id limit ${limit} for update skip locked
    ),
    marked as (
      update outbox o set dispatched_at = now() from events e where o.id = e.id returning o.id
    ),
    queued as (
      insert into jobs (name, payload, max_attempts)
      select r.job, e.payload, r.max_attempts
      from events e join event_routes r on r.event = e.name
      order by e.id
      returning 1
    )
    select (select count(*)::int from marked) as events, (select count(*) from queued) as jobs`);
  return result.rows[0]?.events ?? 0;
}

/**
 * Claims up to `limit` due jobs of the named kinds (or the one job `onlyId`): queued ones whose
 * time has come, and running ones whose runner's lease ran out (that attempt is logged as
 * abandoned). Each claim opens an attempt in the log.
 */
export async function claimJobs(
  db: Queryable,
  options: { names: readonly string[]; limit: number; runner: string; leaseMs: number; onlyId?: number },
): Promise<ClaimedJob[]> {
  if (options.limit <= 0 || options.names.length === 0) return [];
  const only = options.onlyId === undefined ? sql`true` : sql`id = ${options.onlyId}`;
  const result = await db.execute<{ id: number; name: string; payload: unknown; attempt: number; run_id: number }>(sql`
    with next as (
      select id from jobs
      where name = any(${pgArray(options.names)}::text[]) and ${only}
        and ((state = 'queued' and run_after <= now()) or (state = 'running' and locked_until < now()))
      order by run_after, id limit ${options.limit}
      for update skip locked
    ),
    abandoned as (
      update job_runs r set outcome = 'abandoned', finished_at = now(), error = 'Lease expired before the job finished'
      from next where r.job_id = next.id and r.finished_at is null
    ),
    claimed as (
      update jobs j set state = 'running', attempts = j.attempts + 1, locked_by = ${options.runner},
        locked_until = now() + ${options.leaseMs} * interval '1 millisecond'
      from next where j.id = next.id
      returning j.id, j.name, j.payload, j.attempts
    ),
    runs as (
      insert into job_runs (job_id, name, attempt, runner) select id, name, attempts, ${options.runner} from claimed returning id, job_id
    )
    select c.id, c.name, c.payload, c.attempts as attempt, r.id as run_id from claimed c join runs r on r.job_id = c.id order by c.id`);
  return result.rows.map((r) => ({ id: r.id, name: r.name, payload: r.payload, attempt: r.attempt, runId: r.run_id }));
}

/** Extends the lease of the jobs this runner is running. */
export async function extendLeases(db: Queryable, options: { ids: readonly number[]; runner: string; leaseMs: number }): Promise<void> {
  if (options.ids.length === 0) return;
  await db.execute(sql`
    update jobs set locked_until = now() + ${options.leaseMs} * interval '1 millisecond'
    where id = any(${pgArray(options.ids)}::bigint[]) and locked_by = ${options.runner} and state = 'running'`);
}

/** Closes an attempt: the job succeeds, is queued again after `retryDelayMs` × 2^(attempt−1), or fails for good. */
export async function finishJob(
  db: Queryable,
  options: { job: ClaimedJob; runner: string; error: string | null; retryDelayMs: number },
): Promise<void> {
  const { job, runner, error } = options;
  const outcome = error === null ? 'succeeded' : 'failed';
  await db.execute(sql`
    with run as (
      update job_runs set outcome = ${outcome}, finished_at = now(), error = ${error} where id = ${job.runId}
    )
    update jobs set
      state = case when ${outcome} = 'succeeded' then 'succeeded' when attempts >= max_attempts then 'failed' else 'queued' end,
      run_after = case when ${outcome} = 'failed' then now() + ${options.retryDelayMs} * power(2, attempts - 1) * interval '1 millisecond' else run_after end,
      finished_at = case when ${outcome} = 'succeeded' or attempts >= max_attempts then now() end,
      locked_by = null, locked_until = null
    where id = ${job.id} and locked_by = ${runner} and attempts = ${job.attempt}`);
}

/** Queues one job now (for `lantoa jobs run`); returns its id. */
export async function enqueueJob(db: Queryable, options: { name: string; payload?: unknown; maxAttempts: number }): Promise<number> {
  const result = await db.execute<{ id: number }>(sql`
    insert into jobs (name, payload, max_attempts) values (${options.name}, ${JSON.stringify(options.payload ?? {})}::jsonb, ${options.maxAttempts}) returning id`);
  return result.rows[0]!.id;
}

/** Forgets finished jobs (and their log) and dispatched events past their keeping time. */
export async function pruneJobs(db: Queryable, options: { succeededDays: number; failedDays: number; eventDays: number }): Promise<{ jobs: number; events: number }> {
  const jobs = await db.execute(sql`
    delete from jobs where (state = 'succeeded' and finished_at < now() - ${options.succeededDays} * interval '1 day')
                        or (state = 'failed' and finished_at < now() - ${options.failedDays} * interval '1 day')`);
  const events = await db.execute(sql`delete from outbox where dispatched_at < now() - ${options.eventDays} * interval '1 day'`);
  return { jobs: jobs.rowCount ?? 0, events: events.rowCount ?? 0 };
}

export interface JobRunRow {
  id: number;
  name: string;
  attempt: number;
  runner: string;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: string | null;
  error: string | null;
}

/** The latest attempts, newest first (optionally of one job name). */
export async function selectJobRuns(db: Queryable, options: { name?: string; limit: number }): Promise<JobRunRow[]> {
  const byName = options.name === undefined ? sql`true` : sql`name = ${options.name}`;
  const result = await db.execute<{ id: number; name: string; attempt: number; runner: string; started_at: string; finished_at: string | null; outcome: string | null; error: string | null }>(sql`
    select id, name, attempt, runner, started_at, finished_at, outcome, error from job_runs where ${byName} order by id desc limit ${options.limit}`);
  // Raw statements return timestamps as text.
  return result.rows.map((r) => ({
    ...{ id: r.id, name: r.name, attempt: r.attempt, runner: r.runner, outcome: r.outcome, error: r.error },
    startedAt: new Date(r.started_at),
    finishedAt: r.finished_at === null ? null : new Date(r.finished_at),
  }));
}

export async function selectSchedules(db: Queryable): Promise<{ name: string; everyMs: number; nextRunAt: Date }[]> {
  const result = await db.execute<{ name: string; every_ms: number; next_run_at: string }>(sql`select name, every_ms, next_run_at from job_schedules order by name`);
  return result.rows.map((r) => ({ name: r.name, everyMs: r.every_ms, nextRunAt: new Date(r.next_run_at) }));
}
