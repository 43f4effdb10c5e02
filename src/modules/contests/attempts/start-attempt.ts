import type { Db } from '../../../platform/db/database.js';
import { fail, invariant } from '../../../platform/errors.js';
import { findRound, loadPublicContest, roundState } from '../participants/contest-cache.js';
import { attemptToken, readParticipantToken } from '../participants/tokens.js';
import { drawQuestions } from './draw.js';
import { loadRoundPool } from './pool.js';
import { presentAttempt, viInstant } from './present.js';
import { insertAttempt, selectPersonAttempts } from './repository.js';
import { attemptDeadline } from './scoring.js';

const isUniqueViolation = (error: unknown) => (error as { code?: string; cause?: { code?: string } }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505';

/** The participant a token names, checked against the contest. */
export function participantOf(key: Buffer, token: string | undefined, contestId: number): number {
  const read = token ? readParticipantToken(key, token) : null;
  if (!read || read.contestId !== contestId) fail('CONTEST_PARTICIPANT_TOKEN_INVALID');
  return read.participantId;
}

/**
 * Starts an attempt while the round is open: draws the form from the round's pool (cached), takes
 * the next attempt number atomically (refused past the allowed number: 429
 * CONTEST_ATTEMPTS_EXHAUSTED), deadline = min(start + time limit, close).
 */
export async function startAttempt(db: Db, options: { code: string; roundNumber: number; participantToken: string | undefined; contactKey: () => Buffer; clientKey?: string | null; now?: Date }) {
  const now = options.now ?? new Date();
  const key = options.contactKey();
  const contest = await loadPublicContest(db, options.code);
  const participantId = participantOf(key, options.participantToken, contest.id);
  const round = findRound(contest, options.roundNumber);
  if (roundState(round, now) !== 'open') fail('CONTEST_ROUND_NOT_OPEN', { number: round.number, opensAt: viInstant(new Date(round.opensAt)), closesAt: viInstant(new Date(round.closesAt)) });
  const earlier = await selectPersonAttempts(db, participantId);
  if (earlier.filter((a) => a.roundId === round.id).length >= round.attemptsAllowed) fail('CONTEST_ATTEMPTS_EXHAUSTED', { allowed: round.attemptsAllowed });
  const pool = await loadRoundPool(db, { id: round.id, contestId: contest.id, topics: round.topics });
  if (pool.items.length === 0) fail('CONTEST_POOL_EMPTY');
  const seen = new Set(earlier.flatMap((a) => a.questions.map((q) => pool.questionOfVersion.get(q.versionId) ?? -1)));
  const questions = drawQuestions(pool.items, seen, round.questionsPerAttempt);
  const deadlineAt = attemptDeadline(now, round.timeLimitSeconds, new Date(round.closesAt));
  let stored: { id: number; number: number } | null = null;
  for (let tries = 0; ; tries++) {
    try {
      stored = await insertAttempt(db, { roundId: round.id, participantId, allowed: round.attemptsAllowed, questions, startedAt: now, deadlineAt, clientKey: options.clientKey ?? null });
      break;
    } catch (error) {
      // Another start of the same person took this number: try the next one.
      if (!isUniqueViolation(error) || tries >= round.attemptsAllowed) throw error;
    }
  }
  if (!stored) fail('CONTEST_ATTEMPTS_EXHAUSTED', { allowed: round.attemptsAllowed });
  const attempt = presentAttempt(
    {
      id: stored.id,
      roundId: round.id,
      participantId,
      contestId: contest.id,
      number: stored.number,
      questions,
      answers: {},
      prediction: null,
      startedAt: now,
      deadlineAt,
      submittedAt: null,
      score: null,
      maxScore: questions.length,
      durationMs: null,
      roundNumber: round.number,
      attemptsAllowed: round.attemptsAllowed,
      attemptsUsed: stored.number,
      graceSeconds: round.graceSeconds,
      predictionKind: round.prediction,
      closesAt: new Date(round.closesAt),
      closedAt: null,
    },
    (versionId) => {
      const version = pool.byVersion.get(versionId);
      invariant(version !== undefined, 'drawn version is in the pool');
      return version;
    },
    now,
  );
  return { attemptToken: attemptToken(key, stored.id), attempt };
}
