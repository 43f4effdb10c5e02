/**
 * Reading contests for organisers: the list (contests whose organiser the actor sees, within a
 * unit's subtree) and one contest's definition with its rounds' states, closing figures and the
 * size of its bank. Round states by the server clock: scheduled, open, closed.
 */
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { formatVietnamInstant } from '../../../platform/time/index.js';
import { requireContestRole } from '../policy.js';
import { countQuestions, selectRounds, selectRoundsOf, selectUnitRefs, selectVisibleContests, type ContestRound } from './repository.js';

export type RoundState = 'scheduled' | 'open' | 'closed';

/** scheduled (now < opensAt), open (opensAt ≤ now < closesAt), closed (closesAt ≤ now). */
export function roundStateAt(round: Pick<ContestRound, 'opensAt' | 'closesAt'>, now: Date): RoundState {
  if (now.getTime() < round.opensAt.getTime()) return 'scheduled';
  return now.getTime() < round.closesAt.getTime() ? 'open' : 'closed';
}

const iso = (at: Date | null) => (at === null ? null : formatVietnamInstant(at));

export async function listContests(db: Db, options: { actor: Actor; unitId?: number | undefined; now?: Date }) {
  const now = options.now ?? new Date();
  const contests = await selectVisibleContests(db, options.actor, options.unitId);
  const rounds = await selectRoundsOf(
    db,
    contests.map((c) => c.id),
  );
  return contests.map((c) => ({
    ...c,
    rounds: rounds.filter((r) => r.contestId === c.id).map((r) => ({ number: r.number, opensAt: iso(r.opensAt) as string, closesAt: iso(r.closesAt) as string, state: roundStateAt(r, now) })),
  }));
}

function roundView(r: ContestRound, now: Date) {
  return {
    number: r.number,
    opens: iso(r.opensAt) as string,
    closes: iso(r.closesAt) as string,
    questionsPerAttempt: r.questionsPerAttempt,
    timeLimitSeconds: r.timeLimitSeconds,
    attemptsAllowed: r.attemptsAllowed,
    graceSeconds: r.graceSeconds,
    prediction: r.prediction,
    prizes: r.prizes.map((p) => ({ name: p.name, count: p.count })),
    topics: r.topics,
    state: roundStateAt(r, now),
    closedAt: iso(r.closedAt),
    officialFigure: r.officialFigure,
    officialMethod: r.officialMethod,
    resultsConfirmedAt: iso(r.resultsConfirmedAt),
  };
}

/** One contest as its definition (unit codes, so it can be sent back to PUT) plus id, organiser, round states and bank size. Viewer of the organiser. */
export async function getContest(db: Db, options: { actor: Actor; contestId: number; now?: Date }) {
  const now = options.now ?? new Date();
  const contest = await requireContestRole(db, options.actor, options.contestId, 'viewer');
  const unitIds = [contest.organiserUnitId, ...(contest.audienceUnitId === null ? [] : [contest.audienceUnitId])];
  const refs = await selectUnitRefs(db, unitIds);
  const organiser = refs.get(contest.organiserUnitId) as { id: number; code: string; name: string };
  const audienceUnit = contest.audienceUnitId === null ? undefined : refs.get(contest.audienceUnitId)?.code;
  return {
    id: contest.id,
    code: contest.code,
    title: contest.title,
    organiserUnit: organiser.code,
    organiser,
    audience: contest.audience,
    ...(audienceUnit === undefined ? {} : { audienceUnit }),
    rules: contest.rules,
    collectivePrizes: contest.collectivePrizes.map((p) => ({ name: p.name, count: p.count })),
    rounds: (await selectRounds(db, contest.id)).map((r) => roundView(r, now)),
    questionCount: await countQuestions(db, contest.id),
  };
}
