/**
 * SQL of the fold a file import runs on its own submissions before it commits (see repository.ts
 * for the figures and the folder).
 *
 * A queue that the folder works through batch by batch made every report right after a large import
 * add the whole import as its queued tail (issue 9, item 6: national reports 0.7–3.5 s in the first
 * minute after 1,000,000 opinions, against 0.5 s). The import therefore folds what it wrote in its
 * own transaction: the same cells and text counts as `foldQueueBatch`, but set-based — the opinions
 * it has just copied are read once by a range of their primary key and joined by hash, and
 * submissions are added up per unit path and week before being spread over their ancestors —
 * where the folder probes each submission's opinions (right for small batches, 20 times slower
 * for an import's hundreds of thousands).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import { FIGURE_MAX_DEPTH, FOLD_LOCK, TEXT_COUNT_MAX_DEPTH, weekOf } from './repository.js';

/** Memory for the sorts and hash tables of the import's fold, for the rest of its transaction. */
const IMPORT_FOLD_WORK_MEM = '256MB';

/** The last value handed out by the identity sequence of `opinions.id` (0 before the first). */
export async function lastOpinionId(tx: Queryable): Promise<number> {
  const result = await tx.execute<{ id: string | null }>(sql`select pg_sequence_last_value(pg_get_serial_sequence('opinions', 'id')::regclass) as id`);
  return Number(result.rows[0]?.id ?? 0);
}

/**
 * Folds the submissions this transaction queued for a consultation into its figures and text
 * counts, and takes them off the queue; their opinions have ids in (`after`, `upTo`], drawn by the
 * import's COPY. Waits for the fold lock (a folder upserting the same cells could otherwise
 * deadlock with it) and holds it to the commit. Returns the submissions folded.
 */
export async function foldImportedSubmissions(tx: Queryable, options: { consultationId: number; opinionIds: { after: number; upTo: number } }): Promise<number> {
  const { consultationId, opinionIds } = options;
  await tx.execute(sql`select pg_advisory_xact_lock(${FOLD_LOCK})`);
  // Its aggregates hold an import's worth of submissions: in memory, not spilled in 4 MB pieces to disk.
  await tx.execute(sql`select set_config('work_mem', ${IMPORT_FOLD_WORK_MEM}, true)`);
  const result = await tx.execute<{ submissions: number }>(sql`
    with batch as (
      -- This transaction's queue rows only (the import queues its submissions itself).
      delete from consultation_figure_queue q
      where q.consultation_id = ${consultationId} and q.xmin = pg_current_xact_id()::xid
      returning q.submission_id, q.channel, q.contributor_group, q.opinion_count, q.path, q.submitted_at
    ),
    sub as materialized (
      -- top: the deepest kept ancestor, an int key to add up by (its path, heads below, is the same for all).
      select b.submission_id as id, b.path[least(cardinality(b.path), ${FIGURE_MAX_DEPTH})] as top, b.path[1:${FIGURE_MAX_DEPTH}] as head,
             ${weekOf(sql`b.submitted_at`)} as week_start, b.channel, b.contributor_group, b.opinion_count
      from batch b join consultations c on c.id = ${consultationId}
    ),
    heads as (select distinct on (top) top, head from sub),
    ops as materialized (
      select s.id, s.top, s.week_start, o.document_id, o.stance,
             case when o.text_key <> '' then hashtextextended(o.text_key, 0) end as text_hash
      from opinions o join sub s on s.id = o.submission_id
      where o.id > ${opinionIds.after} and o.id <= ${opinionIds.upTo} and o.consultation_id = ${consultationId}
    ),
    per_submission as (
      select top, week_start, case when grouping(document_id) = 0 then 3 else 4 end as dimension,
             coalesce(document_id::text, stance) as value, count(*)::bigint as n
      from ops group by grouping sets ((id, top, week_start, document_id), (id, top, week_start, stance))
    ),
    cells as (
      select top, week_start, 0::smallint as dimension, ''::text as value, sum(opinion_count)::bigint as opinions, count(*)::bigint as contributors from sub group by 1, 2
      union all select top, week_start, 1::smallint, channel, sum(opinion_count)::bigint, count(*)::bigint from sub group by 1, 2, 4
      union all select top, week_start, 2::smallint, contributor_group, sum(opinion_count)::bigint, count(*)::bigint from sub group by 1, 2, 4
      union all select top, week_start, dimension::smallint, value, sum(n)::bigint, count(*)::bigint from per_submission group by 1, 2, 3, 4
    ),
    figures as (
      insert into consultation_figures as f (consultation_id, unit_id, week_start, dimension, value, opinions, contributors)
      select ${consultationId}, p.ancestor, c.week_start, c.dimension, c.value, sum(c.opinions), sum(c.contributors)
      from cells c join heads h on h.top = c.top cross join lateral unnest(h.head) as p(ancestor)
      group by p.ancestor, c.week_start, c.dimension, c.value
      on conflict (consultation_id, unit_id, week_start, dimension, value)
        do update set opinions = f.opinions + excluded.opinions, contributors = f.contributors + excluded.contributors
      returning 1
    ),
    texts as (
      select p.ancestor as unit_id, t.week_start, t.text_hash, sum(t.n)::int as n
      from (select top, week_start, text_hash, count(*) as n from ops where text_hash is not null group by 1, 2, 3) t
      join heads h on h.top = t.top cross join lateral unnest(h.head[1:${TEXT_COUNT_MAX_DEPTH}]) as p(ancestor)
      group by 1, 2, 3
    ),
    texts_up as (
      insert into consultation_text_counts as t (consultation_id, unit_id, week_start, text_hash, opinions)
      -- In the key's order: the index grows page after page instead of at random places.
      select ${consultationId}, unit_id, week_start, text_hash, n from texts order by unit_id, week_start, text_hash
      on conflict (consultation_id, unit_id, week_start, text_hash) do update set opinions = t.opinions + excluded.opinions
      returning t.unit_id, t.week_start, t.text_hash, t.opinions
    ),
    new_groups as (
      -- A text becomes a group when its count crosses from below 2 to 2 or more.
      select u.unit_id, u.week_start, count(*) as groups
      from texts_up u join texts d on d.unit_id = u.unit_id and d.week_start = u.week_start and d.text_hash = u.text_hash
      where u.opinions >= 2 and u.opinions - d.n < 2
      group by 1, 2
    ),
    groups_up as (
      insert into consultation_figures as f (consultation_id, unit_id, week_start, dimension, value, opinions, contributors)
      select ${consultationId}, unit_id, week_start, 5, '', groups, 0 from new_groups
      on conflict (consultation_id, unit_id, week_start, dimension, value) do update set opinions = f.opinions + excluded.opinions
      returning 1
    )
    select (select count(*)::int from sub) as submissions, (select count(*) from figures) + (select count(*) from groups_up) as cells`);
  return result.rows[0]?.submissions ?? 0;
}
