import type { Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { selectPublicContest, type PublicContestRow } from './repository.js';

/**
 * The public contest (with its rounds) by code, from a copy in memory kept for a few seconds per
 * process: every start of an attempt needs it, and at a deadline peak thousands arrive each second.
 * A round's settings are locked once it opens, so a copy a few seconds old decides the same.
 */
const TTL_MS = 5_000;
const copies = new Map<string, { at: number; contest: PublicContestRow | null }>();

export async function loadPublicContest(db: Queryable, code: string): Promise<PublicContestRow> {
  const now = Date.now();
  let copy = copies.get(code);
  if (!copy || now - copy.at > TTL_MS) {
    copy = { at: now, contest: await selectPublicContest(db, code) };
    if (copies.size > 1_000) copies.clear();
    copies.set(code, copy);
  }
  if (!copy.contest) fail('CONTEST_NOT_FOUND', { code });
  return copy.contest;
}

/** Drops the copies (a contest or round was changed in this process, or tests moving the clock). */
export function forgetContestCopies(): void {
  copies.clear();
}

export type RoundState = 'scheduled' | 'open' | 'closed';

/** scheduled (now < opensAt), open (opensAt ≤ now < closesAt), closed. */
export function roundState(round: { opensAt: string | Date; closesAt: string | Date }, now: Date): RoundState {
  if (now.getTime() < new Date(round.opensAt).getTime()) return 'scheduled';
  return now.getTime() < new Date(round.closesAt).getTime() ? 'open' : 'closed';
}

/**
 * Whether the key of the round's questions may be shown: the closing computation has run, or the
 * last instant any answer of the round could still be saved (closesAt + grace) has passed.
 */
export function keyMayBeShown(round: { closesAt: string | Date; graceSeconds: number; closedAt: string | Date | null }, now: Date): boolean {
  return round.closedAt !== null || now.getTime() > new Date(round.closesAt).getTime() + round.graceSeconds * 1000;
}

export function findRound(contest: PublicContestRow, number: number): PublicContestRow['rounds'][number] {
  const round = contest.rounds.find((r) => r.number === number);
  if (!round) fail('CONTEST_ROUND_NOT_FOUND', { number });
  return round;
}
