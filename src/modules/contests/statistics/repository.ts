import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { ItemSums, TestSums } from './item-statistics.js';

/**
 * SQL of a round's item statistics: the sums `itemStatistics` needs, added up in ONE statement so a
 * round of a million attempts never travels to Node. First attempt = each person's non-practice
 * scored attempt started first (lowest id), as the tallies count it. An item's score is recomputed from the
 * saved answers (shown positions mapped back through the attempt's `optionOrder`; answers saved
 * after the deadline plus grace ignored) against the version's key: 1 when the chosen set equals
 * the correct set exactly.
 */
export async function selectRoundItemSums(db: Queryable, options: { roundId: number; graceSeconds: number }): Promise<{ test: TestSums; items: ItemSums[] }> {
  const rows = await db.execute<{ result: { test: TestSums; items: ItemSums[] | null } }>(sql`
    with first_ids as (
      select min(a.id) as id from contest_attempts a
      where a.round_id = ${options.roundId}::int and not a.practice and a.score is not null
      group by a.participant_id
    ),
    drawn as (
      select f.id as attempt_id, (q.item ->> 'versionId')::int as version_id, q.item -> 'optionOrder' as option_order,
             case when (f.answers -> (q.pos - 1)::text ->> 'savedAt')::timestamptz <= f.deadline_at + make_interval(secs => ${options.graceSeconds}::int)
                  then f.answers -> (q.pos - 1)::text -> 'chosen' end as shown
      from contest_attempts f cross join lateral jsonb_array_elements(f.questions) with ordinality as q(item, pos)
      where f.id in (select id from first_ids)
    ),
    keys as (
      select v.id as version_id, v.question_id, v.text, v.options, v.correct, array(select k from unnest(v.correct) k order by k) as sorted_key
      from contest_question_versions v join contest_questions q on q.id = v.question_id
      where q.contest_id = (select r.contest_id from contest_rounds r where r.id = ${options.roundId}::int)
    ),
    scored as materialized (
      select d.attempt_id, d.version_id, c.chosen, (c.chosen = k.sorted_key)::int as x
      from drawn d join keys k on k.version_id = d.version_id
      cross join lateral (
        select coalesce(array_agg(distinct (d.option_order ->> s.shown::int)::int order by (d.option_order ->> s.shown::int)::int), '{}'::int[]) as chosen
        from jsonb_array_elements_text(coalesce(d.shown, '[]'::jsonb)) s(shown)
      ) c
    ),
    totals as (select s.attempt_id, sum(s.x)::int as t, count(*)::int as k from scored s group by s.attempt_id),
    item_sums as (
      select s.version_id, count(*)::int as n, sum(s.x)::float8 as sum_x, sum(t.t)::float8 as sum_t,
             sum(t.t * t.t)::float8 as sum_tt, sum(s.x * t.t)::float8 as sum_xt
      from scored s join totals t on t.attempt_id = s.attempt_id group by s.version_id
    ),
    option_counts as materialized (
      select s.version_id, o as option, count(*)::int as count from scored s cross join lateral unnest(s.chosen) o group by s.version_id, o
    )
    select json_build_object(
      'test', (select json_build_object(
          'people', (select count(*)::int from first_ids),
          'maxScore', coalesce(max(t.k), 0),
          'sumT', coalesce(sum(t.t), 0)::float8, 'sumTT', coalesce(sum(t.t * t.t), 0)::float8,
          'median', percentile_cont(0.5) within group (order by t.t))
        from totals t),
      'items', (select json_agg(json_build_object(
          'questionId', k.question_id, 'versionId', k.version_id, 'text', k.text, 'options', k.options, 'correct', k.correct,
          'n', i.n, 'sumX', i.sum_x, 'sumT', i.sum_t, 'sumTT', i.sum_tt, 'sumXT', i.sum_xt,
          'optionCounts', (select coalesce(json_agg(coalesce(c.count, 0) order by o.idx), '[]'::json)
                           from generate_series(0, cardinality(k.options) - 1) o(idx)
                           left join option_counts c on c.version_id = k.version_id and c.option = o.idx))
          order by k.question_id, k.version_id)
        from keys k join item_sums i on i.version_id = k.version_id)
    ) as result`);
  const result = rows.rows[0]?.result;
  return { test: result?.test ?? { people: 0, maxScore: 0, sumT: 0, sumTT: 0, median: null }, items: result?.items ?? [] };
}

export type RoundItemSums = Awaited<ReturnType<typeof selectRoundItemSums>>;

/** The sums stored for a closed round by the `contests.item-statistics` job, or null. */
export async function selectStoredItemSums(db: Queryable, roundId: number): Promise<{ sums: RoundItemSums; computedAt: Date } | null> {
  const rows = await db.execute<{ sums: RoundItemSums; computed_at: string | Date }>(sql`select sums, computed_at from contest_round_item_sums where round_id = ${roundId}`);
  const row = rows.rows[0];
  return row ? { sums: row.sums, computedAt: new Date(row.computed_at) } : null;
}

/** Keeps a closed round's sums (the first stored wins: they are the same). */
export async function insertItemSums(db: Queryable, roundId: number, sums: RoundItemSums, now: Date): Promise<void> {
  await db.execute(sql`
    insert into contest_round_item_sums (round_id, sums, computed_at) values (${roundId}, ${JSON.stringify(sums)}::jsonb, ${now})
    on conflict (round_id) do nothing`);
}

/** A round's grace and whether it is closed (its attempts final). */
export async function selectRoundState(db: Queryable, roundId: number): Promise<{ graceSeconds: number; closed: boolean } | null> {
  const rows = await db.execute<{ grace_seconds: number; closed: boolean }>(sql`select grace_seconds, closed_at is not null as closed from contest_rounds where id = ${roundId}`);
  const row = rows.rows[0];
  return row ? { graceSeconds: row.grace_seconds, closed: row.closed } : null;
}
