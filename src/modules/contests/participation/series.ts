import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db } from '../../../platform/db/database.js';
import { loadContest } from './participation.js';
import { selectRoundSeries } from './repository.js';

/** One round's figures of a unit's subtree, for the participation charts (the web app draws them). */
export interface RoundSeriesPoint {
  number: number;
  attempts: number;
  people: number;
  perfectScores: number;
  participationRate: number | null;
  meanFirstAttemptScore: number | null;
}

/** Every round of the contest in order (rounds nobody took part in yet give zeros), for U's whole subtree. */
export async function participationSeries(db: Db, options: { actor: Actor; contestId: number; unitId?: number }): Promise<RoundSeriesPoint[]> {
  const contest = await loadContest(db, { id: options.contestId });
  const unitId = options.unitId ?? contest.organiserUnitId;
  await requireUnitRole(db, options.actor, [unitId], 'viewer');
  const rows = await selectRoundSeries(db, { contestId: contest.id, unitId });
  return rows.map((r) => ({
    number: r.number,
    attempts: r.attempts,
    people: r.people,
    perfectScores: r.perfectScores,
    participationRate: r.headcount !== null && r.headcount > 0 ? r.people / r.headcount : null,
    meanFirstAttemptScore: r.people > 0 ? r.firstAttemptScoreSum / r.people : null,
  }));
}
