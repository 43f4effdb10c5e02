import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { selectContest, selectRound, selectUnitIdByCode, type ContestRef } from './repository-contest.js';
import { selectOwnAndChildren, type UnitFigureRow } from './repository.js';

/**
 * Participation of a unit's subtree in a contest (issue 14 item 6): attempts, distinct people,
 * people with at least one perfect score, the headcount (sum of `unit_headcounts` over the subtree,
 * null when none is set), the participation rate = people ÷ headcount (null without a headcount)
 * and the mean first-attempt score — for U and for each direct child (its whole subtree). Attempts
 * are never presented as people. Any viewer of U may read it (never persons, only counts).
 */

export interface UnitParticipation {
  unitId: number;
  code: string;
  name: string;
  attempts: number;
  people: number;
  perfectScores: number;
  headcount: number | null;
  /** people ÷ headcount (0–1, may pass 1 when people outside the roster take part); null without a headcount. */
  participationRate: number | null;
  /** Mean score of each person's first attempt (points); null when nobody took part. */
  meanFirstAttemptScore: number | null;
}

export interface ParticipationReport extends UnitParticipation {
  contest: { id: number; code: string; title: string };
  /** The round's number; 0 = the whole contest (people counted once over every round). */
  round: number;
  children: UnitParticipation[];
}

export function participationOf(row: UnitFigureRow): UnitParticipation {
  return {
    unitId: row.id,
    code: row.code,
    name: row.name,
    attempts: row.attempts,
    people: row.people,
    perfectScores: row.perfectScores,
    headcount: row.headcount,
    participationRate: row.headcount !== null && row.headcount > 0 ? row.people / row.headcount : null,
    meanFirstAttemptScore: row.people > 0 ? row.firstAttemptScoreSum / row.people : null,
  };
}

/** U's subtree = U's own row + its children's subtrees. */
function subtreeTotal(own: UnitFigureRow, children: UnitFigureRow[]): UnitFigureRow {
  const all = [own, ...children];
  const sum = (pick: (r: UnitFigureRow) => number) => all.reduce((total, r) => total + pick(r), 0);
  const heads = all.filter((r) => r.headcount !== null);
  return {
    ...own,
    attempts: sum((r) => r.attempts),
    people: sum((r) => r.people),
    perfectScores: sum((r) => r.perfectScores),
    firstAttemptScoreSum: sum((r) => r.firstAttemptScoreSum),
    headcount: heads.length === 0 ? null : heads.reduce((total, r) => total + (r.headcount ?? 0), 0),
  };
}

export async function loadContest(db: Db, key: { id: number } | { code: string }): Promise<ContestRef> {
  const contest = await selectContest(db, key);
  if (!contest) fail('CONTEST_NOT_FOUND', 'code' in key ? { code: key.code } : { id: key.id });
  return contest;
}

/** The tallies' round key: the round's id, or 0 for the whole contest (no round given, or round 0). */
export async function roundKey(db: Db, contestId: number, round: number | undefined): Promise<number> {
  if (round === undefined || round === 0) return 0;
  const found = await selectRound(db, contestId, round);
  if (!found) fail('CONTEST_ROUND_NOT_FOUND', { number: round });
  return found.id;
}

export async function contestParticipation(db: Db, options: { actor: Actor; contestId: number; unitId?: number; round?: number }): Promise<ParticipationReport> {
  const contest = await loadContest(db, { id: options.contestId });
  return participationOfContest(db, { actor: options.actor, contest, unitId: options.unitId ?? contest.organiserUnitId, round: options.round });
}

/** The same by codes, as `lantoa contests participation --contest CODE --unit UNIT_CODE [--round N]` names them. */
export async function participationByCodes(db: Db, options: { actor: Actor; contestCode: string; unitCode: string; round?: number }): Promise<ParticipationReport> {
  const contest = await loadContest(db, { code: options.contestCode });
  const unitId = await selectUnitIdByCode(db, options.unitCode);
  if (unitId === null) fail('UNIT_NOT_FOUND', { code: options.unitCode });
  return participationOfContest(db, { actor: options.actor, contest, unitId, round: options.round });
}

async function participationOfContest(db: Db, options: { actor: Actor; contest: ContestRef; unitId: number; round: number | undefined }): Promise<ParticipationReport> {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  const roundId = await roundKey(db, options.contest.id, options.round);
  const { own, children } = await selectOwnAndChildren(db, { contestId: options.contest.id, roundId, unitId: options.unitId });
  if (!own) fail('UNIT_OUT_OF_SCOPE');
  const { id, code, title } = options.contest;
  return { contest: { id, code, title }, round: options.round ?? 0, ...participationOf(subtreeTotal(own, children)), children: children.map(participationOf) };
}
