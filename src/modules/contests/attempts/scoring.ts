import type { AttemptAnswers, AttemptQuestion } from '../types.js';

/**
 * Scoring an attempt (pure): 1 point per question whose chosen set equals its correct set exactly;
 * only answers saved up to `countUntil` (the deadline plus grace) count. `chosen` holds the shown
 * positions; `optionOrder` maps them back to the version's option indices.
 */
export function scoreAttempt(
  questions: readonly AttemptQuestion[],
  answers: AttemptAnswers,
  correctOf: (versionId: number) => readonly number[],
  countUntil: Date,
): { score: number; maxScore: number } {
  let score = 0;
  questions.forEach((question, position) => {
    const answer = answers[String(position)];
    if (!answer || new Date(answer.savedAt).getTime() > countUntil.getTime()) return;
    const chosen = new Set(answer.chosen.map((shown) => question.optionOrder[shown]));
    const correct = new Set(correctOf(question.versionId));
    if (chosen.size === correct.size && [...correct].every((index) => chosen.has(index))) score++;
  });
  return { score, maxScore: questions.length };
}

/** The round's deadline of an attempt: min(startedAt + time limit, closesAt). */
export function attemptDeadline(startedAt: Date, timeLimitSeconds: number, closesAt: Date): Date {
  return new Date(Math.min(startedAt.getTime() + timeLimitSeconds * 1000, closesAt.getTime()));
}

/** The last instant an answer may be saved (and counts): deadline plus grace. */
export function lastSaveInstant(deadlineAt: Date, graceSeconds: number): Date {
  return new Date(deadlineAt.getTime() + graceSeconds * 1000);
}

/** durationMs = min(submittedAt, deadlineAt) − startedAt. */
export function attemptDuration(startedAt: Date, deadlineAt: Date, submittedAt: Date): number {
  return Math.max(0, Math.min(submittedAt.getTime(), deadlineAt.getTime()) - startedAt.getTime());
}
