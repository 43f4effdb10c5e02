import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { parseInWorker } from './parse-in-worker.js';

const fixture = new URL('./parse-in-worker.fixture.js', import.meta.url);
const task = (exportName: string, args: unknown[] = []) => ({ module: fixture, exportName, args });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('parseInWorker', () => {
  it('runs a TypeScript task in a worker and hands Buffers over as Buffers', async () => {
    const result = await parseInWorker(task('describeArgs', [Buffer.from([1, 2, 3]), 'hoà']));
    expect(result).toEqual({ isBuffer: true, bytes: [1, 2, 3], text: 'hoà' });
  });

  it('rethrows an AppError of the task as the same AppError', async () => {
    const err = await refusal(parseInWorker(task('refuse')));
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Tệp thử bị từ chối.', details: { line: 3 } });
  });

  it('turns any other failure of the task into a Vietnamese VALIDATION_FAILED', async () => {
    const err = await refusal(parseInWorker(task('crash')));
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'PARSE_FAILED' } });
    expect(err.message).toContain('Không đọc được tệp');
  });

  it('fails loudly (not as a broken file) when the task cannot be loaded', async () => {
    const err = await parseInWorker({ module: fixture, exportName: 'noSuchTask', args: [] }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(AppError);
    expect(String(err)).toContain('could not load its task');
  });

  it('stops a parse that runs past the time limit', async () => {
    const started = Date.now();
    const err = await refusal(parseInWorker(task('spin'), { timeoutMs: 1_000 }));
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'PARSE_TIME_LIMIT' } });
    expect(err.message).toContain('quá 1 giây');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('stops a parse that fills the worker’s heap', async () => {
    const err = await refusal(parseInWorker(task('growHeap'), { heapMb: 48 }));
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'PARSE_MEMORY_LIMIT' } });
    expect(err.message).toContain('vượt giới hạn bộ nhớ');
  });

  it('stops a parse that fills memory outside the heap, which the heap limit does not see', async () => {
    const before = process.memoryUsage.rss();
    const err = await refusal(parseInWorker(task('growOutsideHeap'), { memoryGrowthMb: 160, timeoutMs: 15_000 }));
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'PARSE_MEMORY_LIMIT' } });
    expect(process.memoryUsage.rss() - before).toBeLessThan(400 * 1024 * 1024);
  });

  it('runs parses one at a time and refuses new ones once the waiting line is full', async () => {
    const first = parseInWorker(task('spin'), { timeoutMs: 600 }).catch((e: unknown) => e);
    const queued = Array.from({ length: 16 }, () => parseInWorker(task('spin'), { timeoutMs: 30 }).catch((e: unknown) => e));
    const err = await refusal(parseInWorker(task('describeArgs', [Buffer.alloc(0), ''])));
    expect(err).toMatchObject({ code: 'RATE_LIMITED', details: { reason: 'PARSE_QUEUE_FULL' } });
    expect(await first).toMatchObject({ details: { reason: 'PARSE_TIME_LIMIT' } });
    for (const e of await Promise.all(queued)) expect(e).toMatchObject({ details: { reason: 'PARSE_TIME_LIMIT' } });
    expect(await parseInWorker(task('describeArgs', [Buffer.from([9]), 'sau']))).toMatchObject({ bytes: [9] });
  });
});
