/**
 * SQL of the weekly figures kept at write time (`consultation_figures`, `consultation_text_counts`).
 *
 * Every new submission is queued by a statement trigger on `submissions` (migrations 0005, 0007),
 * with its counting fields and the path of its receiving unit from the root (`path[1]` is the root,
 * `path[d]` the ancestor at depth d). Folding a batch of the queue adds, in one statement, each
 * submission's cells to its ancestors in the top FIGURE_MAX_DEPTH levels of the tree (national,
 * province, and the level below), and its opinions' text hashes to those in the top
 * TEXT_COUNT_MAX_DEPTH levels, then deletes the batch from the queue. Readers of a kept unit add the
 * still-queued submissions ("the tail") to the folded cells in the same statement, so figures are
 * exact at any moment: a submission is either in the queue or in the figures, never both, in every
 * snapshot. Units deeper down have small subtrees: their figures are grouped on the fly.
 * A file import folds its own submissions before it commits (repository-import.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import { rootedSubtreeCte, selectUnitDepths, subtreeIdsOf, unitPaths } from '../../../core/unit-tree/index.js';

/** Depth up to which figures are kept (1 = the root): national, provincial and the level below. */
export const FIGURE_MAX_DEPTH = 3;
/** Depth up to which text counts (identical groups) are kept: the national level and the provinces. */
export const TEXT_COUNT_MAX_DEPTH = 2;
/** The advisory lock that serialises folders (and the refold after a unit moved). */
export const FOLD_LOCK = 7407005;

/** The week (period start, a cut-off instant) of `at` for consultation row `c`, by `date_bin` from its cut-off. */
export const weekOf = (at: SQL) =>
  sql`date_bin('7 days', ${at}, ((date '2000-01-03' + (c.cutoff_weekday - 1)) + c.cutoff_time::time) at time zone 'Asia/Ho_Chi_Minh')`;

/**
 * One row per breakdown cell of each row of `source` (id = submission id, unit_id = the unit the
 * cell is counted for, week_start, channel, contributor_group, opinion_count):
 * (id, unit_id, week_start, dimension, value, n).
 */
const cellsOf = (source: SQL) => sql`
  select s.id, s.unit_id, s.week_start, 0::smallint as dimension, ''::text as value, s.opinion_count::bigint as n from ${source} s
  union all select s.id, s.unit_id, s.week_start, 1::smallint, s.channel, s.opinion_count::bigint from ${source} s
  union all select s.id, s.unit_id, s.week_start, 2::smallint, s.contributor_group, s.opinion_count::bigint from ${source} s
  union all select s.id, s.unit_id, s.week_start, 3::smallint, d.value, d.n from ${source} s join per_submission d on d.id = s.id and d.dimension = 3
  union all select s.id, s.unit_id, s.week_start, 4::smallint, d.value, d.n from ${source} s join per_submission d on d.id = s.id and d.dimension = 4`;

/**
 * Opinions per document (3) and per stance (4) of each submission of `sub`, in one pass over its
 * opinions (a submission may stand in `sub` once per scope it is counted for: distinct ids).
 * Each submission's opinions are probed through opinions_submission_idx (a lateral subquery with
 * `offset 0`, which the planner cannot turn into a join): the cost follows the number of submissions
 * in `sub`, never the size of `opinions`, whatever the statistics say (right after a bulk import a
 * hash join read every opinion, setting hint bits on every page).
 */
const perSubmission = sql`
  per_submission as materialized (
    select s.id, case when grouping(o.document_id) = 0 then 3 else 4 end as dimension,
           coalesce(o.document_id::text, o.stance) as value, count(*)::bigint as n
    from (select distinct id from sub) s
    cross join lateral (select o.document_id, o.stance from opinions o where o.submission_id = s.id offset 0) o
    group by grouping sets ((s.id, o.document_id), (s.id, o.stance)))`;

