/**
 * Data of the contests benchmark, written set-based (generate_series) in the attempt operations'
 * format: PEOPLE participants spread over the tree's units, ATTEMPTS submitted and scored attempts
 * of a closed round (each person 1–7 attempts, numbers 1..k; scores 0–10 with about 3 % perfect),
 * the unit tallies recomputed from them, and a headcount on every unit.
 */
import type pg from 'pg';

/** `count` public participants of the contest over `unitIds` (spread by a stride); returns the first id (ids are consecutive). */
export async function insertBenchParticipants(pool: pg.Pool, contestId: number, count: number, unitIds: number[]): Promise<number> {
  const result = await pool.query<{ first: number }>(
    `with inserted as (
       insert into contest_participants (contest_id, display_name, unit_id, participant_group, phone_key, phone_masked, consent_at, created_at)
       select $1, 'Người dự thi ' || g, ($3::int[])[1 + ((g::bigint * 7919) % cardinality($3::int[]))::int], 'dang-vien',
         'bench:' || g, '0912***' || lpad((g % 1000)::text, 3, '0'), now() - interval '8 days', now() - interval '8 days'
       from generate_series(1, $2::int) g
       returning id)
     select min(id)::int as first from inserted`,
    [contestId, count, unitIds],
  );
  return result.rows[0]?.first as number;
}

/**
 * `attempts` submitted attempts in the round opened at `opensAt` for `spanSeconds`: attempt g
 * belongs to person (g − 1) mod people with number (g − 1) div people + 1, so the first
 * attempts − people·⌊attempts/people⌋ people have one attempt more. Every attempt carries the same
 * ten-question form (the closing computation and the ranking read scores, not forms).
 */
export async function insertBenchAttempts(
  pool: pg.Pool,
  options: { roundId: number; firstParticipantId: number; people: number; attempts: number; opensAt: Date; spanSeconds: number; form: unknown },
): Promise<void> {
  const { roundId, firstParticipantId, people, attempts, opensAt, spanSeconds, form } = options;
  const chunk = 250_000;
  for (let from = 1; from <= attempts; from += chunk) {
    const to = Math.min(attempts, from + chunk - 1);
    await pool.query(
      `insert into contest_attempts (round_id, participant_id, unit_id, number, practice, questions, answers, prediction, started_at, deadline_at, submitted_at, score, max_score, duration_ms)
       select $1, p.id, p.unit_id, s.n, false, $5::jsonb, '{}'::jsonb, s.prediction, s.started, s.started + interval '600 seconds',
         s.started + make_interval(secs => s.duration_ms / 1000.0), s.score, 10, s.duration_ms
       from (
         select g, $2::int + ((g - 1) % $3::int) as participant_id, ((g - 1) / $3::int) + 1 as n,
           least(10, (floor(random() * 6) + floor(random() * 6))::int) as score,
           (30000 + random() * 570000)::int as duration_ms,
           case when random() < 0.9 then (random() * 60000)::int end as prediction,
           $6::timestamptz + make_interval(secs => random() * $7::float8) as started
         from generate_series($8::int, $4::int) g
       ) s join contest_participants p on p.id = s.participant_id`,
      [roundId, firstParticipantId, people, to, JSON.stringify(form), opensAt.toISOString(), spanSeconds, from],
    );
  }
}

/** A headcount (party members, 20–800) on every unit. */
export async function insertBenchHeadcounts(pool: pg.Pool): Promise<void> {
  await pool.query(`insert into unit_headcounts (unit_id, headcount) select id, 20 + (id * 37) % 781 from units on conflict (unit_id) do nothing`);
}

/** The round's id by contest and number. */
export async function roundIdOf(pool: pg.Pool, contestId: number, number: number): Promise<number> {
  const result = await pool.query<{ id: number }>('select id from contest_rounds where contest_id = $1 and number = $2', [contestId, number]);
  return result.rows[0]?.id as number;
}

/** Undoes a round's closing computation so it can be timed again (results, flags, figures, unfinished attempts stay scored). */
export async function reopenRound(pool: pg.Pool, roundId: number): Promise<void> {
  await pool.query('delete from contest_round_results where round_id = $1', [roundId]);
  await pool.query('delete from contest_flags where round_id = $1', [roundId]);
  await pool.query('update contest_rounds set closed_at = null, official_figure = null, official_method = null, flags_computed_at = null where id = $1', [roundId]);
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement inside a transaction rolled back (for statements that write). */
export async function explainRolledBack(pool: pg.Pool, text: string, params: unknown[]): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${text}`, params);
    return result.rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback').catch(() => undefined);
    client.release();
  }
}
