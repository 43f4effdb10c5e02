import { sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import { unitPaths } from '../../../core/unit-tree/index.js';
import { taskStatusSql, type CampaignTaskStatus } from '../status.js';

/**
 * SQL of the campaign page's activity views (theme × channel matrix, activities per Vietnam week by
 * channel) and of the "Việc cần làm" list. The views count the campaign's own activities of the
 * tasks whose unit lies in the unit's subtree (found by walking up from the tasks' units).
 */

const subtreeTaskIds = (campaignId: number, unitId: number): SQL => sql`(
  select t.id from campaign_tasks t
  join ${unitPaths(sql`(select array_agg(distinct x.unit_id) from campaign_tasks x where x.campaign_id = ${campaignId})`)} p on p.unit_id = t.unit_id
  where t.campaign_id = ${campaignId} and ${unitId}::int = any(p.path))`;

export interface MatrixCellRow {
  /** null: an activity tied to no theme. */
  themeId: number | null;
  /** null: a channel outside the controlled list (free text). */
  channel: string | null;
  activities: number;
  quantities: Record<string, number>;
}

/** Activities and their quantities per theme and channel (an activity about two themes counts in both). */
export async function selectMatrix(db: Queryable, options: { campaignId: number; unitId: number }): Promise<MatrixCellRow[]> {
  const result = await db.execute<{ theme_id: number | null; channel: string | null; activities: number; quantities: Record<string, number> | null }>(sql`
    with cells as (
      select th.theme_id, a.channel, a.quantities
      from campaign_activities a
      cross join lateral unnest(case when cardinality(a.theme_ids) = 0 then array[null::int] else a.theme_ids end) th(theme_id)
      where a.campaign_id = ${options.campaignId} and a.task_id in ${subtreeTaskIds(options.campaignId, options.unitId)}
    ),
    counts as (select theme_id, channel, count(*)::int as activities from cells group by theme_id, channel),
    sums as (
      select theme_id, channel, jsonb_object_agg(key, total) as quantities
      from (select c.theme_id, c.channel, e.key, sum(e.value::numeric) as total from cells c, jsonb_each_text(c.quantities) e group by 1, 2, 3) s
      group by theme_id, channel
    )
    select c.theme_id, c.channel, c.activities, s.quantities
    from counts c left join sums s on s.theme_id is not distinct from c.theme_id and s.channel is not distinct from c.channel
    order by c.theme_id nulls last, c.channel nulls last`);
  return result.rows.map((r) => ({ themeId: r.theme_id, channel: r.channel, activities: r.activities, quantities: r.quantities ?? {} }));
}

/** Activities per Vietnam week (Monday) and channel, oldest week first. */
export async function selectActivityWeeks(db: Queryable, options: { campaignId: number; unitId: number }): Promise<{ week: string; channel: string | null; activities: number }[]> {
  const result = await db.execute<{ week: string; channel: string | null; activities: number }>(sql`
    select date_trunc('week', a.occurred_on::timestamp)::date as week, a.channel, count(*)::int as activities
    from campaign_activities a
    where a.campaign_id = ${options.campaignId} and a.task_id in ${subtreeTaskIds(options.campaignId, options.unitId)}
    group by 1, 2 order by 1, 2 nulls last`);
  return result.rows;
}

export interface DueTaskRow {
  taskId: number;
  campaignId: number;
  campaignCode: string;
  campaignTitle: string;
  assignmentPosition: number;
  text: string;
  unitId: number;
  unitName: string;
  dueAt: Date;
  status: CampaignTaskStatus;
}

/** The units' tasks not done and due before `until` (overdue ones included), latest deadline first. */
export async function selectDueTasks(db: Queryable, options: { unitIds: readonly number[]; now: Date; until: Date }): Promise<DueTaskRow[]> {
  if (options.unitIds.length === 0) return [];
  const result = await db.execute<{
    id: number; campaign_id: number; code: string; title: string; position: number; text: string; unit_id: number; unit_name: string; due_at: Date; status: CampaignTaskStatus;
  }>(sql`
    select t.id, c.id as campaign_id, c.code, c.title, a.position, a.text, t.unit_id, u.name as unit_name, t.due_at, ${taskStatusSql(options.now)} as status
    from campaign_tasks t
    join campaigns c on c.id = t.campaign_id
    join campaign_assignments a on a.id = t.assignment_id
    join units u on u.id = t.unit_id
    left join campaign_task_totals tt on tt.task_id = t.id
    where t.unit_id = any(${pgArray([...new Set(options.unitIds)])}::int[]) and t.done_at is null and t.due_at is not null and t.due_at < ${options.until.toISOString()}::timestamptz
    order by t.due_at desc, t.id desc`);
  return result.rows.map((r) => ({
    taskId: r.id, campaignId: r.campaign_id, campaignCode: r.code, campaignTitle: r.title, assignmentPosition: r.position, text: r.text,
    unitId: r.unit_id, unitName: r.unit_name, dueAt: new Date(r.due_at), status: r.status,
  }));
}
