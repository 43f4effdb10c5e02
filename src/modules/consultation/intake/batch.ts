import type { Queryable } from '../../../platform/db/database.js';
import { writeSubmissions, type SubmissionWrite, type WriteOutcome, type WriteShape } from './repository-write.js';

/**
 * Group commit for the public form. Submissions arriving while earlier ones are being written wait
 * and then go together, in one statement and one commit (`writeSubmissions`); each request is
 * answered only after the commit that holds its submission. Alone (a quiet hour) a submission is
 * written at once, so batching adds no wait; under a flash crowd the per-statement and per-commit
 * costs are shared by up to MAX_BATCH submissions.
 *
 * At most MAX_IN_FLIGHT statements run at a time per database (and process): one executes while
 * the other waits for its commit to reach the disk; more only make a crowd's submissions compete
 * for the same CPU and index pages in smaller batches (measured on 2 cores: 2 in flight wrote about
 * twice as many submissions per second as 4 or 8; BENCHMARKS.md). A crowd on the public form thus
 * holds at most two connections of the pool, and the staff's work keeps the others.
 * If a statement fails, each of its submissions is written again on its own, so that one bad
 * submission never costs the others theirs.
 */

export const MAX_BATCH = 64;
export const MAX_IN_FLIGHT = 2;

interface Pending {
  row: SubmissionWrite;
  key: string;
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: unknown) => void;
}

class Batcher {
  private readonly queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly db: Queryable,
    private readonly shape: WriteShape,
  ) {}

  write(row: SubmissionWrite): Promise<WriteOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, key: `${row.consultationId}\u0000${row.externalId}`, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** Up to MAX_BATCH queued submissions in arrival order; a key already taken (a double click) waits for the next statement. */
  private take(): Pending[] {
    const batch: Pending[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < this.queue.length && batch.length < MAX_BATCH; ) {
      const pending = this.queue[i] as Pending;
      if (keys.has(pending.key)) {
        i++;
        continue;
      }
      keys.add(pending.key);
      batch.push(pending);
      this.queue.splice(i, 1);
    }
    return batch;
  }

  private async run(batch: Pending[]): Promise<void> {
    try {
      const outcomes = await writeSubmissions(
        this.db,
        batch.map((p) => p.row),
        this.shape,
      );
      batch.forEach((p, i) => p.resolve(outcomes[i] as WriteOutcome));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One at a time, in this statement's slot: the crowd still holds at most MAX_IN_FLIGHT connections.
      for (const p of batch) {
        try {
          const [outcome] = await writeSubmissions(this.db, [p.row], this.shape);
          p.resolve(outcome as WriteOutcome);
        } catch (alone) {
          p.reject(alone);
        }
      }
    }
  }
}

const batchers = new WeakMap<object, Map<string, Batcher>>();

/** Writes one submission with the others arriving at the same time (see the top of this file). */
export function writeInBatch(db: Queryable, row: SubmissionWrite, shape: WriteShape): Promise<WriteOutcome> {
  let byShape = batchers.get(db);
  if (!byShape) batchers.set(db, (byShape = new Map()));
  const key = `${+shape.byCode}${+shape.guard}`;
  let batcher = byShape.get(key);
  if (!batcher) byShape.set(key, (batcher = new Batcher(db, shape)));
  return batcher.write(row);
}
