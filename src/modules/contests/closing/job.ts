/** `contests.close-rounds`: every minute, every round whose closesAt + grace has passed is closed (idempotent). */
import type { Db } from '../../../platform/db/database.js';
import { defineJob, type JobDefinition } from '../../../platform/jobs/index.js';
import { closeRound } from './close-round.js';
import { selectDueRoundIds } from './repository.js';

/** Closes each due round in its own transaction; returns how many it closed now. */
export async function closeDueRounds(db: Db, now: Date = new Date()): Promise<number> {
  let closed = 0;
  for (const id of await selectDueRoundIds(db, now)) if ((await closeRound(db, id, now)).closedNow) closed++;
  return closed;
}

export const closeRoundsJob: JobDefinition = defineJob({
  name: 'contests.close-rounds',
  everyMs: 60_000,
  maxAttempts: 1,
  run: ({ db }) => closeDueRounds(db),
});