/** per_submission when `dimensions` need it (documents, stances); otherwise empty, and no opinion is read. */
const perSubmissionFor = (dimensions: readonly number[]) =>
  dimensions.some((d) => d === 3 || d === 4)
    ? perSubmission
    : sql`per_submission as (select null::bigint as id, 0 as dimension, ''::text as value, 0::bigint as n where false)`;

export interface FoldResult {
  /** False when another process was folding (nothing done). */
  locked: boolean;
  submissions: number;
}

/**
 * Folds up to `limit` queued submissions into the figures, in the caller's transaction. Folders
 * are serialised by an advisory lock (the upserts of two folders could otherwise deadlock); when
 * it is taken, returns at once with `locked: false`.
 */
export async function foldQueueBatch(tx: Queryable, limit: number, options: { statementTimeoutMs?: number } = {}): Promise<FoldResult> {
  const lock = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${FOLD_LOCK}) as ok`);
  if (!lock.rows[0]?.ok) return { locked: false, submissions: 0 };
  // A bound on the fold statement, for this transaction only (the caller retries a smaller batch).
  if (options.statementTimeoutMs !== undefined) await tx.execute(sql`select set_config('statement_timeout', ${`${Math.max(1, Math.round(options.statementTimeoutMs))}ms`}, true)`);
  const result = await tx.execute<{ submissions: number }>(sql`
    with batch as (
      delete from consultation_figure_queue
      where submission_id in (select submission_id from consultation_figure_queue order by submission_id limit ${limit})
      returning *
    ),
    sub as materialized (
      select b.submission_id as id, b.consultation_id, b.channel, b.contributor_group, b.opinion_count, b.path, ${weekOf(sql`b.submitted_at`)} as week_start
      from batch b join consultations c on c.id = b.consultation_id
    ),
    ${perSubmission},
    kept as materialized (
      select s.id, s.consultation_id, p.ancestor as unit_id, p.depth, s.week_start, s.channel, s.contributor_group, s.opinion_count
      from sub s cross join lateral unnest(s.path[1:${FIGURE_MAX_DEPTH}]) with ordinality as p(ancestor, depth)
      -- A submission queued again for some units only (after a move) has nulls where it already counts.
      where p.ancestor is not null
    ),
    cells as (${cellsOf(sql`kept`)}),
    figures as (
      insert into consultation_figures as f (consultation_id, unit_id, week_start, dimension, value, opinions, contributors)
      select s.consultation_id, c.unit_id, c.week_start, c.dimension, c.value, sum(c.n), count(*)
      from cells c join sub s on s.id = c.id
      group by s.consultation_id, c.unit_id, c.week_start, c.dimension, c.value
      on conflict (consultation_id, unit_id, week_start, dimension, value)
        do update set opinions = f.opinions + excluded.opinions, contributors = f.contributors + excluded.contributors
      returning 1
    ),
    texts as (
      select k.consultation_id, k.unit_id, k.week_start, hashtextextended(o.text_key, 0) as text_hash, count(*)::int as n
      from kept k
      -- Probed per submission, as in per_submission.
      cross join lateral (select o.text_key from opinions o where o.submission_id = k.id and o.text_key <> '' offset 0) o
      where k.depth <= ${TEXT_COUNT_MAX_DEPTH}
      group by 1, 2, 3, 4
    ),
    texts_up as (
      insert into consultation_text_counts as t (consultation_id, unit_id, week_start, text_hash, opinions)
      select consultation_id, unit_id, week_start, text_hash, n from texts
      on conflict (consultation_id, unit_id, week_start, text_hash) do update set opinions = t.opinions + excluded.opinions
      returning t.consultation_id, t.unit_id, t.week_start, t.text_hash, t.opinions
    ),
    new_groups as (
      -- A text becomes a group when its count crosses from below 2 to 2 or more.
      select u.consultation_id, u.unit_id, u.week_start, count(*) as groups
      from texts_up u join texts d on d.consultation_id = u.consultation_id and d.unit_id = u.unit_id and d.week_start = u.week_start and d.text_hash = u.text_hash
      where u.opinions >= 2 and u.opinions - d.n < 2
      group by 1, 2, 3
    ),
    groups_up as (
      insert into consultation_figures as f (consultation_id, unit_id, week_start, dimension, value, opinions, contributors)
      select consultation_id, unit_id, week_start, 5, '', groups, 0 from new_groups
      on conflict (consultation_id, unit_id, week_start, dimension, value) do update set opinions = f.opinions + excluded.opinions
      returning 1
    )
    select (select count(*)::int from sub) as submissions,
           (select count(*) from figures) + (select count(*) from groups_up) as cells`);
  return { locked: true, submissions: result.rows[0]?.submissions ?? 0 };
}

/** Whether `error` is PostgreSQL cancelling a statement (statement_timeout), directly or as a wrapped cause. */
export function isStatementTimeout(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return (e?.code ?? e?.cause?.code) === '57014';
}

/**
 * Refreshes the planner's statistics of the tables a bulk import writes (in the caller's
 * transaction: ANALYZE counts the transaction's own new rows, and the statistics commit with
 * them). Without it, the statements that fold and read the weekly figures are planned on the
 * statistics of before the import until autovacuum comes round.
 */
export async function analyzeImportedTables(tx: Queryable): Promise<void> {
  await tx.execute(sql`analyze submissions, opinions, consultation_figure_queue, submission_contacts`);
}

/** The same for the tables the import's own fold changed (after it, the queue holds only the other writers' rows). */
export async function analyzeFoldedTables(tx: Queryable): Promise<void> {
  await tx.execute(sql`analyze consultation_figure_queue, consultation_figures, consultation_text_counts`);
}

/** Queues every submission of a consultation again after deleting its figures (a rebuild along the current tree). */
export async function requeueConsultation(tx: Queryable, consultationId: number): Promise<number> {
  await tx.execute(sql`delete from consultation_figures where consultation_id = ${consultationId}`);
  await tx.execute(sql`delete from consultation_text_counts where consultation_id = ${consultationId}`);
  await tx.execute(sql`delete from consultation_figure_queue where consultation_id = ${consultationId}`);
  const queued = await tx.execute(sql`
    insert into consultation_figure_queue (submission_id, consultation_id, unit_id, channel, contributor_group, opinion_count, submitted_at, path)
    select s.id, s.consultation_id, s.unit_id, s.channel, s.contributor_group, s.opinion_count, s.submitted_at, p.path
    from submissions s
    join ${unitPaths(sql`(select array_agg(distinct unit_id) from submissions where consultation_id = ${consultationId})`)} p on p.unit_id = s.unit_id
    where s.consultation_id = ${consultationId}`);
  return queued.rowCount ?? 0;
}

export async function queueLength(db: Queryable): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from consultation_figure_queue`);
  return result.rows[0]?.n ?? 0;
}

