/**
 * A definition's rounds against the stored ones (pure): what to insert, update and delete, and the
 * rounds whose settings are locked because they have opened (opensAt ≤ now) — a change to one of
 * them, or leaving it out, is refused as CONTEST_ROUND_LOCKED naming the round.
 */
import { fail } from '../../../platform/errors.js';
import { parseInstant } from '../../../platform/time/index.js';
import { viDateTime } from './problems.js';
import type { ContestRound, RoundWrite } from './repository.js';
import type { RoundDefinition } from './schemas.js';

export function roundWriteOf(round: RoundDefinition): RoundWrite {
  return {
    number: round.number,
    opensAt: parseInstant(round.opens),
    closesAt: parseInstant(round.closes),
    questionsPerAttempt: round.questionsPerAttempt,
    timeLimitSeconds: round.timeLimitSeconds,
    attemptsAllowed: round.attemptsAllowed,
    graceSeconds: round.graceSeconds,
    prediction: round.prediction,
    prizes: round.prizes.map((p) => ({ name: p.name, count: p.count })),
    topics: [...round.topics],
  };
}

/** A round's settings as comparable, auditable JSON (instants as ISO strings, prizes with their keys in one order). */
export function roundSettings(round: RoundWrite): Record<string, unknown> {
  return {
    number: round.number,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    questionsPerAttempt: round.questionsPerAttempt,
    timeLimitSeconds: round.timeLimitSeconds,
    attemptsAllowed: round.attemptsAllowed,
    graceSeconds: round.graceSeconds,
    prediction: round.prediction,
    prizes: round.prizes.map((p) => ({ name: p.name, count: p.count })),
    topics: [...round.topics],
  };
}

const sameSettings = (a: RoundWrite, b: RoundWrite) => JSON.stringify(roundSettings(a)) === JSON.stringify(roundSettings(b));

/** Opened rounds keep their settings: opensAt ≤ now (the opening instant itself included). */
export const isRoundLocked = (round: Pick<ContestRound, 'opensAt'>, now: Date) => round.opensAt.getTime() <= now.getTime();

export interface RoundChanges {
  inserts: RoundWrite[];
  updates: { id: number; before: RoundWrite; after: RoundWrite }[];
  deletes: ContestRound[];
}

function refuseLocked(round: ContestRound): never {
  fail('CONTEST_ROUND_LOCKED', { round: round.number, opensAt: viDateTime(round.opensAt) });
}

/** The changes a definition's rounds make to the stored rounds (by number), refusing any to an opened round. */
export function roundChanges(stored: readonly ContestRound[], wanted: readonly RoundWrite[], now: Date): RoundChanges {
  const byNumber = new Map(stored.map((r) => [r.number, r]));
  const changes: RoundChanges = { inserts: [], updates: [], deletes: [] };
  for (const round of wanted) {
    const existing = byNumber.get(round.number);
    if (!existing) changes.inserts.push(round);
    else if (!sameSettings(existing, round)) {
      if (isRoundLocked(existing, now)) refuseLocked(existing);
      changes.updates.push({ id: existing.id, before: existing, after: round });
    }
  }
  const kept = new Set(wanted.map((r) => r.number));
  for (const existing of stored) {
    if (kept.has(existing.number)) continue;
    if (isRoundLocked(existing, now)) refuseLocked(existing);
    changes.deletes.push(existing);
  }
  return changes;
}
