/**
 * Runs one parse of an untrusted file in a fresh worker thread, with limits: the worker's V8 heap,
 * the growth of the process's memory while it runs (inflated streams live outside the heap), and
 * wall-clock time. A parse over a limit is terminated and answers a Vietnamese VALIDATION_FAILED;
 * the server's own thread never parses the file and keeps serving.
 *
 * The task is a named export of a module (TypeScript is fine: the worker registers tsx); its
 * arguments and result cross the thread boundary by structured cloning (Buffers arrive as Buffers).
 * An AppError thrown by the task is rethrown here as the same AppError.
 */
import { Worker } from 'node:worker_threads';
import { AppError, appError } from '../errors.js';
import { defaultWorkerLimits, workerQueue, type WorkerLimits } from './limits.js';

export interface WorkerTask {
  /** The module holding the task, e.g. `new URL('./unit-file.js', import.meta.url)`. */
  module: URL;
  exportName: string;
  args: unknown[];
}

type WorkerAnswer =
  | { ok: true; value: unknown }
  | { ok: false; appError: { code: AppError['code']; reason?: AppError['reason']; message: string; details?: unknown } }
  | { ok: false; failure: { name: string; message: string } }
  | { ok: false; setup: { name: string; message: string } };

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
const WATCH_EVERY_MS = 50;

export const parseRefusals = {
  memory: (limits: WorkerLimits) =>
    appError('PARSE_MEMORY_LIMIT', {
      reason: 'PARSE_MEMORY_LIMIT',
      heapMb: limits.heapMb,
      memoryGrowthMb: limits.memoryGrowthMb,
    }),
  time: (limits: WorkerLimits) =>
    appError('PARSE_TIME_LIMIT', {
      reason: 'PARSE_TIME_LIMIT',
      timeoutMs: limits.timeoutMs,
    }, { params: { seconds: Math.round(limits.timeoutMs / 1000) } }),
  broken: () => appError('PARSE_FAILED', { reason: 'PARSE_FAILED' }),
  busy: () => appError('PARSE_QUEUE_FULL', { reason: 'PARSE_QUEUE_FULL' }),
};

// ------------------------------------------------------------------ the queue

let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (running < workerQueue.running) {
    running++;
    return;
  }
  if (waiting.length >= workerQueue.waiting) throw parseRefusals.busy();
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next(); // the slot passes on to the next waiting parse
  else running--;
}

// ------------------------------------------------------------------ one worker

/** The worker could not load the task's module: a fault of the installation (or a transient one). */
class WorkerSetupError extends Error {}

function answerOf(message: WorkerAnswer): { value: unknown } | { error: Error } {
  if (message.ok) return { value: message.value };
  if ('appError' in message) return { error: new AppError(message.appError.code, { reason: message.appError.reason, message: message.appError.message, details: message.appError.details }) };
  // The task could not even be loaded: a fault of the installation (a 500, logged), not of the file.
  if ('setup' in message) return { error: new WorkerSetupError(`parse worker could not load its task: ${message.setup.name}: ${message.setup.message}`) };
  return { error: Object.assign(parseRefusals.broken(), { cause: message.failure }) };
}

function runWorker(task: WorkerTask, limits: WorkerLimits): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, {
      workerData: { module: task.module.href, exportName: task.exportName, args: task.args },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    const baseline = process.memoryUsage.rss();
    let settled = false;
    const finish = (outcome: { value: unknown } | { error: unknown }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      void worker.terminate();
      if ('error' in outcome) reject(outcome.error);
      else resolve(outcome.value);
    };
    const timer = setTimeout(() => finish({ error: parseRefusals.time(limits) }), limits.timeoutMs);
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limits.memoryGrowthMb * 1024 * 1024) finish({ error: parseRefusals.memory(limits) });
    }, WATCH_EVERY_MS);
    worker.on('message', (message: WorkerAnswer) => finish(answerOf(message)));
    worker.on('error', (err: Error & { code?: string }) =>
      finish({ error: err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? parseRefusals.memory(limits) : Object.assign(parseRefusals.broken(), { cause: err }) }),
    );
    worker.on('exit', () => finish({ error: parseRefusals.broken() }));
  });
}

/** Runs `task` in a worker thread within `limits`, one parse at a time (others wait their turn). */
export async function parseInWorker<T>(task: WorkerTask, limits: Partial<WorkerLimits> = {}): Promise<T> {
  await acquire();
  try {
    const all = { ...defaultWorkerLimits, ...limits };
    // A module that fails to load once (e.g. two processes writing tsx's transpile cache at the same
    // moment) gets one more fresh worker; a second failure is the installation's and surfaces as a 500.
    return (await runWorker(task, all).catch((error: unknown) => {
      if (error instanceof WorkerSetupError) return runWorker(task, all);
      throw error;
    })) as T;
  } finally {
    release();
  }
}
