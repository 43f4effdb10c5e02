import type { Db } from '../db/database.js';

export interface JobContext {
  db: Db;
  /** What the job was queued with (an event handler receives the event's payload). */
  payload: unknown;
  jobId: number;
  /** 1 for the first attempt. */
  attempt: number;
}

/** A named piece of background work, run by the job runner (src/platform/jobs/runner.ts). */
export interface JobDefinition {
  name: string;
  run(context: JobContext): Promise<unknown>;
  /** Queued once every `everyMs` across all runners on the database; otherwise only on demand. */
  everyMs?: number;
  /** Attempts before the job stays failed (default 3). */
  maxAttempts?: number;
  /** Delay before the first retry, doubling at each further one (default 1 s). */
  retryDelayMs?: number;
}

/** A reaction to a domain event: run as its own job (retried and logged) after the event committed. */
export interface EventHandlerDefinition {
  event: string;
  job: JobDefinition;
}

export function defineJob(definition: JobDefinition): JobDefinition {
  return definition;
}

/**
 * `name` is the handler's job name (unique, e.g. `consultation.refold-moved-units`); `handle`
 * receives the event's payload as written by `emitEvent`, to be validated by the handler. Handlers
 * run at least once per event: they must be idempotent.
 */
export function defineEventHandler(definition: {
  event: string;
  name: string;
  handle: (db: Db, payload: unknown) => Promise<unknown>;
  maxAttempts?: number;
  retryDelayMs?: number;
}): EventHandlerDefinition {
  const { event, name, handle, maxAttempts = 5, retryDelayMs } = definition;
  return { event, job: { name, maxAttempts, retryDelayMs, run: ({ db, payload }) => handle(db, payload) } };
}
