import type { Queryable } from '../../../platform/db/database.js';
import { searchKey } from '../../../platform/vn/index.js';
import { loadPublicContest, roundState } from './contest-cache.js';
import { selectPickableUnits } from './repository.js';

/** The public page of a contest: rules, rounds with their state by the server clock, and the server's instant. */
export async function getPublicContest(db: Queryable, options: { code: string; now?: Date }) {
  const now = options.now ?? new Date();
  const contest = await loadPublicContest(db, options.code);
  return {
    code: contest.code,
    title: contest.title,
    rules: contest.rules,
    organiser: { name: contest.organiserName },
    audience: contest.audience,
    rounds: contest.rounds.map((r) => ({
      number: r.number,
      opensAt: new Date(r.opensAt).toISOString(),
      closesAt: new Date(r.closesAt).toISOString(),
      questionsPerAttempt: r.questionsPerAttempt,
      timeLimitSeconds: r.timeLimitSeconds,
      attemptsAllowed: r.attemptsAllowed,
      graceSeconds: r.graceSeconds,
      prediction: r.prediction,
      prizes: r.prizes,
      state: roundState(r, now),
    })),
    serverNow: now.toISOString(),
  };
}

const UNITS_LISTED = 50;

/** Active units a participant may pick (internal contests: inside the audience subtree), searched without accents. */
export async function listContestUnits(db: Queryable, options: { code: string; q?: string }) {
  const contest = await loadPublicContest(db, options.code);
  const tokens = searchKey(options.q ?? '')
    .split(/\s+/)
    .filter((t) => t.length > 0);
  return selectPickableUnits(db, contest.audience === 'internal' ? contest.audienceRootId : null, tokens, UNITS_LISTED);
}
