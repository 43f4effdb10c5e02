import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import { taskStatusSql, type CampaignTaskStatus } from '../status.js';
import type { ExpectedOutput } from '../tables.js';

/** SQL of a task's page: the task, its plan and assignment, its parent task, the cascade below it, its activities and files. */

export interface TaskRow {
  id: number;
  campaignId: number;
  campaignCode: string;
  campaignTitle: string;
  ownerUnitId: number;
  assignmentId: number;
  assignmentPosition: number;
  text: string;
  channels: string[];
  themeIds: number[];
  expectedOutputs: ExpectedOutput[];
  unitId: number;
  unitCode: string;
  unitName: string;
  dueAt: Date | null;
  recurrence: string | null;
  doneAt: Date | null;
  doneNote: string | null;
  status: CampaignTaskStatus;
  parentTaskId: number | null;
}

const when = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export async function selectTask(db: Queryable, taskId: number, now: Date): Promise<TaskRow | null> {
  const result = await db.execute<{
    id: number; campaign_id: number; code: string; title: string; owner_unit_id: number; assignment_id: number; position: number; text: string;
    channels: string[]; theme_ids: number[]; expected_outputs: ExpectedOutput[]; unit_id: number; unit_code: string; unit_name: string;
    due_at: Date | null; recurrence: string | null; done_at: Date | null; done_note: string | null; status: CampaignTaskStatus; parent_task_id: number | null;
  }>(sql`
    select t.id, c.id as campaign_id, c.code, c.title, c.owner_unit_id, a.id as assignment_id, a.position, a.text, a.channels, a.theme_ids,
      a.expected_outputs, u.id as unit_id, u.code as unit_code, u.name as unit_name, t.due_at, t.recurrence, t.done_at, t.done_note,
      ${taskStatusSql(now)} as status, t.parent_task_id
    from campaign_tasks t join campaigns c on c.id = t.campaign_id join campaign_assignments a on a.id = t.assignment_id
    join units u on u.id = t.unit_id left join campaign_task_totals tt on tt.task_id = t.id
    where t.id = ${taskId}`);
  const r = result.rows[0];
  if (!r) return null;
  return {
    id: r.id, campaignId: r.campaign_id, campaignCode: r.code, campaignTitle: r.title, ownerUnitId: r.owner_unit_id, assignmentId: r.assignment_id,
    assignmentPosition: r.position, text: r.text, channels: r.channels, themeIds: r.theme_ids, expectedOutputs: r.expected_outputs,
    unitId: r.unit_id, unitCode: r.unit_code, unitName: r.unit_name, dueAt: when(r.due_at), recurrence: r.recurrence, doneAt: when(r.done_at),
    doneNote: r.done_note, status: r.status, parentTaskId: r.parent_task_id,
  };
}

/** True when the scope holds the task's unit or its plan's owner. */
export async function scopeSeesTask(db: Queryable, scope: SQL, taskId: number): Promise<boolean> {
  const result = await db.execute<{ ok: boolean }>(sql`with recursive ${scope}
    select exists (select 1 from campaign_tasks t join campaigns c on c.id = t.campaign_id
      where t.id = ${taskId} and (t.unit_id in (select id from scope) or c.owner_unit_id in (select id from scope))) as ok`);
  return result.rows[0]?.ok === true;
}

export interface FamilyTaskRow {
  id: number;
  parentTaskId: number | null;
  depth: number;
  campaignCode: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  status: CampaignTaskStatus;
  activities: number;
  quantities: Record<string, number>;
}

/** The task and every task of implementing plans below it (parent_task_id, recursively), with their totals. */
export async function selectTaskFamily(db: Queryable, taskId: number, now: Date): Promise<FamilyTaskRow[]> {
  const result = await db.execute<{
    id: number; parent_task_id: number | null; depth: number; code: string; unit_id: number; unit_code: string; unit_name: string;
    status: CampaignTaskStatus; activities: number; quantities: Record<string, number>;
  }>(sql`
    with recursive fam(id, depth) as (
      select ${taskId}::int, 0
      union all
      select c.id, fam.depth + 1 from campaign_tasks c join fam on c.parent_task_id = fam.id
    )
    select t.id, t.parent_task_id, fam.depth, cp.code, u.id as unit_id, u.code as unit_code, u.name as unit_name, ${taskStatusSql(now)} as status,
      coalesce(tt.activities, 0)::int as activities, coalesce(tt.quantities, '{}'::jsonb) as quantities
    from fam join campaign_tasks t on t.id = fam.id join campaigns cp on cp.id = t.campaign_id join units u on u.id = t.unit_id
    left join campaign_task_totals tt on tt.task_id = t.id
    order by fam.depth, u.sort_order, u.name, t.id`);
  return result.rows.map((r) => ({
    id: r.id, parentTaskId: r.parent_task_id, depth: r.depth, campaignCode: r.code, unitId: r.unit_id, unitCode: r.unit_code, unitName: r.unit_name,
    status: r.status, activities: r.activities, quantities: r.quantities,
  }));
}

export interface ActivityRow {
  id: number;
  occurredOn: string;
  channel: string | null;
  channelText: string | null;
  themeIds: number[];
  title: string;
  link: string | null;
  quantities: Record<string, number>;
  createdAt: Date;
  files: { id: number; fileName: string; contentType: string; size: number }[];
}

/** A task's activities, latest first, with their files' names (never their content). */
export async function selectTaskActivities(db: Queryable, taskId: number): Promise<ActivityRow[]> {
  const result = await db.execute<{
    id: number; occurred_on: string; channel: string | null; channel_text: string | null; theme_ids: number[]; title: string; link: string | null;
    quantities: Record<string, number>; created_at: Date; files: { id: number; fileName: string; contentType: string; size: number }[];
  }>(sql`
    select a.id, a.occurred_on, a.channel, a.channel_text, a.theme_ids, a.title, a.link, a.quantities, a.created_at,
      coalesce((select jsonb_agg(jsonb_build_object('id', f.id, 'fileName', f.file_name, 'contentType', f.content_type, 'size', f.size) order by f.id)
        from campaign_activity_files f where f.activity_id = a.id), '[]'::jsonb) as files
    from campaign_activities a where a.task_id = ${taskId}
    order by a.occurred_on desc, a.id desc`);
  return result.rows.map((r) => ({
    id: Number(r.id), occurredOn: r.occurred_on, channel: r.channel, channelText: r.channel_text, themeIds: r.theme_ids, title: r.title, link: r.link,
    quantities: r.quantities, createdAt: new Date(r.created_at), files: r.files,
  }));
}

export async function selectThemes(db: Queryable, campaignId: number): Promise<{ id: number; position: number; title: string }[]> {
  const result = await db.execute<{ id: number; position: number; title: string }>(
    sql`select id, position, title from campaign_themes where campaign_id = ${campaignId} order by position, id`,
  );
  return result.rows;
}
