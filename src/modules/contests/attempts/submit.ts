import { inTransaction, type Db, type Tx } from '../../../platform/db/database.js';
import { fail, invariant } from '../../../platform/errors.js';
import { attemptIdOf } from './resume.js';
import { cachedRoundPool } from './pool.js';
import { finishAttempt, lockAttempt, selectExpiredAttemptIds, type LockedAttempt } from './repository.js';
import { selectVersions } from './repository-pool.js';
import { attemptDuration, lastSaveInstant, scoreAttempt } from './scoring.js';

/**
 * Submission: scored on the server from the answers saved up to deadline + grace (a late
 * submission is accepted and counts those only), the unit tallies updated in the same
 * transaction. Submitting twice answers the first submission again and changes nothing.
 */

async function keysOf(tx: Tx, attempt: LockedAttempt): Promise<Map<number, readonly number[]>> {
  const pool = await cachedRoundPool(attempt.roundId)?.catch(() => null);
  const keys = new Map<number, readonly number[]>();
  const missing: number[] = [];
  for (const q of attempt.questions) {
    const version = pool?.byVersion.get(q.versionId);
    if (version) keys.set(q.versionId, version.correct);
    else missing.push(q.versionId);
  }
  if (missing.length > 0) for (const [id, version] of await selectVersions(tx, missing)) keys.set(id, version.correct);
  return keys;
}

/** Scores and records a locked, unsubmitted attempt as submitted at `submittedAt`. */
async function finish(tx: Tx, attempt: LockedAttempt, submittedAt: Date, prediction: number | null) {
  const keys = await keysOf(tx, attempt);
  const { score } = scoreAttempt(
    attempt.questions,
    attempt.answers,
    (versionId) => {
      const key = keys.get(versionId);
      invariant(key !== undefined, 'an attempt’s versions are kept');
      return key;
    },
    lastSaveInstant(attempt.deadlineAt, attempt.graceSeconds),
  );
  const durationMs = attemptDuration(attempt.startedAt, attempt.deadlineAt, submittedAt);
  await finishAttempt(tx, { attempt, score, submittedAt, durationMs, prediction });
  return { score, durationMs };
}

const result = (a: { submittedAt: Date; score: number; maxScore: number; durationMs: number; deadlineAt: Date; graceSeconds: number }) => ({
  submittedAt: a.submittedAt.toISOString(),
  score: a.score,
  maxScore: a.maxScore,
  durationSeconds: Math.round(a.durationMs / 100) / 10,
  late: a.submittedAt.getTime() > lastSaveInstant(a.deadlineAt, a.graceSeconds).getTime(),
});

export async function submitAttempt(db: Db, options: { token: string; prediction?: number | null | undefined; contactKey: () => Buffer; now?: Date }) {
  const now = options.now ?? new Date();
  const attemptId = attemptIdOf(options.contactKey(), options.token);
  return inTransaction(db, async (tx) => {
    const attempt = await lockAttempt(tx, attemptId);
    if (!attempt) fail('CONTEST_ATTEMPT_NOT_FOUND');
    if (attempt.submittedAt) {
      invariant(attempt.score !== null && attempt.durationMs !== null, 'a submitted attempt is scored');
      return result({ ...attempt, submittedAt: attempt.submittedAt, score: attempt.score, durationMs: attempt.durationMs });
    }
    const inTime = now.getTime() <= lastSaveInstant(attempt.deadlineAt, attempt.graceSeconds).getTime();
    const prediction = inTime && options.prediction !== undefined && options.prediction !== null ? options.prediction : attempt.prediction;
    const { score, durationMs } = await finish(tx, attempt, now, prediction);
    return result({ ...attempt, submittedAt: now, score, durationMs });
  });
}

/**
 * For the closing computation: scores and tallies, as if submitted at their deadline, the round's
 * attempts left unsubmitted whose deadline plus grace is before `now`. Runs in the caller's
 * transaction; idempotent (a submitted attempt is skipped). Returns how many it finalised.
 */
export async function finaliseExpiredAttempts(tx: Tx, roundId: number, now: Date): Promise<number> {
  let finalised = 0;
  for (const id of await selectExpiredAttemptIds(tx, roundId, now)) {
    const attempt = await lockAttempt(tx, id);
    if (!attempt || attempt.submittedAt) continue;
    await finish(tx, attempt, attempt.deadlineAt, attempt.prediction);
    finalised++;
  }
  return finalised;
}
