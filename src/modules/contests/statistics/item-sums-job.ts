/**
 * `contests.item-statistics`: after a round closed (event `contest-round.closed`), off the hot path
 * and beside the flags job, the item statistics sums of its first attempts are added up once and
 * stored, so the organisers' statistics page of a national round reads them instead of adding up a
 * million attempts on request. A second delivery finds them stored and does nothing.
 */
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.js';
import { defineEventHandler } from '../../../platform/jobs/index.js';
import { ROUND_CLOSED_EVENT } from '../closing/close-round.js';
import { insertItemSums, selectRoundItemSums, selectRoundState, selectStoredItemSums, type RoundItemSums } from './repository.js';

/**
 * The round's sums: stored ones when the round is closed (computed and stored now if the job has not
 * run yet), computed afresh while it is open (its attempts still change).
 */
export async function roundItemSums(db: Db, roundId: number, now: Date = new Date()): Promise<{ sums: RoundItemSums; computedAt: Date | null }> {
  const stored = await selectStoredItemSums(db, roundId);
  if (stored) return stored;
  const round = await selectRoundState(db, roundId);
  const sums = await selectRoundItemSums(db, { roundId, graceSeconds: round?.graceSeconds ?? 0 });
  if (!round?.closed) return { sums, computedAt: null };
  await insertItemSums(db, roundId, sums, now);
  return { sums, computedAt: now };
}

const payload = z.object({ roundId: z.number().int().positive() });

export const itemSumsHandler = defineEventHandler({
  event: ROUND_CLOSED_EVENT,
  name: 'contests.item-statistics',
  handle: async (db, data) => {
    const { roundId } = payload.parse(data);
    const round = await selectRoundState(db, roundId);
    if (!round?.closed || (await selectStoredItemSums(db, roundId))) return null;
    return (await roundItemSums(db, roundId)).computedAt;
  },
});
