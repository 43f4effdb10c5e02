/**
 * A closed round's results for the organiser: the figures, the official figure with its method and
 * cut-off, and the ranking of people (a page of it, or all of it page by page), each with the prize
 * the ladder gives (excluded people skipped) and whether a flag not cleared names them.
 */
import type { Actor } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { cutOffOf } from '../closing/close-round.js';
import { requireOrganiserRole } from './policy.js';
import { prizeSlots, assignPrizes } from './prizes.js';
import { contestExists, selectFlaggedParticipantIds, selectPrizeWindow, selectRankingPage, selectRoundByCode, selectRoundByContestId, type RankedRow, type ResultsRound } from './repository.js';

export interface RankingEntry {
  rank: number;
  name: string;
  unit: string;
  score: number;
  prediction: number | null;
  durationSeconds: number;
  submittedAt: string;
  phoneMasked: string | null;
  prize: string | null;
  flagged: boolean;
  excluded: boolean;
}

export interface RoundResultsHead {
  round: number;
  closesAt: string;
  cutOff: string;
  attempts: number;
  people: number;
  perfectScores: number;
  officialFigure: number;
  officialMethod: string;
  total: number;
  confirmedAt: string | null;
}

export type RoundAddress = { contestId: number; number: number } | { contestCode: string; number: number };

/** The closed round at an address, after checking the actor's role on its organiser. */
export async function closedRoundFor(db: Queryable, actor: Actor, address: RoundAddress, minimum: 'viewer' | 'editor'): Promise<ResultsRound> {
  const round = 'contestId' in address ? await selectRoundByContestId(db, address.contestId, address.number) : await selectRoundByCode(db, address.contestCode, address.number);
  if (!round) {
    const exists = 'contestId' in address ? await contestExists(db, { id: address.contestId }) : await contestExists(db, { code: address.contestCode });
    fail(exists ? 'CONTEST_ROUND_NOT_FOUND' : 'CONTEST_NOT_FOUND', { number: address.number });
  }
  await requireOrganiserRole(db, actor, round.contest.organiser.id, minimum);
  if (!round.closedAt) fail('CONTEST_ROUND_NOT_CLOSED');
  return round;
}

export function resultsHead(round: ResultsRound): RoundResultsHead {
  return {
    round: round.number,
    closesAt: round.closesAt.toISOString(),
    cutOff: cutOffOf(round).toISOString(),
    attempts: round.attempts ?? 0,
    people: round.people ?? 0,
    perfectScores: round.perfectScores ?? 0,
    officialFigure: round.officialFigure ?? 0,
    officialMethod: round.officialMethod ?? '',
    total: round.people ?? 0,
    confirmedAt: round.resultsConfirmedAt?.toISOString() ?? null,
  };
}

/** What a page needs besides its rows: the prize of each person of the prize window, the flagged people. */
export async function rankingContext(db: Queryable, round: ResultsRound): Promise<{ prizes: Map<number, string>; flagged: Set<number> }> {
  const window = await selectPrizeWindow(db, round.id, prizeSlots(round.prizes).length);
  return { prizes: assignPrizes(round.prizes, window), flagged: await selectFlaggedParticipantIds(db, round.id) };
}

export function rankingEntry(row: RankedRow, context: { prizes: Map<number, string>; flagged: Set<number> }): RankingEntry {
  return {
    rank: row.rank,
    name: row.name,
    unit: row.unit,
    score: row.score,
    prediction: row.prediction,
    durationSeconds: row.durationMs / 1000,
    submittedAt: row.submittedAt.toISOString(),
    phoneMasked: row.phoneMasked,
    prize: context.prizes.get(row.participantId) ?? null,
    flagged: context.flagged.has(row.participantId),
    excluded: row.excluded,
  };
}

/** The head and one page of the ranking (ranks offset+1 … offset+limit). */
export async function getRoundResults(db: Queryable, input: { actor: Actor; address: RoundAddress; offset: number; limit: number }): Promise<RoundResultsHead & { winners: RankingEntry[] }> {
  const round = await closedRoundFor(db, input.actor, input.address, 'viewer');
  const context = await rankingContext(db, round);
  const rows = await selectRankingPage(db, round.id, input.offset, input.limit);
  return { ...resultsHead(round), winners: rows.map((r) => rankingEntry(r, context)) };
}

/** Every ranked person, best first, page by page (for the CLI, the XLSX): memory stays one page. */
export async function* eachRankingPage(db: Queryable, round: ResultsRound, pageSize = 5_000): AsyncGenerator<RankingEntry[]> {
  const context = await rankingContext(db, round);
  let after = 0;
  for (;;) {
    const rows = await selectRankingPage(db, round.id, after, pageSize);
    if (rows.length === 0) return;
    yield rows.map((r) => rankingEntry(r, context));
    after = rows[rows.length - 1]!.rank;
  }
}
