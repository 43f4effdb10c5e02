import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { loadContest } from '../participation/participation.js';
import { selectRound } from '../participation/repository-contest.js';
import { itemStatistics, type RoundItemStatistics } from './item-statistics.js';
import { roundItemSums } from './item-sums-job.js';

/**
 * Item statistics of a round for its organisers (viewers of the organiser unit read them; they see
 * the key in the bank anyway): per question version facility, SD, discrimination, distractor counts
 * and flags, and the test's mean, median, SD and alpha — on first attempts (see item-statistics.ts).
 * A closed round's come from the sums stored after its close (`computedAt`); an open round's are live.
 */
export async function roundItemStatistics(db: Db, options: { actor: Actor; contestId: number; round: number }): Promise<RoundItemStatistics & { round: number; computedAt: string | null }> {
  const contest = await loadContest(db, { id: options.contestId });
  await requireUnitRole(db, options.actor, [contest.organiserUnitId], 'viewer');
  const round = await selectRound(db, contest.id, options.round);
  if (!round) fail('CONTEST_ROUND_NOT_FOUND', { number: options.round });
  const { sums, computedAt } = await roundItemSums(db, round.id);
  return { round: round.number, computedAt: computedAt?.toISOString() ?? null, ...itemStatistics(sums.test, sums.items) };
}
