import type { Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { shuffled } from '../attempts/draw.js';
import { presentQuestions } from '../attempts/present.js';
import { selectVersions } from '../attempts/repository-pool.js';
import { keyMayBeShown, loadPublicContest } from '../participants/contest-cache.js';
import { practiceToken, readPracticeToken } from '../participants/tokens.js';
import { selectPracticeVersionIds } from './repository.js';

/**
 * Practice (ôn tập): questions drawn in the contest's closed rounds, with the key, explanation and
 * source after each answer; unlimited, never stored, ranked or counted. Stateless: the practice
 * sheet (contest, versions, option orders) travels in a signed token, so practice writes nothing.
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

interface Sheet {
  c: number;
  /** [versionId, ...optionOrder] per position. */
  q: number[][];
}

const isSheet = (value: unknown): value is Sheet =>
  typeof value === 'object' && value !== null && typeof (value as Sheet).c === 'number' && Array.isArray((value as Sheet).q) && (value as Sheet).q.every((q) => Array.isArray(q) && q.every(Number.isInteger));

export async function startPractice(db: Db, options: { code: string; contactKey: () => Buffer; now?: Date }) {
  const now = options.now ?? new Date();
  const contest = await loadPublicContest(db, options.code);
  const closed = contest.rounds.filter((r) => keyMayBeShown(r, now)).map((r) => r.id);
  const ids = closed.length > 0 ? await practiceVersionIds(db, closed) : [];
  if (ids.length === 0) fail('CONTEST_PRACTICE_EMPTY');
  const picked = shuffled(ids).slice(0, SHEET_SIZE);
  const versions = await selectVersions(db, picked);
  const questions = picked.flatMap((versionId) => {
    const version = versions.get(versionId);
    return version ? [{ versionId, optionOrder: shuffled(version.options.map((_, i) => i)) }] : [];
  });
  const sheet: Sheet = { c: contest.id, q: questions.map((q) => [q.versionId, ...q.optionOrder]) };
  return {
    practiceToken: practiceToken(options.contactKey(), sheet),
    questions: presentQuestions(questions, (id) => versions.get(id) ?? { text: '', options: [], correct: [] }),
  };
}

export async function answerPractice(db: Db, options: { token: string; position: number; chosen: number[]; contactKey: () => Buffer }) {
  const sheet = readPracticeToken(options.contactKey(), options.token);
  const entry = isSheet(sheet) ? sheet.q[options.position] : undefined;
  if (!entry || entry.length < 1) fail('CONTEST_PRACTICE_TOKEN_INVALID');
  const [versionId, ...optionOrder] = entry as [number, ...number[]];
  const version = (await selectVersions(db, [versionId])).get(versionId);
  if (!version) fail('CONTEST_PRACTICE_TOKEN_INVALID');
  const correctPositions = optionOrder.flatMap((index, shown) => (version.correct.includes(index) ? [shown] : []));
  const chosen = [...new Set(options.chosen)];
  return {
    correct: chosen.length === correctPositions.length && chosen.every((c) => correctPositions.includes(c)),
    correctPositions,
    explanation: version.explanation,
    source: version.source,
  };
}
