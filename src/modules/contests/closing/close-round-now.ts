/** The organiser's "close now" (POST …/rounds/{number}/close): the closing computation, once closesAt + grace has passed. */
import type { Actor } from '../../../platform/access/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { requireOrganiserRole } from '../results/policy.js';
import { contestExists, selectRoundByContestId } from '../results/repository.js';
import { resultsHead, type RoundResultsHead } from '../results/round-results.js';
import { closeRound } from './close-round.js';

export async function closeRoundNow(db: Db, input: { actor: Actor; contestId: number; number: number; now?: Date }): Promise<RoundResultsHead & { closedNow: boolean; closedAt: string }> {
  const round = await selectRoundByContestId(db, input.contestId, input.number);
  if (!round) fail((await contestExists(db, { id: input.contestId })) ? 'CONTEST_ROUND_NOT_FOUND' : 'CONTEST_NOT_FOUND', { number: input.number });
  await requireOrganiserRole(db, input.actor, round.contest.organiser.id, 'editor');
  const closed = await closeRound(db, round.id, input.now ?? new Date(), input.actor);
  const after = (await selectRoundByContestId(db, input.contestId, input.number))!;
  return { ...resultsHead(after), closedNow: closed.closedNow, closedAt: closed.closedAt.toISOString() };
}
