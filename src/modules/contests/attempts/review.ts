import type { Db } from '../../../platform/db/database.js';
import { fail, invariant } from '../../../platform/errors.js';
import { keyMayBeShown } from '../participants/contest-cache.js';
import { presentAttempt, viInstant } from './present.js';
import { loadAttempt } from './resume.js';
import { selectVersions } from './repository-pool.js';

/** Review (xem lại bài): the attempt with its key, explanations and sources — only once the round has closed (409 before). */
export async function reviewAttempt(db: Db, options: { token: string; contactKey: () => Buffer; now?: Date }) {
  const now = options.now ?? new Date();
  const row = await loadAttempt(db, options.contactKey(), options.token);
  if (!keyMayBeShown(row, now)) fail('CONTEST_REVIEW_NOT_YET', { closesAt: viInstant(row.closesAt) });
  const versions = await selectVersions(
    db,
    row.questions.map((q) => q.versionId),
  );
  const versionOf = (id: number) => {
    const version = versions.get(id);
    invariant(version !== undefined, 'an attempt’s versions are kept');
    return version;
  };
  const attempt = presentAttempt(row, versionOf, now);
  return {
    ...attempt,
    questions: attempt.questions.map((q, position) => {
      const question = row.questions[position];
      invariant(question !== undefined, 'position within the attempt');
      const version = versionOf(question.versionId);
      const correctPositions = question.optionOrder.flatMap((index, shown) => (version.correct.includes(index) ? [shown] : []));
      const chosen = attempt.answers[String(position)] ?? [];
      return { ...q, chosen, correctPositions, correct: chosen.length === correctPositions.length && chosen.every((c) => correctPositions.includes(c)), explanation: version.explanation, source: version.source };
    }),
  };
}
