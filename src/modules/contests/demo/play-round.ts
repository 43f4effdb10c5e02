/**
 * Last week's round as the demo's people played it (pure): each person's attempts spread over the
 * round's week, forms drawn as the attempt operation draws them (`drawQuestions`, balanced by
 * difficulty, unseen questions first, options shuffled), answers right as often as the person's
 * skill says (a little better each attempt), saved one by one, scored by the same rule as a
 * submission. Two people hand in the same answers to the same form (the identical-answers flag),
 * a few answer everything in about twenty seconds (fast-perfect), and the school's students share
 * one client address (shared-client).
 */
import { createHash } from 'node:crypto';
import { drawQuestions, type RandomInt } from '../attempts/draw.js';
import { scoreAttempt } from '../attempts/scoring.js';
import type { AttemptAnswers, AttemptQuestion } from '../types.js';
import { seededRandom, type DemoPerson } from './people.js';
import type { DemoAttemptRow, DemoPoolItem, DemoRound } from './repository-demo.js';

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const GRACE_SECONDS = 5;

export interface DemoParticipant extends DemoPerson {
  participantId: number;
  unitId: number;
  /** The participant token the registration gave. */
  token: string;
}

const clientKeyOf = (label: string) => createHash('sha256').update(`lantoa-demo:${label}`).digest('base64url').slice(0, 22);
export const DEMO_SCHOOL_CLIENT = clientKeyOf('phong-may-thpt-le-quy-don');

/** One answer: the shown positions of the key when right, else one shown option outside the key. */
function answerOf(question: AttemptQuestion, correct: readonly number[], right: boolean, random: () => number): number[] {
  const shownKey = question.optionOrder.flatMap((option, shown) => (correct.includes(option) ? [shown] : []));
  if (right) return shownKey;
  const wrong = question.optionOrder.flatMap((option, shown) => (correct.includes(option) ? [] : [shown]));
  return [wrong[Math.floor(random() * wrong.length)] ?? 0];
}

interface Played {
  questions: AttemptQuestion[];
  answers: AttemptAnswers;
  durationMs: number;
}

function play(person: DemoParticipant, attempt: number, form: AttemptQuestion[], keyOf: (versionId: number) => number[], startedAt: Date, random: () => number): Played {
  const answers: AttemptAnswers = {};
  let elapsed = 0;
  const skill = person.tooFast ? 1 : Math.min(0.99, person.skill + 0.04 * (attempt - 1));
  form.forEach((question, position) => {
    elapsed += person.tooFast ? 1500 + random() * 700 : (12 + random() * 38) * SECOND;
    const chosen = answerOf(question, keyOf(question.versionId), random() < skill, random);
    answers[String(position)] = { chosen, savedAt: new Date(startedAt.getTime() + elapsed).toISOString() };
  });
  return { questions: form, answers, durationMs: Math.round(elapsed + (person.tooFast ? 1 : 3 + random() * 12) * SECOND) };
}

export interface PlayWindow {
  /** Which of the person's weekly attempt counts applies (0: round 1, 1: round 2). */
  week: 0 | 1;
  /** Attempts start after `from` and are submitted before `until`. */
  from: Date;
  until: Date;
  seed: number;
}

/** The round's attempts of the people taking part in it (their attempt count of the week > 0), in no particular order. */
export function playRound(round: DemoRound, pool: readonly DemoPoolItem[], people: readonly DemoParticipant[], window: PlayWindow): DemoAttemptRow[] {
  const random = seededRandom(window.seed);
  const randomInt: RandomInt = (bound) => Math.floor(random() * bound);
  const keys = new Map(pool.map((p) => [p.versionId, p.correct]));
  const keyOf = (versionId: number) => keys.get(versionId) ?? [];
  const last = window.until.getTime() - round.timeLimitSeconds * SECOND;
  const span = last - window.from.getTime();
  const rows: DemoAttemptRow[] = [];
  for (const person of people) {
    const seen = new Set<number>();
    let at = window.from.getTime() + 10 * 60 * SECOND + random() * span * 0.7;
    for (let number = 1; number <= person.attempts[window.week] && at < last; number++) {
      const startedAt = new Date(at);
      const form = drawQuestions(pool, seen, round.questionsPerAttempt, randomInt);
      for (const q of form) seen.add(pool.find((p) => p.versionId === q.versionId)?.questionId ?? 0);
      const played = play(person, number, form, keyOf, startedAt, random);
      const deadlineAt = new Date(startedAt.getTime() + round.timeLimitSeconds * SECOND);
      const durationMs = Math.min(played.durationMs, round.timeLimitSeconds * SECOND);
      const { score, maxScore } = scoreAttempt(played.questions, played.answers, keyOf, new Date(deadlineAt.getTime() + GRACE_SECONDS * SECOND));
      rows.push({
        roundId: round.id,
        participantId: person.participantId,
        unitId: person.unitId,
        number,
        questions: played.questions,
        answers: played.answers,
        prediction: random() < 0.1 ? null : Math.round(20 + random() * 90),
        startedAt,
        deadlineAt,
        submittedAt: new Date(startedAt.getTime() + durationMs),
        score,
        maxScore,
        durationMs,
        clientKey: person.schoolRoom ? DEMO_SCHOOL_CLIENT : clientKeyOf(`nguoi-${person.index}`),
      });
      at = startedAt.getTime() + (0.3 + random() * 30) * HOUR;
    }
  }
  return rows;
}

/** Last week's round: every attempt of its week, and one copied answer sheet. */
export function playClosedRound(round: DemoRound, pool: readonly DemoPoolItem[], people: readonly DemoParticipant[]): DemoAttemptRow[] {
  return withCopiedAttempt(playRound(round, pool, people, { week: 0, from: round.opensAt, until: new Date(round.closesAt.getTime() - HOUR), seed: 1935 }));
}

/**
 * Someone of the same unit who makes a single attempt copies another person's first attempt three
 * minutes after it: the same form, the same answers saved three minutes later, the same score.
 */
function withCopiedAttempt(rows: DemoAttemptRow[]): DemoAttemptRow[] {
  const attemptsOf = new Map<number, number>();
  for (const r of rows) attemptsOf.set(r.participantId, (attemptsOf.get(r.participantId) ?? 0) + 1);
  const firsts = rows.filter((r) => r.number === 1 && r.clientKey !== DEMO_SCHOOL_CLIENT);
  for (const original of firsts) {
    const copier = firsts.find((r) => r.unitId === original.unitId && r.participantId !== original.participantId && attemptsOf.get(r.participantId) === 1);
    if (!copier) continue;
    const later = (at: Date | string) => new Date(new Date(at).getTime() + 3 * 60 * SECOND);
    const startedAt = later(original.startedAt);
    const durationMs = Math.min(original.durationMs + 4 * SECOND, original.deadlineAt.getTime() - original.startedAt.getTime());
    Object.assign(copier, {
      questions: original.questions,
      answers: Object.fromEntries(Object.entries(original.answers).map(([k, a]) => [k, { chosen: a.chosen, savedAt: later(a.savedAt).toISOString() }])),
      score: original.score,
      maxScore: original.maxScore,
      startedAt,
      deadlineAt: later(original.deadlineAt),
      submittedAt: new Date(startedAt.getTime() + durationMs),
      durationMs,
    });
    return rows;
  }
  return rows;
}
