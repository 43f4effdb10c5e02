import type { Db, Queryable, Tx } from '../../../platform/db/database.js';
import { fail, invariant } from '../../../platform/errors.js';
import { attemptIdOf } from './resume.js';
import { cachedRoundPool } from './pool.js';
import { finishAttempt, selectAttemptToFinish, selectExpiredAttemptIds, type AttemptToFinish, type FinishOutcome } from './repository.js';
import { selectVersions } from './repository-pool.js';
import { attemptDuration, lastSaveInstant, scoreAttempt } from './scoring.js';

/**
 * Submission: scored on the server from the answers saved up to deadline + grace (a late
 * submission is accepted and counts those only), the unit tallies updated in the same call.
 * Submitting twice answers the first submission again and changes nothing.
 *
 * The attempt is read and scored without a lock; `finishAttempt` locks it, checks it is unchanged
 * and writes, in one call — so no transaction holds a lock while this process does other work. When
 * the attempt changed in between (an answer saved just before the submission arrived), it is read
 * and scored again.
 */

const MAX_TRIES = 5;

async function keysOf(db: Queryable, attempt: AttemptToFinish): Promise<Map<number, readonly number[]>> {
  const pool = await cachedRoundPool(attempt.roundId)?.catch(() => null);
  const keys = new Map<number, readonly number[]>();
  const missing: number[] = [];
  for (const q of attempt.questions) {
    const version = pool?.byVersion.get(q.versionId);
    if (version) keys.set(q.versionId, version.correct);
    else missing.push(q.versionId);
  }
  if (missing.length > 0) for (const [id, version] of await selectVersions(db, missing)) keys.set(id, version.correct);
  return keys;
}

/** Scores an unsubmitted attempt as read and records it as submitted at `submittedAt`, unless it changed since the read. */
async function finish(db: Queryable, attempt: AttemptToFinish, submittedAt: Date, prediction: number | null): Promise<{ outcome: FinishOutcome; score: number; durationMs: number }> {
  const keys = await keysOf(db, attempt);
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
  const outcome = await finishAttempt(db, { attempt, score, submittedAt, durationMs, prediction });
  return { outcome, score, durationMs };
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
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const attempt = await selectAttemptToFinish(db, attemptId);
    if (!attempt) fail('CONTEST_ATTEMPT_NOT_FOUND');
    if (attempt.submittedAt) {
      invariant(attempt.score !== null && attempt.durationMs !== null, 'a submitted attempt is scored');
      return result({ ...attempt, submittedAt: attempt.submittedAt, score: attempt.score, durationMs: attempt.durationMs });
    }
    const inTime = now.getTime() <= lastSaveInstant(attempt.deadlineAt, attempt.graceSeconds).getTime();
    const prediction = inTime && options.prediction !== undefined && options.prediction !== null ? options.prediction : attempt.prediction;
    const { outcome, score, durationMs } = await finish(db, attempt, now, prediction);
    if (outcome === 'finished') return result({ ...attempt, submittedAt: now, score, durationMs });
    if (outcome === 'missing') fail('CONTEST_ATTEMPT_NOT_FOUND');
    // 'submitted' (another submission of it won) or 'changed' (an answer saved meanwhile): read again.
  }
  return fail('CONTEST_SUBMIT_BUSY');
}

/**
 * For the closing computation: scores and tallies, as if submitted at their deadline, the round's
 * attempts left unsubmitted whose deadline plus grace is before `now`. Runs in the caller's
 * transaction; idempotent (a submitted attempt is skipped). Returns how many it finalised.
 */
export async function finaliseExpiredAttempts(tx: Tx, roundId: number, now: Date): Promise<number> {
  let finalised = 0;
  for (const id of await selectExpiredAttemptIds(tx, roundId, now)) {
    for (let tries = 0; tries < MAX_TRIES; tries++) {
      const attempt = await selectAttemptToFinish(tx, id);
      if (!attempt || attempt.submittedAt) break;
      const { outcome } = await finish(tx, attempt, attempt.deadlineAt, attempt.prediction);
      if (outcome === 'finished') finalised++;
      if (outcome !== 'changed') break;
    }
  }
  return finalised;
}
