/** Tasks for parse-in-worker.test.ts: each behaves like a well-formed, broken or hostile parse. */
import { AppError } from '../errors.js';

export function describeArgs(data: Buffer, text: string) {
  return { isBuffer: Buffer.isBuffer(data), bytes: [...data], text };
}

export async function refuse(): Promise<never> {
  throw new AppError('VALIDATION_FAILED', 'Tệp thử bị từ chối.', { line: 3 });
}

export function crash(): never {
  throw new RangeError('Maximum call stack size exceeded');
}

export function spin(): never {
  for (;;) {
    // a parse that never ends
  }
}

/** Fills the V8 heap with live objects. */
export function growHeap(): never {
  const kept: { n: number; s: string }[] = [];
  for (;;) kept.push({ n: kept.length, s: `${kept.length}`.padStart(64, 'x') });
}

/** Fills memory outside the V8 heap (as an inflated stream does), 8 MB at a time. */
export function growOutsideHeap(): never {
  const kept: Buffer[] = [];
  for (;;) {
    kept.push(Buffer.alloc(8 * 1024 * 1024, 1));
    const until = Date.now() + 5;
    while (Date.now() < until) {
      // about 1.6 GB/s at most, like a fast inflate
    }
  }
}
