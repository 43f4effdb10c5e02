/**
 * Confirmation of a closed round's prizes (sets resultsConfirmedAt; the public winners page shows
 * the winners from then on). Refused until the flags are computed, and while a flag not reviewed
 * names someone the ladder would give a prize to.
 */
import type { Actor } from '../../../platform/access/roles.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { inTransaction, type Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { assignPrizes, prizeSlots } from '../results/prizes.js';
import { selectPrizeWindow, selectRoundById } from '../results/repository.js';
import { closedRoundFor, type RoundAddress } from '../results/round-results.js';
import { countPendingFlagsAbout, lockRound, markResultsConfirmed } from './repository.js';

export async function confirmRoundResults(db: Db, input: { actor: Actor; address: RoundAddress; now?: Date }): Promise<{ round: number; confirmedAt: string; winners: number }> {
  const at = input.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const found = await closedRoundFor(tx, input.actor, input.address, 'editor');
    await lockRound(tx, found.id);
    const round = (await selectRoundById(tx, found.id))!;
    if (round.resultsConfirmedAt) fail('CONTEST_RESULTS_CONFIRMED');
    if (!round.flagsComputedAt) fail('CONTEST_FLAGS_NOT_COMPUTED');
    const window = await selectPrizeWindow(tx, round.id, prizeSlots(round.prizes).length);
    const winners = [...assignPrizes(round.prizes, window).keys()];
    const pending = winners.length === 0 ? 0 : await countPendingFlagsAbout(tx, round.id, winners);
    if (pending > 0) fail('CONTEST_FLAGS_PENDING', { count: pending });
    await markResultsConfirmed(tx, round.id, input.actor.userId, at);
    await recordAudit(tx, input.actor, {
      action: 'contest_round.confirm',
      entityType: 'contest_round',
      entityId: round.id,
      unitId: round.contest.organiser.id,
      after: { contestId: round.contest.id, number: round.number, officialFigure: round.officialFigure, winners },
    });
    return { round: round.number, confirmedAt: at.toISOString(), winners: winners.length };
  });
}
