import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { loadContest } from '../participation/participation.js';
import { selectRound } from '../participation/repository-contest.js';
import { itemStatistics, type RoundItemStatistics } from './item-statistics.js';
import { selectRoundItemSums } from './repository.js';

/**
 * Item statistics of a round for its organisers (viewers of the organiser unit read them; they see
 * the key in the bank anyway): per question version facility, SD, discrimination, distractor counts
 * and flags, and the test's mean, median, SD and alpha — on first attempts (see item-statistics.ts).
 */
export async function roundItemStatistics(db: Db, options: { actor: Actor; contestId: number; round: number }): Promise<RoundItemStatistics & { round: number }> {
  const contest = await loadContest(db, { id: options.contestId });
  await requireUnitRole(db, options.actor, [contest.organiserUnitId], 'viewer');
  const round = await selectRound(db, contest.id, options.round);
  if (!round) fail('CONTEST_ROUND_NOT_FOUND', { number: options.round });
  const sums = await selectRoundItemSums(db, { roundId: round.id, graceSeconds: round.graceSeconds });
  return { round: round.number, ...itemStatistics(sums.test, sums.items) };
}
