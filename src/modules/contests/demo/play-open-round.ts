/**
 * The open round in the demo: the attempts of the days since it opened, played as those of last
 * week (play-round.ts) and counted into the tallies the same way, and a few people answering right
 * now — their attempts started and their first answers saved through the attempt operations, so
 * the round has attempts in progress with the server's own clock and draw.
 */
import type { Db } from '../../../platform/db/database.js';
import type { DemoContext } from '../../../platform/modules/manifest.js';
import { startAttempt } from '../attempts/start-attempt.js';
import { saveAnswer } from '../attempts/resume.js';
import { readAttemptToken } from '../participants/tokens.js';
import { DEMO_CONTEST_CODE } from './definition.js';
import { playRound, type DemoParticipant } from './play-round.js';
import { insertDemoAttempts, recomputeUnitTallies, selectAttemptQuestions, type DemoPoolItem, type DemoRound } from './repository-demo.js';

const MINUTE = 60_000;
/** People answering right now. */
const IN_PROGRESS = 4;

interface OpenRound {
  contestId: number;
  round: DemoRound;
  pool: readonly DemoPoolItem[];
  people: readonly DemoParticipant[];
  now: Date;
}

/** Starts an attempt `minutesAgo` and saves its first three answers (the first two right). */
async function answerNow(db: Db, context: DemoContext, o: OpenRound, person: DemoParticipant, minutesAgo: number): Promise<void> {
  const startedAt = o.now.getTime() - minutesAgo * MINUTE;
  const started = await startAttempt(db, { code: DEMO_CONTEST_CODE, roundNumber: o.round.number, participantToken: person.token, contactKey: context.contactKey, now: new Date(startedAt) });
  const attemptId = readAttemptToken(context.contactKey(), started.attemptToken);
  if (attemptId === null) return;
  const keys = new Map(o.pool.map((p) => [p.versionId, p.correct]));
  const questions = await selectAttemptQuestions(db, attemptId);
  for (const [position, question] of questions.slice(0, 3).entries()) {
    const correct = keys.get(question.versionId) ?? [];
    const shown = question.optionOrder.flatMap((option, i) => (correct.includes(option) === position < 2 ? [i] : []));
    const chosen = position < 2 ? shown : shown.slice(0, 1);
    await saveAnswer(db, { token: started.attemptToken, position, chosen, contactKey: context.contactKey, now: new Date(startedAt + (position + 1) * 25_000) });
  }
}

export async function playOpenRound(db: Db, context: DemoContext, o: OpenRound): Promise<void> {
  const players = o.people.filter((p) => p.attempts[1] > 0);
  const done = players.slice(0, -IN_PROGRESS);
  const window = { week: 1 as const, from: o.round.opensAt, until: new Date(o.now.getTime() - 30 * MINUTE), seed: 1986 };
  await insertDemoAttempts(db, playRound(o.round, o.pool, done, window));
  await recomputeUnitTallies(db, o.contestId, o.round.number);
  await recomputeUnitTallies(db, o.contestId, 0);
  for (const [i, person] of players.slice(-IN_PROGRESS).entries()) await answerNow(db, context, o, person, 2 + i);
}
