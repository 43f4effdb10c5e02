/**
 * Attempts never submitted are scored by the closing computation as if submitted at their deadline,
 * on the answers saved up to deadline + grace. (A minimal version owned by closing/ until the
 * attempts part's `finaliseExpiredAttempts` replaces it.)
 */
import type { Queryable } from '../../../platform/db/database.js';
import { selectAnswerKeys, selectUnsubmittedAttempts, updateExpiredScores } from './repository.js';
import { scoreAttempt } from './scoring.js';

export async function finaliseExpiredAttempts(db: Queryable, round: { id: number; graceSeconds: number }): Promise<number> {
  const attempts = await selectUnsubmittedAttempts(db, round.id);
  if (attempts.length === 0) return 0;
  const keys = await selectAnswerKeys(db, [...new Set(attempts.flatMap((a) => a.questions.map((q) => q.versionId)))]);
  const scores = attempts.map((a) => ({ id: a.id, score: scoreAttempt(a.questions, a.answers, keys, new Date(a.deadlineAt.getTime() + round.graceSeconds * 1000)) }));
  await updateExpiredScores(db, scores);
  return scores.length;
}
