import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { shuffled, type RandomInt } from '../attempts/draw.js';
import { presentQuestions } from '../attempts/present.js';
import { selectVersions, type VersionRow } from '../attempts/repository-pool.js';
import { keyMayBeShown, loadPublicContest } from '../participants/contest-cache.js';
import { practiceToken, readPracticeToken } from '../participants/tokens.js';
import { selectContestCode, selectPracticeVersionIds } from './repository.js';

/**
 * Practice (ôn tập): questions drawn in the contest's closed rounds, with the key, explanation and
 * source after each answer; unlimited, never stored, ranked or counted. Stateless: the signed
 * practice token holds the contest, a random seed and the practice pool's fingerprint; the sheet
 * (questions and option orders) is drawn again from the seed on each answer, so practice writes
 * nothing. When a round closes the pool grows: older sheets are then refused (start a new one).
 */

const SHEET_SIZE = 10;
const TTL_MS = 60_000;
const drawnCopies = new Map<string, { at: number; ids: Promise<number[]> }>();

/** Versions drawn in the closed rounds, kept a minute per set of closed rounds (it only grows when a round closes). */
function practiceVersionIds(db: Db, closedRoundIds: number[]): Promise<number[]> {
  const cacheKey = closedRoundIds.join(',');
  const copy = drawnCopies.get(cacheKey);
  if (copy && Date.now() - copy.at <= TTL_MS) return copy.ids;
  const ids = selectPracticeVersionIds(db, closedRoundIds);
  ids.catch(() => drawnCopies.delete(cacheKey));
  if (drawnCopies.size > 1_000) drawnCopies.clear();
  drawnCopies.set(cacheKey, { at: Date.now(), ids });
  return ids;
}

/** A deterministic RandomInt from a seed (practice only: nothing to guess, the key is shown anyway). */
function seededRandom(seed: string): RandomInt {
  let counter = 0;
  return (bound) => createHmac('sha256', seed).update(String(counter++)).digest().readUInt32BE(0) % bound;
}

const fingerprint = (ids: number[]) => createHash('sha256').update(ids.join(',')).digest('base64url').slice(0, 12);

async function practicePool(db: Db, code: string, now: Date) {
  const contest = await loadPublicContest(db, code);
  const closed = contest.rounds.filter((r) => keyMayBeShown(r, now)).map((r) => r.id);
  const ids = closed.length > 0 ? await practiceVersionIds(db, closed) : [];
  return { contest, ids };
}

/** The sheet of a seed: the versions picked and each one's option order. */
async function drawSheet(db: Db, ids: number[], seed: string) {
  const random = seededRandom(seed);
  const picked = shuffled(ids, random).slice(0, SHEET_SIZE);
  const versions = await selectVersions(db, picked);
  const questions = picked.flatMap((versionId) => {
    const version = versions.get(versionId);
    return version ? [{ versionId, optionOrder: shuffled(version.options.map((_, i) => i), random), version }] : [];
  });
  return questions;
}

export async function startPractice(db: Db, options: { code: string; contactKey: () => Buffer; now?: Date }) {
  const { contest, ids } = await practicePool(db, options.code, options.now ?? new Date());
  if (ids.length === 0) fail('CONTEST_PRACTICE_EMPTY');
  const seed = randomBytes(9).toString('base64url');
  const questions = await drawSheet(db, ids, seed);
  const byVersion = new Map<number, VersionRow>(questions.map((q) => [q.versionId, q.version]));
  return {
    practiceToken: practiceToken(options.contactKey(), { contestId: contest.id, seed, pool: fingerprint(ids) }),
    questions: presentQuestions(questions, (id) => byVersion.get(id) ?? { text: '', options: [], correct: [] }),
  };
}

export async function answerPractice(db: Db, options: { token: string; position: number; chosen: number[]; contactKey: () => Buffer; now?: Date }) {
  const sheet = readPracticeToken(options.contactKey(), options.token);
  if (!sheet) fail('CONTEST_PRACTICE_TOKEN_INVALID');
  const code = await selectContestCode(db, sheet.contestId);
  if (code === null) fail('CONTEST_PRACTICE_TOKEN_INVALID');
  const { ids } = await practicePool(db, code, options.now ?? new Date());
  if (fingerprint(ids) !== sheet.pool) fail('CONTEST_PRACTICE_TOKEN_INVALID');
  const question = (await drawSheet(db, ids, sheet.seed))[options.position];
  if (!question) fail('CONTEST_PRACTICE_TOKEN_INVALID');
  const correctPositions = question.optionOrder.flatMap((index, shown) => (question.version.correct.includes(index) ? [shown] : []));
  const chosen = [...new Set(options.chosen)];
  return {
    correct: chosen.length === correctPositions.length && chosen.every((c) => correctPositions.includes(c)),
    correctPositions,
    explanation: question.version.explanation,
    source: question.version.source,
  };
}
