import { vietnamLocalMs } from '../../../platform/time/index.js';
import type { AttemptAnswers, AttemptQuestion } from '../types.js';
import type { AttemptRow } from './repository.js';

/**
 * What a participant sees of an attempt: texts and options in the shown order, the saved answers,
 * the server clock. Never the key: no `correct`, no explanation, no source, no version id (an
 * attempt's questions are addressed by position only).
 */

export interface ShownVersion {
  text: string;
  options: string[];
  correct: readonly number[];
}

export function presentQuestions(questions: readonly AttemptQuestion[], versionOf: (versionId: number) => ShownVersion) {
  return questions.map((q, position) => {
    const version = versionOf(q.versionId);
    return {
      position,
      text: version.text,
      options: q.optionOrder.map((index) => version.options[index] ?? ''),
      multiple: version.correct.length > 1,
    };
  });
}

export function presentAnswers(answers: AttemptAnswers): Record<string, number[]> {
  return Object.fromEntries(Object.entries(answers).map(([position, answer]) => [position, answer.chosen]));
}

export function presentAttempt(row: AttemptRow, versionOf: (versionId: number) => ShownVersion, now: Date) {
  return {
    round: row.roundNumber,
    number: row.number,
    attemptsAllowed: row.attemptsAllowed,
    attemptsUsed: row.attemptsUsed,
    startedAt: row.startedAt.toISOString(),
    deadlineAt: row.deadlineAt.toISOString(),
    graceSeconds: row.graceSeconds,
    serverNow: now.toISOString(),
    prediction: row.prediction,
    predictionKind: row.predictionKind,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    score: row.score,
    maxScore: row.maxScore,
    questions: presentQuestions(row.questions, versionOf),
    answers: presentAnswers(row.answers),
  };
}

/** An instant as people read it in messages: 10:05:03 ngày 06/12/2026 (Vietnam time). */
export function viInstant(at: Date): string {
  const local = new Date(vietnamLocalMs(at));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ngày ${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}
