/**
 * Scoring of one attempt, pure: 1 point per question whose chosen set equals the correct set
 * exactly; answers saved after `countUntil` (the deadline plus grace) do not count. Used by the
 * closing computation for attempts never submitted (scored as if submitted at their deadline).
 */
import type { AttemptAnswers, AttemptQuestion } from '../types.js';

/** The key of each question version seen: version id → correct option indices (0-based, in the version's order). */
export type AnswerKey = ReadonlyMap<number, readonly number[]>;

const sameSet = (a: readonly number[], b: readonly number[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
};

export function scoreAttempt(questions: readonly AttemptQuestion[], answers: AttemptAnswers, key: AnswerKey, countUntil: Date): number {
  let score = 0;
  questions.forEach((question, position) => {
    const answer = answers[String(position)];
    const correct = key.get(question.versionId);
    if (!answer || !correct || new Date(answer.savedAt).getTime() > countUntil.getTime()) return;
    const chosen = answer.chosen.map((shown) => question.optionOrder[shown]).filter((i): i is number => i !== undefined);
    if (chosen.length === answer.chosen.length && sameSet(chosen, correct)) score++;
  });
  return score;
}
