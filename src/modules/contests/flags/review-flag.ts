/**
 * Review of a flag by an editor of the organiser: cleared (no action) or excluded (the people it
 * names lose their place in the prizes, the ladder moving down to the next people). Possible until
 * the results are confirmed; audited with the note.
 */
import type { Actor } from '../../../platform/access/roles.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { inTransaction, type Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { requireOrganiserRole } from '../results/policy.js';
import { selectRoundById } from '../results/repository.js';
import { lockRound, refreshExclusions, selectFlag, updateFlagDecision } from './repository.js';

export interface ReviewInput {
  actor: Actor;
  flagId: number;
  decision: 'cleared' | 'excluded';
  note: string;
  now?: Date;
}

export async function reviewContestFlag(db: Db, input: ReviewInput): Promise<{ id: number; decision: 'cleared' | 'excluded'; reviewedAt: string }> {
  const at = input.now ?? new Date();
  return inTransaction(db, async (tx) => {
    const flag = await selectFlag(tx, input.flagId);
    if (!flag) fail('CONTEST_FLAG_NOT_FOUND');
    const round = await selectRoundById(tx, flag.roundId);
    if (!round) fail('CONTEST_FLAG_NOT_FOUND');
    try {
      await requireOrganiserRole(tx, input.actor, round.contest.organiser.id, 'editor');
    } catch (error) {
      if ((error as { reason?: string }).reason === 'CONTEST_NOT_FOUND') fail('CONTEST_FLAG_NOT_FOUND');
      throw error;
    }
    await lockRound(tx, round.id);
    if ((await selectRoundById(tx, round.id))?.resultsConfirmedAt) fail('CONTEST_RESULTS_CONFIRMED');
    await updateFlagDecision(tx, { flagId: flag.id, decision: input.decision, note: input.note, userId: input.actor.userId, at });
    await refreshExclusions(tx, round.id, flag.participantIds);
    await recordAudit(tx, input.actor, {
      action: 'contest_flag.review',
      entityType: 'contest_flag',
      entityId: flag.id,
      unitId: round.contest.organiser.id,
      before: { decision: flag.decision },
      after: { decision: input.decision, note: input.note, kind: flag.kind, participantIds: flag.participantIds, round: round.number, contestId: round.contest.id },
    });
    return { id: flag.id, decision: input.decision, reviewedAt: at.toISOString() };
  });
}
