import type { Queryable } from '../../../platform/db/database.js';
import type { PoolItem } from './draw.js';
import { selectRoundPool, type PoolRow } from './repository-pool.js';

/**
 * A round's pool in memory, a few seconds per process and round: a start draws from it without
 * reading the bank, and a submission scores from its keys (a version no longer current is read
 * from the database). Lives only on the server: nothing of it but texts and options goes out.
 */
const TTL_MS = 5_000;

export interface RoundPool {
  items: PoolItem[];
  byVersion: Map<number, PoolRow>;
  questionOfVersion: Map<number, number>;
}

const pools = new Map<number, { at: number; pool: Promise<RoundPool> }>();

export function loadRoundPool(db: Queryable, round: { id: number; contestId: number; topics: readonly string[] }): Promise<RoundPool> {
  const now = Date.now();
  const copy = pools.get(round.id);
  if (copy && now - copy.at <= TTL_MS) return copy.pool;
  const pool = selectRoundPool(db, round.contestId, round.topics).then((rows) => ({
    items: rows.map((r) => ({ questionId: r.questionId, versionId: r.versionId, difficulty: r.difficulty, optionCount: r.options.length })),
    byVersion: new Map(rows.map((r) => [r.versionId, r])),
    questionOfVersion: new Map(rows.map((r) => [r.versionId, r.questionId])),
  }));
  // A failed read is not kept.
  pool.catch(() => pools.delete(round.id));
  if (pools.size > 1_000) pools.clear();
  pools.set(round.id, { at: now, pool });
  return pool;
}

/** The round's pool when a fresh copy is in memory (a submission then reads no key from the database). */
export function cachedRoundPool(roundId: number): Promise<RoundPool> | null {
  const copy = pools.get(roundId);
  return copy && Date.now() - copy.at <= TTL_MS ? copy.pool : null;
}

export function forgetRoundPools(): void {
  pools.clear();
}