export interface FigureCell {
  unitId: number;
  /** Epoch milliseconds of the week's start. */
  weekStart: number;
  dimension: number;
  value: string;
  opinions: number;
  contributors: number;
}

interface CellQuery {
  consultationId: number;
  unitIds: readonly number[];
  from: Date;
  to: Date;
  dimensions: readonly number[];
}

type CellRow = { unit_id: number; week_ms: number; dimension: number; value: string; opinions: number; contributors: number };

const toCell = (r: CellRow): FigureCell => ({
  unitId: r.unit_id,
  weekStart: Number(r.week_ms),
  dimension: r.dimension,
  value: r.value,
  opinions: Number(r.opinions),
  contributors: Number(r.contributors),
});

/**
 * The cells of `dimensions` for each of `unitIds` (each for its whole subtree) and each week that
 * starts in [from, to): for units in the top FIGURE_MAX_DEPTH levels, the folded figures plus the
 * queued tail; for deeper (small) subtrees, grouped from their submissions.
 */
export async function selectFigureCells(db: Queryable, options: CellQuery): Promise<FigureCell[]> {
  if (options.unitIds.length === 0) return [];
  const depths = await selectUnitDepths(db, options.unitIds);
  const kept = options.unitIds.filter((id) => (depths.get(id) ?? Infinity) <= FIGURE_MAX_DEPTH);
  const deep = options.unitIds.filter((id) => (depths.get(id) ?? Infinity) > FIGURE_MAX_DEPTH);
  return [...(kept.length > 0 ? await selectKeptFigureCells(db, { ...options, unitIds: kept }) : []), ...(deep.length > 0 ? await scanFigureCells(db, { ...options, unitIds: deep }) : [])];
}

