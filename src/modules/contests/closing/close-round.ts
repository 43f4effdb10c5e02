/**
 * The closing computation of a round (tổng kết vòng thi), at closesAt + graceSeconds or later, in
 * one transaction: attempts never submitted are scored at their deadline, the official figure is
 * counted exactly with its method from one pass over the attempts (each person's best, their
 * attempts and whether one was perfect), the ranking is written from that pass, the round is marked
 * closed and `contest-round.closed` is emitted (the flags job). Closing a closed round changes nothing.
 */
import type { Actor } from '../../../platform/access/roles.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { inTransaction, type Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { emitEvent } from '../../../platform/jobs/index.js';
import { finaliseExpiredAttempts } from '../attempts/submit.js';
import { officialFigureOf, officialMethod, vietnamSecond, type RoundFigures } from './official-method.js';
import { countRoundFigures, insertRoundRanking, markRoundClosed, selectBestAttempts, selectRoundForClosing } from './repository.js';

export const ROUND_CLOSED_EVENT = 'contest-round.closed';

/** Who closes rounds when the schedule does it. */
export const CLOSING_ACTOR: Actor = { userId: null, username: 'system:contests', grants: [{ id: 0, role: 'system_admin', unitId: null }], ip: null };

export interface ClosedRound {
  roundId: number;
  /** False when the round was already closed (nothing changed). */
  closedNow: boolean;
  closedAt: Date;
}

export const cutOffOf = (round: { closesAt: Date; graceSeconds: number }) => new Date(round.closesAt.getTime() + round.graceSeconds * 1000);

export async function closeRound(db: Db, roundId: number, now: Date = new Date(), actor: Actor = CLOSING_ACTOR): Promise<ClosedRound> {
  return inTransaction(db, async (tx) => {
    const round = await selectRoundForClosing(tx, roundId, true);
    if (!round) fail('CONTEST_ROUND_NOT_FOUND', { number: roundId });
    if (round.closedAt) return { roundId, closedNow: false, closedAt: round.closedAt };
    const cutOff = cutOffOf(round);
    if (now.getTime() < cutOff.getTime()) fail('CONTEST_ROUND_NOT_DUE', { number: round.number, at: vietnamSecond(cutOff) });
    // Every attempt's deadline is at or before closesAt, so at the cut-off every unsubmitted attempt has
    // expired; the attempts part takes those whose deadline + grace is strictly before its instant.
    const finalised = await finaliseExpiredAttempts(tx, round.id, new Date(Math.max(now.getTime(), cutOff.getTime()) + 1));
    await selectBestAttempts(tx, round.id);
    const figures: RoundFigures = await countRoundFigures(tx);
    const figure = officialFigureOf(round.prediction, figures);
    const method = officialMethod({ kind: round.prediction, number: round.number, closesAt: round.closesAt, cutOff, figures });
    const ranked = await insertRoundRanking(tx, round.id, figure);
    await markRoundClosed(tx, { roundId: round.id, closedAt: now, figure, method, figures });
    await emitEvent(tx, ROUND_CLOSED_EVENT, { roundId: round.id });
    await recordAudit(tx, actor, {
      action: 'contest_round.close',
      entityType: 'contest_round',
      entityId: round.id,
      unitId: round.organiserUnitId,
      after: { contestId: round.contestId, number: round.number, officialFigure: figure, ...figures, ranked, finalised, cutOff: cutOff.toISOString() },
    });
    return { roundId, closedNow: true, closedAt: now };
  });
}
