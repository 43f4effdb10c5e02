import type { Db } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireSystemAdmin } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { foldQueueBatch, isStatementTimeout, queueLength, requeueConsultation } from './repository.js';
import { loadConsultation } from '../repository.js';

/** Submissions folded per transaction: large enough to amortise, small enough to keep locks short. */
const BATCH = 20_000;
/** The longest a fold statement may run; a batch that takes longer is rolled back and retried in halves. */
const STATEMENT_TIMEOUT_MS = 30_000;
/** Below this, a batch that still times out is an error (reported by the caller), not retried. */
const MIN_BATCH = 250;

export interface FoldOptions {
  batchSize?: number;
  statementTimeoutMs?: number;
  minBatchSize?: number;
}

/**
 * Folds the queued submissions into the weekly figures, batch by batch, until the queue is empty
 * or another process holds the fold lock. Reports are exact whether or not this has run (they add
 * the queue themselves); folding keeps them fast.
 *
 * Every fold statement is bounded in time: one that runs past `statementTimeoutMs` (a plan gone
 * wrong, a lock) is cancelled, its transaction rolls back — nothing is lost, the batch stays
 * queued — and the batch is retried at half the size, down to `minBatchSize`; the size doubles back
 * after each batch that succeeds.
 */
export async function foldFigures(db: Db, options: FoldOptions = {}): Promise<{ submissions: number }> {
  const fullSize = options.batchSize ?? BATCH;
  const minSize = Math.min(options.minBatchSize ?? MIN_BATCH, fullSize);
  const statementTimeoutMs = options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  let batchSize = fullSize;
  let total = 0;
  for (;;) {
    let batch;
    try {
      batch = await inTransaction(db, (tx) => foldQueueBatch(tx, batchSize, { statementTimeoutMs }));
    } catch (error) {
      if (!isStatementTimeout(error) || batchSize <= minSize) throw error;
      batchSize = Math.max(minSize, Math.floor(batchSize / 2));
      continue;
    }
    total += batch.submissions;
    if (!batch.locked || batch.submissions < batchSize) return { submissions: total };
    batchSize = Math.min(fullSize, batchSize * 2);
  }
}

/**
 * Recomputes a consultation's figures from its submissions (system administrators). Moves in the
 * unit tree no longer need it (the `unit.moved` handler refolds the affected units); it stays as a
 * repair tool.
 */
export async function rebuildFigures(db: Db, options: { actor: Actor; consultationCode: string }): Promise<{ submissions: number }> {
  requireSystemAdmin(options.actor);
  const consultation = await loadConsultation(db, options.consultationCode);
  const queued = await inTransaction(db, async (tx) => {
    const n = await requeueConsultation(tx, consultation.id);
    await recordAudit(tx, options.actor, {
      action: 'consultation.figures_rebuild',
      entityType: 'consultation',
      entityId: consultation.id,
      unitId: null,
      after: { submissions: n },
    });
    return n;
  });
  await foldFigures(db);
  return { submissions: queued };
}

export { queueLength };