/** Cells of small subtrees, grouped on the fly from their submissions and opinions. */
async function scanFigureCells(db: Queryable, options: CellQuery): Promise<FigureCell[]> {
  const { consultationId, from, to } = options;
  const result = await db.execute<CellRow>(sql`
    with recursive ${rootedSubtreeCte('tree', sql`${pgArray(options.unitIds)}::int[]`)},
    sub as materialized (
      select s.id, t.root as unit_id, s.channel, s.contributor_group, s.opinion_count, ${weekOf(sql`s.submitted_at`)} as week_start
      from tree t
      join submissions s on s.unit_id = t.id and s.consultation_id = ${consultationId} and s.submitted_at >= ${from} and s.submitted_at < ${to}
      join consultations c on c.id = s.consultation_id
    ),
    ${perSubmissionFor(options.dimensions)},
    cells as (${cellsOf(sql`sub`)})
    select unit_id, (extract(epoch from week_start) * 1000)::float8 as week_ms, dimension, value, sum(n)::bigint as opinions, count(*)::bigint as contributors
    from cells where dimension = any(${pgArray(options.dimensions)}::smallint[])
    group by unit_id, week_start, dimension, value`);
  return result.rows.map(toCell);
}

/** Folded figures plus the queued tail, in one statement. */
async function selectKeptFigureCells(db: Queryable, options: CellQuery): Promise<FigureCell[]> {
  const { consultationId, from, to } = options;
  const units = pgArray(options.unitIds);
  const dimensions = pgArray(options.dimensions);
  const result = await db.execute<CellRow>(sql`
    with sub as materialized (
      select q.submission_id as id, q.channel, q.contributor_group, q.opinion_count, q.path, ${weekOf(sql`q.submitted_at`)} as week_start
      from consultation_figure_queue q join consultations c on c.id = q.consultation_id
      where q.consultation_id = ${consultationId} and q.submitted_at >= ${from} and q.submitted_at < ${to} and q.path && ${units}::int[]
    ),
    ${perSubmissionFor(options.dimensions)},
    scoped as materialized (
      select s.id, p.ancestor as unit_id, s.week_start, s.channel, s.contributor_group, s.opinion_count
      from sub s cross join lateral unnest(s.path) as p(ancestor)
      where p.ancestor = any(${units}::int[])
    ),
    tail as (
      select c.unit_id, c.week_start, c.dimension, c.value, sum(c.n) as opinions, count(*) as contributors
      from (${cellsOf(sql`scoped`)}) c
      where c.dimension = any(${dimensions}::smallint[])
      group by 1, 2, 3, 4
    )
    select unit_id, (extract(epoch from week_start) * 1000)::float8 as week_ms, dimension, value,
           sum(opinions)::bigint as opinions, sum(contributors)::bigint as contributors
    from (
      select unit_id, week_start, dimension, value, opinions, contributors
      from consultation_figures
      where consultation_id = ${consultationId} and unit_id = any(${units}::int[]) and week_start >= ${from} and week_start < ${to}
        and dimension = any(${dimensions}::smallint[])
      union all
      select unit_id, week_start, dimension, value, opinions, contributors from tail
    ) x
    group by unit_id, week_start, dimension, value`);
  return result.rows.map(toCell);
}

/**
 * Identical-opinion groups of a unit's subtree for one week: from the text counts for the top
 * TEXT_COUNT_MAX_DEPTH levels, grouped on the fly below (small subtrees).
 */
