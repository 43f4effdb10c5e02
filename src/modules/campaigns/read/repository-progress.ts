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
    own_activities: number; family_units: number[]; acted_units: number[] | null; activities: number; quantities: Record<string, number> | null;
  }>(sql`
    with recursive ct as (
      select t.id, t.assignment_id, t.unit_id, t.due_at, t.done_at, coalesce(tt.activities, 0) as own_activities, ${taskStatusSql(now)} as status,
        case when p.path[cardinality(p.path)] = ${unitId}::int then ${unitId}::int
             else p.path[array_position(p.path, ${unitId}::int) + 1] end as row_unit
      from campaign_tasks t
      left join campaign_task_totals tt on tt.task_id = t.id
      join ${unitPaths(sql`(select array_agg(distinct x.unit_id) from campaign_tasks x where x.campaign_id = ${campaignId})`)} p on p.unit_id = t.unit_id
      where t.campaign_id = ${campaignId} and ${unitId}::int = any(p.path)
    ),
    fam(root, id) as (
      select ct.id, ct.id from ct
      union all
      select fam.root, c.id from campaign_tasks c join fam on c.parent_task_id = fam.id
    ),
    fam_rows as (
      select fam.root, x.unit_id, (x.done_at is not null or coalesce(xt.activities, 0) > 0) as acted,
        coalesce(xt.activities, 0) as activities, coalesce(xt.quantities, '{}'::jsonb) as quantities
      from fam join campaign_tasks x on x.id = fam.id left join campaign_task_totals xt on xt.task_id = x.id
    ),
    fam_units as (
      select root, array_agg(distinct unit_id) as family_units, array_agg(distinct unit_id) filter (where acted) as acted_units,
        sum(activities)::int as activities
      from fam_rows group by root
    ),
    fam_quantities as (
      select root, jsonb_object_agg(key, total) as quantities
      from (select f.root, e.key, sum(e.value::numeric) as total from fam_rows f, jsonb_each_text(f.quantities) e group by f.root, e.key) s
      group by root
    )
    select ct.id, ct.assignment_id, ct.unit_id, ct.row_unit, ct.status, ct.due_at, ct.done_at, ct.own_activities::int as own_activities,
      fu.family_units, fu.acted_units, fu.activities, fq.quantities
    from ct join fam_units fu on fu.root = ct.id left join fam_quantities fq on fq.root = ct.id
    order by ct.assignment_id, ct.unit_id`);
  return result.rows.map((r) => ({
    taskId: r.id, assignmentId: r.assignment_id, unitId: r.unit_id, rowUnitId: r.row_unit, status: r.status,
    dueAt: r.due_at === null ? null : new Date(r.due_at), doneAt: r.done_at === null ? null : new Date(r.done_at),
    ownActivities: r.own_activities, familyUnitIds: r.family_units, actedUnitIds: r.acted_units ?? [], activities: r.activities,
    quantities: r.quantities ?? {},
  }));
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
