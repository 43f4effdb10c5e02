import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';
import type { EventHandlerDefinition, JobDefinition } from './define.js';
import { claimJobs, dispatchEvents, enqueueJob, extendLeases, finishJob, queueDueSlots, upsertEventRoutes, upsertSchedules, type ClaimedJob } from './repository.js';

export interface RunnerOptions {
  jobs: readonly JobDefinition[];
  handlers?: readonly EventHandlerDefinition[];
  /** Time between two looks at the schedules, the outbox and the queue (default 500 ms). */
  pollMs?: number;
  /** Jobs run at once by this runner (default 2). */
  concurrency?: number;
  /** A running job is taken over by another runner when not renewed for this long (default 60 s). */
  leaseMs?: number;
  /** Overrides every job's first retry delay (tests). */
  retryDelayMs?: number;
  /** Names this runner in the log (default host:pid:random). */
  runnerId?: string;
  onError?: (error: unknown, job?: { name: string; attempt: number }) => void;
}

export interface JobRunner {
  readonly runnerId: string;
  /** Stops looking for work and waits for the jobs in progress. */
  stop(): Promise<void>;
}

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_RETRY_MS = 1_000;

/** All jobs the runner knows: the plain ones and one per event handler. */
function catalogue(options: RunnerOptions): Map<string, JobDefinition> {
  const all = [...options.jobs, ...(options.handlers ?? []).map((h) => h.job)];
  const byName = new Map<string, JobDefinition>();
  for (const job of all) {
    if (byName.has(job.name)) throw new TypeError(`Two jobs are named ${job.name}`);
    byName.set(job.name, job);
  }
  return byName;
}

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}${(error as { code?: string }).code ? ` (${(error as { code?: string }).code})` : ''}` : String(error);

/** Runs one claimed job and records its outcome. */
async function execute(db: Db, definition: JobDefinition, job: ClaimedJob, options: { runner: string; retryDelayMs?: number; onError?: RunnerOptions['onError'] }) {
  let error: string | null = null;
  try {
    await definition.run({ db, payload: job.payload, jobId: job.id, attempt: job.attempt });
  } catch (e) {
    error = describeError(e);
    options.onError?.(e, { name: job.name, attempt: job.attempt });
  }
  const retryDelayMs = options.retryDelayMs ?? definition.retryDelayMs ?? DEFAULT_RETRY_MS;
  await finishJob(db, { job, runner: options.runner, error, retryDelayMs });
}

/**
 * Starts a runner on `db` (`lantoa start` starts one per app server): every `pollMs` it queues the
 * due schedule slots, dispatches committed events to their handlers' jobs, and claims due jobs up
 * to `concurrency`. Several runners on one database share the work; none runs a slot, an event or
 * a job twice (claims are `for update skip locked`; running jobs hold a renewed lease).
 */
export async function startJobRunner(db: Db, options: RunnerOptions): Promise<JobRunner> {
  const jobs = catalogue(options);
  const names = [...jobs.keys()];
  const scheduled = [...jobs.values()].filter((j) => j.everyMs !== undefined);
  const routes = (options.handlers ?? []).map((h) => ({ event: h.event, job: h.job.name, maxAttempts: h.job.maxAttempts ?? DEFAULT_ATTEMPTS }));
  const runner = options.runnerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollMs = options.pollMs ?? 500;
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 2;
  await upsertSchedules(db, scheduled.map((j) => ({ name: j.name, everyMs: j.everyMs! })));
  await upsertEventRoutes(db, routes);
  const running = new Map<number, Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let tickDone: Promise<void> = Promise.resolve();
  let lastRenewal = Date.now();

  const tick = async () => {
    await queueDueSlots(db, scheduled.map((j) => ({ name: j.name, maxAttempts: j.maxAttempts ?? DEFAULT_ATTEMPTS })));
    // Events without a handler are marked dispatched too: the outbox only keeps what is pending.
    await dispatchEvents(db);
    if (running.size > 0 && Date.now() - lastRenewal >= leaseMs / 3) {
      await extendLeases(db, { ids: [...running.keys()], runner, leaseMs });
      lastRenewal = Date.now();
    }
    if (stopped) return;
    for (const job of await claimJobs(db, { names, limit: concurrency - running.size, runner, leaseMs })) {
      const work = execute(db, jobs.get(job.name)!, job, { runner, retryDelayMs: options.retryDelayMs, onError: options.onError })
        .catch((e: unknown) => options.onError?.(e))
        .finally(() => running.delete(job.id));
      running.set(job.id, work);
    }
  };
  const loop = () => {
    tickDone = tick()
      .catch((e: unknown) => options.onError?.(e))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, pollMs).unref();
      });
  };
  loop();
  return {
    runnerId: runner,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await tickDone;
      await Promise.allSettled([...running.values()]);
    },
  };
}

/**
 * Runs the job `name` once now, in this process, through the queue (so it is logged like any
 * other run); `lantoa jobs run NAME`. Returns the attempt's outcome.
 */
export async function runJobNow(db: Db, definition: JobDefinition, options: { payload?: unknown; runnerId?: string } = {}): Promise<{ jobId: number; error: string | null }> {
  const runner = options.runnerId ?? `${hostname()}:${process.pid}:cli`;
  const jobId = await enqueueJob(db, { name: definition.name, payload: options.payload, maxAttempts: 1 });
  const [job] = await claimJobs(db, { names: [definition.name], limit: 1, runner, leaseMs: 3_600_000, onlyId: jobId });
  if (!job) return { jobId, error: 'not claimed' };
  let failure: string | null = null;
  await execute(db, definition, job, { runner, onError: (e) => (failure = describeError(e)) });
  return { jobId, error: failure };
}