export async function selectIdenticalGroups(db: Queryable, week: { consultationId: number; unitId: number; weekStart: Date; weekEnd: Date }): Promise<number> {
  const depth = (await selectUnitDepths(db, [week.unitId])).get(week.unitId) ?? Infinity;
  return depth <= TEXT_COUNT_MAX_DEPTH ? selectKeptIdenticalGroups(db, week) : scanIdenticalGroups(db, week);
}

/**
 * Identical-opinion groups of a unit kept in the text counts (depth ≤ TEXT_COUNT_MAX_DEPTH) for one
 * week: the folded count plus the groups the queued tail completes.
 */
async function selectKeptIdenticalGroups(db: Queryable, options: { consultationId: number; unitId: number; weekStart: Date; weekEnd: Date }): Promise<number> {
  const { consultationId, unitId, weekStart, weekEnd } = options;
  const result = await db.execute<{ groups: number }>(sql`
    with tail as (
      select hashtextextended(o.text_key, 0) as text_hash, count(*)::int as n
      from consultation_figure_queue q
      -- Probed per queued submission, as in per_submission.
      cross join lateral (select o.text_key from opinions o where o.submission_id = q.submission_id and o.text_key <> '' offset 0) o
      where q.consultation_id = ${consultationId} and q.submitted_at >= ${weekStart} and q.submitted_at < ${weekEnd}
        and q.path @> array[${unitId}::int]
      group by 1
    )
    select
      coalesce((select opinions from consultation_figures
                where consultation_id = ${consultationId} and unit_id = ${unitId} and week_start = ${weekStart} and dimension = 5 and value = ''), 0)
      + (select count(*) from tail t
         left join consultation_text_counts k
           on k.consultation_id = ${consultationId} and k.unit_id = ${unitId} and k.week_start = ${weekStart} and k.text_hash = t.text_hash
         where coalesce(k.opinions, 0) < 2 and coalesce(k.opinions, 0) + t.n >= 2) as groups`);
  return Number(result.rows[0]?.groups ?? 0);
}

/** Identical-opinion groups of a (small) subtree for one week, grouped on the fly from its opinions. */
async function scanIdenticalGroups(db: Queryable, options: { consultationId: number; unitId: number; weekStart: Date; weekEnd: Date }): Promise<number> {
  const { consultationId, unitId, weekStart, weekEnd } = options;
  const result = await db.execute<{ groups: number }>(sql`
    select count(*)::int as groups from (
      select o.text_key from submissions s
      -- Each submission's opinions by opinions_submission_idx (offset 0: never a scan of all opinions).
      cross join lateral (select o.text_key from opinions o where o.submission_id = s.id and o.text_key <> '' offset 0) o
      where s.consultation_id = ${consultationId}
        and s.unit_id in ${subtreeIdsOf(sql`select ${unitId}::int`)}
        and s.submitted_at >= ${weekStart} and s.submitted_at < ${weekEnd}
      group by o.text_key having count(*) >= 2) g`);
  return result.rows[0]?.groups ?? 0;
}

/**
 * The weeks (start instants) in which each consultation received anything, from the folded totals of
 * the root units and the queued tail: what the week pickers mark as holding data.
 */
export async function selectWeeksWithData(db: Queryable): Promise<Map<number, Set<number>>> {
  const result = await db.execute<{ consultation_id: number; week_start: string | Date }>(sql`
    -- Every submission is counted for its root unit (path[1]): the roots' totals cover every week.
    select distinct f.consultation_id, f.week_start from consultation_figures f
    where f.unit_id in (select id from units where parent_id is null) and f.dimension = ${0} and f.contributors > 0
    union
    select distinct q.consultation_id, ${weekOf(sql`q.submitted_at`)} from consultation_figure_queue q join consultations c on c.id = q.consultation_id`);
  const weeks = new Map<number, Set<number>>();
  for (const r of result.rows) {
    const set = weeks.get(r.consultation_id) ?? new Set<number>();
    set.add(new Date(r.week_start).getTime());
    weeks.set(r.consultation_id, set);
  }
  return weeks;
}
