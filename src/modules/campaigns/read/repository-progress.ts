import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import { unitPaths } from '../../../core/unit-tree/index.js';
import { taskStatusSql, type CampaignTaskStatus } from '../status.js';

/**
 * SQL of a campaign's progress for a unit's subtree. The tasks of the campaign whose unit lies in
 * the subtree are found by walking UP from the tasks' units (`unit_paths`: a few levels per unit),
 * never down the (100,000-unit) tree; each task's grid row is the unit's ancestor right below the
 * unit asked (or the unit itself). Each task then brings its cascade: the tasks of implementing
 * plans that point to it through `parent_task_id`, recursively, read from `campaign_task_totals`
 * (never from the activities).
 */

export interface ProgressTaskRow {
  taskId: number;
  assignmentId: number;
  unitId: number;
  rowUnitId: number;
  status: CampaignTaskStatus;
  dueAt: Date | null;
  doneAt: Date | null;
  /** The task's own activities. */
  ownActivities: number;
  /** The units of the task and of its implementing tasks below (distinct), and those that acted (an activity, or done). */
  familyUnitIds: number[];
  actedUnitIds: number[];
  /** Activities and quantities over the task and its implementing tasks. */
  activities: number;
  quantities: Record<string, number>;
}

export async function selectProgressTasks(db: Queryable, options: { campaignId: number; unitId: number; now: Date }): Promise<ProgressTaskRow[]> {
  const { campaignId, unitId, now } = options;
  const result = await db.execute<{
    id: number; assignment_id: number; unit_id: number; row_unit: number; status: CampaignTaskStatus; due_at: Date | null; done_at: Date | null;
    activities: number; quantities: Record<string, number> | null;
  }>(sql`
    select t.id, t.assignment_id, t.unit_id, t.due_at, t.done_at, coalesce(tt.activities, 0)::int as activities, tt.quantities, ${taskStatusSql(now)} as status,
      case when p.path[cardinality(p.path)] = ${unitId}::int then ${unitId}::int
           else p.path[array_position(p.path, ${unitId}::int) + 1] end as row_unit
    from ${unitPaths(sql`(select array_agg(distinct x.unit_id) from campaign_tasks x where x.campaign_id = ${campaignId})`)} p
    join campaign_tasks t on t.unit_id = p.unit_id and t.campaign_id = ${campaignId}
    left join campaign_task_totals tt on tt.task_id = t.id
    where ${unitId}::int = any(p.path)
    order by t.assignment_id, t.unit_id`);
  const rows = result.rows.map((r) => ({
    taskId: r.id, assignmentId: r.assignment_id, unitId: r.unit_id, rowUnitId: r.row_unit, status: r.status,
    dueAt: r.due_at === null ? null : new Date(r.due_at), doneAt: r.done_at === null ? null : new Date(r.done_at),
    ownActivities: r.activities, familyUnitIds: [r.unit_id], actedUnitIds: r.activities > 0 || r.done_at !== null ? [r.unit_id] : [],
    activities: r.activities, quantities: { ...(r.quantities ?? {}) },
  }));
  await addCascade(db, rows);
  return rows;
}

/**
 * Adds to each task what the implementing plans' tasks below it hold (parent_task_id, recursively):
 * their units (each once), those that acted, their activities and quantities. One statement for
 * all the tasks; the adding up is done here (a national plan's 3,321 tasks without a cascade cost
 * one index probe each).
 */
async function addCascade(db: Queryable, rows: ProgressTaskRow[]): Promise<void> {
  if (rows.length === 0) return;
  const below = await db.execute<{ root: number; unit_id: number; acted: boolean; activities: number; quantities: Record<string, number> | null }>(sql`
    with recursive fam(root, id) as (
      select c.parent_task_id, c.id from campaign_tasks c where c.parent_task_id = any(${pgArray(rows.map((r) => r.taskId))}::int[])
      union all
      select fam.root, c.id from campaign_tasks c join fam on c.parent_task_id = fam.id
    )
    select fam.root, x.unit_id, (x.done_at is not null or coalesce(xt.activities, 0) > 0) as acted, coalesce(xt.activities, 0)::int as activities, xt.quantities
    from fam join campaign_tasks x on x.id = fam.id left join campaign_task_totals xt on xt.task_id = x.id`);
  if (below.rows.length === 0) return;
  const byTask = new Map(rows.map((r) => [r.taskId, { row: r, units: new Set(r.familyUnitIds), acted: new Set(r.actedUnitIds) }]));
  for (const b of below.rows) {
    const entry = byTask.get(b.root);
    if (!entry) continue;
    entry.units.add(b.unit_id);
    if (b.acted) entry.acted.add(b.unit_id);
    entry.row.activities += b.activities;
    for (const [kind, n] of Object.entries(b.quantities ?? {})) entry.row.quantities[kind] = (entry.row.quantities[kind] ?? 0) + Number(n);
  }
  for (const { row, units, acted } of byTask.values()) {
    row.familyUnitIds = [...units];
    row.actedUnitIds = [...acted];
  }
}

/** The campaign's assignments (its tasks' columns), in order. */
export async function selectAssignmentHeads(db: Queryable, campaignId: number): Promise<{ id: number; position: number; text: string }[]> {
  const result = await db.execute<{ id: number; position: number; text: string }>(
    sql`select id, position, text from campaign_assignments where campaign_id = ${campaignId} order by position, id`,
  );
  return result.rows;
}

export interface SortedUnit {
  id: number;
  code: string;
  name: string;
  sortOrder: number;
}

/** Units by id, in the tree's sibling order (sort_order, name, id). */
export async function selectSortedUnits(db: Queryable, ids: readonly number[]): Promise<SortedUnit[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ id: number; code: string; name: string; sort_order: number }>(
    sql`select id, code, name, sort_order from units where id = any(${pgArray([...new Set(ids)])}::int[]) order by sort_order, name, id`,
  );
  return result.rows.map((r) => ({ id: r.id, code: r.code, name: r.name, sortOrder: r.sort_order }));
}
