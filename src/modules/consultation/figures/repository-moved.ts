/**
 * SQL of the refold after a unit moved in the tree (see figures-repository.ts for the figures).
 * Figures are added up along each submission's ancestors when it is folded, so a move leaves the
 * kept figures of the old and new ancestors, and of the moved subtree itself, counting along the
 * old tree. Those units ("affected") are recomputed: their figures and text counts are deleted,
 * and every submission under them is queued again with a path that holds only the affected units
 * — nulls stand where the submission already counts — so the fold adds it to them alone.
 */
import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import { subtreeCte, unitPaths } from '../../../core/unit-tree/index.js';
import { FOLD_LOCK } from './repository.js';

/** The affected units of a move: the moved subtree and the ancestors in one path but not the other. */
export async function selectAffectedUnits(db: Queryable, move: { unitId: number; fromPath: readonly number[] }): Promise<number[]> {
  const result = await db.execute<{ id: number }>(sql`
    with recursive ${subtreeCte('under', sql`select ${move.unitId}::int`)},
    now_path as (select unnest(path) as id from ${unitPaths(sql`array[${move.unitId}::int]`)})
    select id from under
    union select id from now_path where id <> ${move.unitId} and id <> all(${pgArray(move.fromPath)}::int[])
    union select id from unnest(${pgArray(move.fromPath)}::int[]) id where id not in (select id from now_path)`);
  return result.rows.map((r) => r.id);
}

/** Consultations with at least one submission received in the subtree of `unitId`. */
export async function selectConsultationsWithSubmissionsUnder(db: Queryable, unitId: number): Promise<number[]> {
  const result = await db.execute<{ id: number }>(sql`
    with recursive ${subtreeCte('under', sql`select ${unitId}::int`)}
    select c.id from consultations c
    where exists (select 1 from submissions s where s.consultation_id = c.id and s.unit_id in (select id from under))
    order by c.id`);
  return result.rows.map((r) => r.id);
}

/**
 * Deletes the kept figures of `unitIds` for a consultation and queues again every submission under
 * them for those units only (a submission still queued keeps the ancestors it still waits for, on
 * its current path). Waits for the fold lock, so no folder runs meanwhile. Returns the submissions queued.
 */
export async function requeueForUnits(tx: Queryable, options: { consultationId: number; unitIds: readonly number[] }): Promise<number> {
  const { consultationId } = options;
  const affected = pgArray(options.unitIds);
  await tx.execute(sql`select pg_advisory_xact_lock(${FOLD_LOCK})`);
  await tx.execute(sql`delete from consultation_figures where consultation_id = ${consultationId} and unit_id = any(${affected}::int[])`);
  await tx.execute(sql`delete from consultation_text_counts where consultation_id = ${consultationId} and unit_id = any(${affected}::int[])`);
  const queued = await tx.execute(sql`
    with recursive ${subtreeCte('under', sql`select unnest(${affected}::int[])`)}
    insert into consultation_figure_queue as q (submission_id, consultation_id, unit_id, channel, contributor_group, opinion_count, submitted_at, path)
    select s.id, s.consultation_id, s.unit_id, s.channel, s.contributor_group, s.opinion_count, s.submitted_at,
           array(select case when x = any(${affected}::int[]) or waiting.path[i] = x then x end
                 from unnest(p.path) with ordinality as t(x, i) order by i)
    from ${unitPaths(sql`array(select id from under)`)} p
    join submissions s on s.consultation_id = ${consultationId} and s.unit_id = p.unit_id
    left join consultation_figure_queue waiting on waiting.submission_id = s.id
    on conflict (submission_id) do update set unit_id = excluded.unit_id, path = excluded.path`);
  return queued.rowCount ?? 0;
}
