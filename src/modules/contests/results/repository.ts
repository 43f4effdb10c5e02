/** SQL of a round's results: the round with its contest, pages of the ranking, the prize window, flags. */
import { sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import type { PredictionKind, Prize } from '../types.js';

export interface ResultsRound {
  id: number;
  number: number;
  contest: { id: number; code: string; title: string; audience: string; organiser: { id: number; code: string; name: string } };
  closesAt: Date;
  graceSeconds: number;
  prediction: PredictionKind;
  prizes: Prize[];
  closedAt: Date | null;
  officialFigure: number | null;
  officialMethod: string | null;
  attempts: number | null;
  people: number | null;
  perfectScores: number | null;
  resultsConfirmedAt: Date | null;
  flagsComputedAt: Date | null;
}

type Row = {
  id: number; number: number; contest_id: number; code: string; title: string; audience: string; organiser_id: number; organiser_code: string; organiser_name: string;
  closes_at: Date; grace_seconds: number; prediction: PredictionKind; prizes: Prize[]; closed_at: Date | null; official_figure: number | null; official_method: string | null;
  result_attempts: number | null; result_people: number | null; result_perfect_scores: number | null; results_confirmed_at: Date | null; flags_computed_at: Date | null;
};

const at = (v: Date | string | null) => (v === null ? null : new Date(v));

async function selectRound(db: Queryable, where: SQL): Promise<ResultsRound | undefined> {
  const { rows } = await db.execute<Row>(sql`
    select r.id, r.number, c.id as contest_id, c.code, c.title, c.audience, u.id as organiser_id, u.code as organiser_code, u.name as organiser_name,
      r.closes_at, r.grace_seconds, r.prediction, r.prizes, r.closed_at, r.official_figure, r.official_method,
      r.result_attempts, r.result_people, r.result_perfect_scores, r.results_confirmed_at, r.flags_computed_at
    from contest_rounds r join contests c on c.id = r.contest_id join units u on u.id = c.organiser_unit_id
    where ${where}`);
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    number: r.number,
    contest: { id: r.contest_id, code: r.code, title: r.title, audience: r.audience, organiser: { id: r.organiser_id, code: r.organiser_code, name: r.organiser_name } },
    closesAt: at(r.closes_at)!,
    graceSeconds: r.grace_seconds,
    prediction: r.prediction,
    prizes: r.prizes,
    closedAt: at(r.closed_at),
    officialFigure: r.official_figure,
    officialMethod: r.official_method,
    attempts: r.result_attempts,
    people: r.result_people,
    perfectScores: r.result_perfect_scores,
    resultsConfirmedAt: at(r.results_confirmed_at),
    flagsComputedAt: at(r.flags_computed_at),
  };
}

export const selectRoundByContestId = (db: Queryable, contestId: number, number: number) => selectRound(db, sql`c.id = ${contestId} and r.number = ${number}`);
export const selectRoundByCode = (db: Queryable, code: string, number: number) => selectRound(db, sql`c.code = ${code} and r.number = ${number}`);
export const selectRoundById = (db: Queryable, roundId: number) => selectRound(db, sql`r.id = ${roundId}`);

export async function contestExists(db: Queryable, where: { id?: number; code?: string }): Promise<boolean> {
  const cond = where.id !== undefined ? sql`id = ${where.id}` : sql`code = ${where.code ?? ''}`;
  const { rows } = await db.execute(sql`select 1 from contests where ${cond}`);
  return rows.length > 0;
}

export interface RankedRow {
  rank: number;
  participantId: number;
  attemptId: number;
  name: string;
  unit: string;
  phoneMasked: string | null;
  score: number;
  maxScore: number;
  prediction: number | null;
  durationMs: number;
  submittedAt: Date;
  excluded: boolean;
}

type RankedDbRow = { rank: number; participant_id: number; attempt_id: string | number; name: string; unit: string; phone_masked: string | null; score: number; max_score: number; prediction: number | null; duration_ms: number; submitted_at: Date; excluded: boolean };

const toRanked = (r: RankedDbRow): RankedRow => ({
  rank: r.rank,
  participantId: r.participant_id,
  attemptId: Number(r.attempt_id),
  name: r.name,
  unit: r.unit,
  phoneMasked: r.phone_masked,
  score: r.score,
  maxScore: r.max_score,
  prediction: r.prediction,
  durationMs: r.duration_ms,
  submittedAt: new Date(r.submitted_at),
  excluded: r.excluded,
});

async function selectRanked(db: Queryable, roundId: number, where: SQL, limit: number): Promise<RankedRow[]> {
  const { rows } = await db.execute<RankedDbRow>(sql`
    select rr.rank, rr.participant_id, rr.attempt_id, p.display_name as name, u.name as unit, p.phone_masked, rr.score, a.max_score, a.prediction, rr.duration_ms, rr.submitted_at, rr.excluded
    from contest_round_results rr
    join contest_participants p on p.id = rr.participant_id
    join units u on u.id = rr.unit_id
    join contest_attempts a on a.id = rr.attempt_id
    where rr.round_id = ${roundId} and ${where}
    order by rr.rank limit ${limit}`);
  return rows.map(toRanked);
}

/** Ranks after `afterRank`, best first (keyset on the (round_id, rank) index). */
export const selectRankingPage = (db: Queryable, roundId: number, afterRank: number, limit: number) => selectRanked(db, roundId, sql`rr.rank > ${afterRank}`, limit);

/** The first `slots` people not excluded: the prize window. */
export const selectPrizeWindow = (db: Queryable, roundId: number, slots: number) => selectRanked(db, roundId, sql`not rr.excluded`, slots);

/** One person's row of the ranking. */
export async function selectRankOf(db: Queryable, roundId: number, participantId: number): Promise<RankedRow | undefined> {
  return (await selectRanked(db, roundId, sql`rr.participant_id = ${participantId}`, 1))[0];
}

/** People named by a flag of the round that is not cleared (pending or excluded). */
export async function selectFlaggedParticipantIds(db: Queryable, roundId: number): Promise<Set<number>> {
  const { rows } = await db.execute<{ id: number }>(sql`
    select distinct unnest(participant_ids) as id from contest_flags where round_id = ${roundId} and decision is distinct from 'cleared'`);
  return new Set(rows.map((r) => r.id));
}

/** The participants among `ids` (for a participant token's person). */
export async function selectParticipantsOfContest(db: Queryable, contestId: number, ids: readonly number[]): Promise<number[]> {
  const { rows } = await db.execute<{ id: number }>(sql`select id from contest_participants where contest_id = ${contestId} and id = any(${pgArray(ids)}::int[])`);
  return rows.map((r) => r.id);
}
