/** SQL of the closing computation: the round under lock, unscored attempts, the figures, the ranking. */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { PredictionKind } from '../types.js';
import type { RoundFigures } from './official-method.js';

export interface ClosingRound {
  id: number;
  contestId: number;
  organiserUnitId: number;
  number: number;
  closesAt: Date;
  graceSeconds: number;
  prediction: PredictionKind;
  closedAt: Date | null;
}

type RoundRow = { id: number; contest_id: number; organiser_unit_id: number; number: number; closes_at: Date; grace_seconds: number; prediction: PredictionKind; closed_at: Date | null };

/** The round with its contest's organiser, locked for the closing transaction (`forUpdate`). */
export async function selectRoundForClosing(db: Queryable, roundId: number, forUpdate: boolean): Promise<ClosingRound | undefined> {
  const lock = forUpdate ? sql`for update of r` : sql``;
  const { rows } = await db.execute<RoundRow>(sql`
    select r.id, r.contest_id, c.organiser_unit_id, r.number, r.closes_at, r.grace_seconds, r.prediction, r.closed_at
    from contest_rounds r join contests c on c.id = r.contest_id where r.id = ${roundId} ${lock}`);
  const r = rows[0];
  if (!r) return undefined;
  const at = (v: Date | string | null) => (v === null ? null : new Date(v));
  return { id: r.id, contestId: r.contest_id, organiserUnitId: r.organiser_unit_id, number: r.number, closesAt: at(r.closes_at)!, graceSeconds: r.grace_seconds, prediction: r.prediction, closedAt: at(r.closed_at) };
}

/** Rounds not closed whose closing instant (closesAt + grace) is at or before `now`. */
export async function selectDueRoundIds(db: Queryable, now: Date): Promise<number[]> {
  const { rows } = await db.execute<{ id: number }>(sql`
    select id from contest_rounds
    where closed_at is null and closes_at + make_interval(secs => grace_seconds) <= ${now.toISOString()}::timestamptz
    order by closes_at, id`);
  return rows.map((r) => r.id);
}

/**
 * ONE pass over the round's scored attempts (not practice) into a temporary table dropped at commit:
 * each person's best attempt (highest score, the first submitted on ties, then the lowest id), with
 * how many attempts the person made and whether any of them was perfect. The figures and the ranking
 * then read this table (one row per person) instead of scanning the attempts again. The sort gets
 * room in memory for this transaction only (a million attempts spilled 33 MB to disk otherwise).
 */
export async function selectBestAttempts(db: Queryable, roundId: number): Promise<void> {
  await db.execute(sql`select set_config('work_mem', '256MB', true)`);
  await db.execute(sql`drop table if exists contest_closing_best`);
  await db.execute(sql`
    create temporary table contest_closing_best on commit drop as
    select participant_id, id, score, submitted_at, unit_id, prediction, duration_ms, attempts, perfect
    from (
      select a.participant_id, a.id, a.score, a.submitted_at, a.unit_id, a.prediction,
        coalesce(a.duration_ms, (extract(epoch from (least(a.submitted_at, a.deadline_at) - a.started_at)) * 1000)::int) as duration_ms,
        row_number() over w as n,
        count(*) over p as attempts,
        bool_or(a.score = a.max_score) over p as perfect
      from contest_attempts a
      where a.round_id = ${roundId} and not a.practice and a.submitted_at is not null and a.score is not null
      window p as (partition by a.participant_id), w as (partition by a.participant_id order by a.score desc, a.submitted_at asc, a.id asc)
    ) x
    where n = 1`);
}

/** Scored attempts, distinct people, people with at least one perfect score — from `selectBestAttempts`' table. */
export async function countRoundFigures(db: Queryable): Promise<RoundFigures> {
  const { rows } = await db.execute<{ attempts: number; people: number; perfectScores: number }>(sql`
    select coalesce(sum(attempts), 0)::int as attempts, count(*)::int as people, count(*) filter (where perfect)::int as "perfectScores"
    from contest_closing_best`);
  return rows[0] ?? { attempts: 0, people: 0, perfectScores: 0 };
}

/**
 * The ranking, in one statement over `selectBestAttempts`' table (each person's best attempt),
 * ordered by score desc, |prediction − figure| asc (no prediction last), duration asc, submission
 * instant asc, attempt id asc; rank = row number.
 */
export async function insertRoundRanking(db: Queryable, roundId: number, figure: number): Promise<number> {
  const result = await db.execute(sql`
    insert into contest_round_results (round_id, participant_id, attempt_id, rank, score, prediction_distance, duration_ms, submitted_at, unit_id)
    select ${roundId}, b.participant_id, b.id,
      row_number() over (order by b.score desc, b.distance asc nulls last, b.duration_ms asc, b.submitted_at asc, b.id asc),
      b.score, b.distance, b.duration_ms, b.submitted_at, b.unit_id
    from (select *, abs(prediction::bigint - ${figure}::bigint) as distance from contest_closing_best) b`);
  return result.rowCount ?? 0;
}

export async function markRoundClosed(db: Queryable, input: { roundId: number; closedAt: Date; figure: number; method: string; figures: RoundFigures }): Promise<void> {
  const { roundId, closedAt, figure, method, figures } = input;
  await db.execute(sql`
    update contest_rounds set closed_at = ${closedAt.toISOString()}::timestamptz, official_figure = ${figure}, official_method = ${method},
      result_attempts = ${figures.attempts}, result_people = ${figures.people}, result_perfect_scores = ${figures.perfectScores}
    where id = ${roundId}`);
}
