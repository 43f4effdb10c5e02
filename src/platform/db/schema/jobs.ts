import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The job queue (src/platform/jobs): one row per piece of background work, claimed by one runner
 * at a time (`for update skip locked`) under a lease; a failed attempt goes back to `queued` with a
 * later `run_after` until `max_attempts`, then stays `failed`.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull().default({}),
    state: text('state').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(1),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    /** The schedule slot this job was queued for (scheduled jobs only). */
    slot: timestamp('slot', { withTimezone: true }),
    /** While running: the runner holds the job until then; past it, another runner may take it over. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAfter).where(sql`state in ('queued', 'running')`),
    index('jobs_name_idx').on(t.name, t.createdAt),
    uniqueIndex('jobs_slot_idx').on(t.name, t.slot),
    check('jobs_state_check', sql`${t.state} in ('queued', 'running', 'succeeded', 'failed')`),
  ],
);

/** The log: one row per attempt of a job, with its outcome and error. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    attempt: integer('attempt').notNull(),
    runner: text('runner').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** null while running; 'succeeded', 'failed', or 'abandoned' (the runner's lease ran out). */
    outcome: text('outcome'),
    error: text('error'),
  },
  (t) => [index('job_runs_job_idx').on(t.jobId), index('job_runs_started_idx').on(t.startedAt)],
);

/** Recurring jobs: the next slot of each, claimed atomically so that one runner queues it. */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  everyMs: integer('every_ms').notNull(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Domain events, written in the transaction of the change that raised them (`emitEvent`); the
 * dispatcher turns each into one job per registered handler after commit.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`dispatched_at is null`)],
);

/**
 * Which handler jobs an event gets, registered by every runner at start: any runner dispatches an
 * event to all handlers known on the database, even those it does not run itself (a rolling
 * deploy), and only runners that know a handler's job claim it.
 */
export const eventRoutes = pgTable(
  'event_routes',
  {
    event: text('event').notNull(),
    job: text('job').notNull(),
    maxAttempts: integer('max_attempts').notNull(),
  },
  (t) => [primaryKey({ columns: [t.event, t.job] })],
);
