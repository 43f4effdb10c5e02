import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db } from '../../../platform/db/database.js';
import type { CollectivePrize } from '../types.js';
import { loadContest, participationOf, roundKey, type UnitParticipation } from './participation.js';
import { selectOwnAndChildren } from './repository.js';

/**
 * Collective prizes (giải tập thể): the direct children of a unit (the organiser by default; another
 * level by naming its parent) ranked by participation rate, then mean first-attempt score — never by
 * raw attempts. Equal rate and mean share a rank (1, 1, 3) and the prize of that rank. Units without
 * a headcount cannot have a rate: they are listed last, unranked, with a note; units nobody from took
 * part in are ranked but win no prize.
 */

export interface CollectiveRankingRow {
  rank: number | null;
  unit: { id: number; code: string; name: string };
  attempts: number;
  people: number;
  headcount: number | null;
  participationRate: number | null;
  meanFirstAttemptScore: number | null;
  prize: string | null;
  note: string | null;
}

export const NO_HEADCOUNT_NOTE = 'Đơn vị chưa khai báo số người (quân số) nên chưa tính được tỷ lệ tham gia; xếp cuối, không xét giải tập thể.';

const byRateThenMean = (a: UnitParticipation, b: UnitParticipation): number =>
  (b.participationRate ?? 0) - (a.participationRate ?? 0) || (b.meanFirstAttemptScore ?? -1) - (a.meanFirstAttemptScore ?? -1) || a.code.localeCompare(b.code);

const tied = (a: UnitParticipation, b: UnitParticipation) => a.participationRate === b.participationRate && a.meanFirstAttemptScore === b.meanFirstAttemptScore;

/** The prize of the ladder's slot `rank` (1-based): prizes fill ranks in order, each `count` slots. */
function prizeAt(prizes: readonly CollectivePrize[], rank: number): string | null {
  let slot = rank;
  for (const prize of prizes) {
    if (slot <= prize.count) return prize.name;
    slot -= prize.count;
  }
  return null;
}

const rowOf = (u: UnitParticipation, rank: number | null, prize: string | null, note: string | null): CollectiveRankingRow => ({
  rank,
  unit: { id: u.unitId, code: u.code, name: u.name },
  attempts: u.attempts,
  people: u.people,
  headcount: u.headcount,
  participationRate: u.participationRate,
  meanFirstAttemptScore: u.meanFirstAttemptScore,
  prize,
  note,
});

/** Pure: the ranking of `units` with the collective prize ladder. */
export function rankUnits(units: readonly UnitParticipation[], prizes: readonly CollectivePrize[]): CollectiveRankingRow[] {
  const rated = units.filter((u) => u.participationRate !== null).sort(byRateThenMean);
  const unrated = units.filter((u) => u.participationRate === null).sort((a, b) => a.code.localeCompare(b.code));
  const ranked = rated.map((u, i) => {
    let rank = i + 1;
    for (let j = i - 1; j >= 0 && tied(rated[j] as UnitParticipation, u); j -= 1) rank = j + 1;
    return rowOf(u, rank, u.people > 0 ? prizeAt(prizes, rank) : null, null);
  });
  return [...ranked, ...unrated.map((u) => rowOf(u, null, null, NO_HEADCOUNT_NOTE))];
}

export async function collectiveRanking(db: Db, options: { actor: Actor; contestId: number; round?: number; unitId?: number }): Promise<CollectiveRankingRow[]> {
  const contest = await loadContest(db, { id: options.contestId });
  const parentId = options.unitId ?? contest.organiserUnitId;
  await requireUnitRole(db, options.actor, [parentId], 'viewer');
  const roundId = await roundKey(db, contest.id, options.round);
  const { children } = await selectOwnAndChildren(db, { contestId: contest.id, roundId, unitId: parentId });
  return rankUnits(children.map(participationOf), contest.collectivePrizes);
}
