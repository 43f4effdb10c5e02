/**
 * `contests.flag-round`: after a round closed (event `contest-round.closed`), off the hot path, the
 * suspicious patterns of its scored attempts are flagged for a person to review (thresholds.ts).
 * Runs once per round: a second delivery of the event finds `flagsComputedAt` set and does nothing.
 */
import { z } from 'zod';
import { inTransaction, type Db } from '../../../platform/db/database.js';
import { defineEventHandler } from '../../../platform/jobs/index.js';
import { ROUND_CLOSED_EVENT } from '../closing/close-round.js';
import { selectRoundById } from '../results/repository.js';
import { insertFastPerfectFlags, insertIdenticalAnswerFlags, insertSharedClientFlags, lockRound, markFlagsComputed } from './repository.js';

export interface FlagCounts {
  fastPerfect: number;
  identicalAnswers: number;
  sharedClient: number;
}

/** Null when the round is not closed or its flags were already computed. */
export async function computeRoundFlags(db: Db, roundId: number, now: Date = new Date()): Promise<FlagCounts | null> {
  return inTransaction(db, async (tx) => {
    await lockRound(tx, roundId);
    const round = await selectRoundById(tx, roundId);
    if (!round?.closedAt || round.flagsComputedAt) return null;
    const counts = {
      fastPerfect: await insertFastPerfectFlags(tx, roundId),
      identicalAnswers: await insertIdenticalAnswerFlags(tx, roundId),
      sharedClient: await insertSharedClientFlags(tx, roundId),
    };
    await markFlagsComputed(tx, roundId, now);
    return counts;
  });
}

const payload = z.object({ roundId: z.number().int().positive() });

export const flagRoundHandler = defineEventHandler({
  event: ROUND_CLOSED_EVENT,
  name: 'contests.flag-round',
  handle: (db, data) => computeRoundFlags(db, payload.parse(data).roundId),
});
