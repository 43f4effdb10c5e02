/**
 * SQL of the fold a file import runs on its own submissions before it commits (see repository.ts
 * for the figures and the folder).
 *
 * A queue that the folder works through batch by batch made every report right after a large import
 * add the whole import as its queued tail (issue 9, item 6: national reports 0.7–3.5 s in the first
 * minute after 1,000,000 opinions, against 0.5 s). The import therefore never queues its submissions:
 * it adds their breakdown cells, which it adds up in its own process (import/import-figures.ts), and
 * their text counts, set-based from the opinions it has just copied (read once by the range of their
 * primary key), in its own transaction.
 */
import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import { FOLD_LOCK, weekOf } from './repository.js';

/** Memory for the sorts and hash tables of the import's fold, for the rest of its transaction. */
const IMPORT_FOLD_WORK_MEM = '256MB';

/** The last value handed out by the identity sequence of `opinions.id` (0 before the first). */
export async function lastOpinionId(tx: Queryable): Promise<number> {
  const result = await tx.execute<{ id: string | null }>(sql`select pg_sequence_last_value(pg_get_serial_sequence('opinions', 'id')::regclass) as id`);
  return Number(result.rows[0]?.id ?? 0);
}

export interface ImportFold {
  consultationId: number;
  /** The breakdown cells (dimensions 0–4) of the import's submissions, added up per kept unit, week and value. */
  cells: { unitIds: number[]; weekStarts: Date[]; dimensions: number[]; values: string[]; opinions: number[]; contributors: number[] };
  /** The ids the import's COPY drew for its opinions lie in (after, upTo]. */
  opinionIds: { after: number; upTo: number };
  /** Each receiving unit's root and province (its ancestor at depth 2, null for a root) — the levels text counts are kept for. */
  heads: { unitIds: number[]; roots: number[]; provinces: (number | null)[] };
}

/**
 * Adds an import's submissions to the weekly figures and text counts. Waits for the fold lock (a
 * folder upserting the same cells could otherwise deadlock with it) and holds it to the commit.
 */
export async function foldImport(tx: Queryable, fold: ImportFold): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${FOLD_LOCK})`);
  // The text counts' aggregates hold an import's worth of opinions: in memory, not spilled to disk in 4 MB pieces.
  await tx.execute(sql`select set_config('work_mem', ${IMPORT_FOLD_WORK_MEM}, true)`);
  const { consultationId, cells } = fold;
  await tx.execute(sql`
    insert into consultation_figures as f (consultation_id, unit_id, week_start, dimension, value, opinions, contributors)
    select ${consultationId}, c.unit_id, c.week_start, c.dimension, c.value, c.opinions, c.contributors
    from unnest(${pgArray(cells.unitIds)}::int[], ${pgArray(cells.weekStarts.map((d) => d.toISOString()))}::timestamptz[], ${pgArray(cells.dimensions)}::smallint[],
                ${pgArray(cells.values)}::text[], ${pgArray(cells.opinions)}::bigint[], ${pgArray(cells.contributors)}::bigint[])
         as c(unit_id, week_start, dimension, value, opinions, contributors)
    on conflict (consultation_id, unit_id, week_start, dimension, value)
      do update set opinions = f.opinions + excluded.opinions, contributors = f.contributors + excluded.contributors`);
  await foldImportedTexts(tx, fold);
}

/**
 * The import's opinions' text hashes, added to the text counts of the top two levels (national and
 * province, TEXT_COUNT_MAX_DEPTH); a count crossing 2 adds an identical-opinion group. The opinions
 * are grouped once per province, week and text, then those rows per root: no row per opinion and
 * ancestor. `xmin` (this transaction) sets the import's opinions apart from a web submission's in the
 * same id range (queued by the trigger); the planner cannot estimate that predicate and would sort a
 * million rows it thinks are a few thousand, so sorting is off for this statement.
 */
async function foldImportedTexts(tx: Queryable, { consultationId, opinionIds, heads }: ImportFold): Promise<void> {
  await tx.execute(sql`select set_config('enable_sort', 'off', true)`);
  await tx.execute(sql`
    with heads as (
      select * from unnest(${pgArray(heads.unitIds)}::int[], ${pgArray(heads.roots)}::int[], ${pgArray(heads.provinces.map((p) => p ?? 0))}::int[]) as h(unit_id, root, province)
    ),
    ops as (
      select h.root, h.province, ${weekOf(sql`o.submitted_at`)} as week_start, hashtextextended(o.text_key, 0) as text_hash, count(*)::int as n
      from opinions o join heads h on h.unit_id = o.unit_id join consultations c on c.id = o.consultation_id
      where o.id > ${opinionIds.after} and o.id <= ${opinionIds.upTo} and o.consultation_id = ${consultationId}
        and o.xmin = pg_current_xact_id()::xid and o.text_key <> ''
      group by 1, 2, 3, 4
    ),
    texts as (
      select province as unit_id, week_start, text_hash, sum(n)::int as n from ops where province <> 0 group by 1, 2, 3
      union all
      select root, week_start, text_hash, sum(n)::int from ops group by 1, 2, 3
    ),
    texts_up as (
      insert into consultation_text_counts as t (consultation_id, unit_id, week_start, text_hash, opinions)
      -- In the key's order: the index grows page after page instead of at random places (a third of the time).
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
    )
    insert into consultation_figures as f (consultation_id, unit_id, week_start, dimension, value, opinions, contributors)
    select ${consultationId}, unit_id, week_start, 5, '', groups, 0 from new_groups
    on conflict (consultation_id, unit_id, week_start, dimension, value) do update set opinions = f.opinions + excluded.opinions`);
  await tx.execute(sql`select set_config('enable_sort', 'on', true)`);
}
