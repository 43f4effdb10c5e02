import { sql } from 'drizzle-orm';
import { pgArray, type Queryable, type Tx } from '../../../platform/db/database.js';
import { campaignActivities, campaignActivityFiles } from '../tables.js';

/** SQL of tasks' evidence: activities, their files, the per-task totals kept in step, tasks done. */

export type TaskRow = { id: number; campaignId: number; unitId: number; doneAt: Date | null };

export async function selectTask(db: Queryable, taskId: number): Promise<TaskRow | undefined> {
  const result = await db.execute<TaskRow>(sql`
    select id, campaign_id as "campaignId", unit_id as "unitId", done_at as "doneAt" from campaign_tasks where id = ${taskId}`);
  return result.rows[0];
}

/** The task's totals row, locked: activities of one task are recorded and removed one at a time. */
export async function lockTaskTotals(tx: Tx, taskId: number): Promise<void> {
  await tx.execute(sql`select 1 from campaign_task_totals where task_id = ${taskId} for update`);
}

export async function selectCampaignThemeIds(db: Queryable, campaignId: number, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const result = await db.execute<{ id: number }>(sql`
    select id from campaign_themes where campaign_id = ${campaignId} and id = any(${pgArray([...ids])}::int[])`);
  return new Set(result.rows.map((r) => r.id));
}

export async function insertActivity(tx: Tx, row: typeof campaignActivities.$inferInsert): Promise<number> {
  const [inserted] = await tx.insert(campaignActivities).values(row).returning({ id: campaignActivities.id });
  return inserted?.id as number;
}

/**
 * Adds (+1) or takes away (−1) one activity's quantities from its task's totals: counts per kind,
 * kinds whose total falls to zero dropped, the last activity's day recomputed from what remains.
 */
export async function applyToTotals(tx: Tx, taskId: number, sign: 1 | -1, quantities: Record<string, number>): Promise<void> {
  await tx.execute(sql`
    update campaign_task_totals t set
      activities = t.activities + ${sign}::int,
      quantities = coalesce((
        select jsonb_object_agg(k, s) from (
          select k, sum(v)::bigint as s from (
            select key as k, value::bigint as v from jsonb_each_text(t.quantities)
            union all
            select key, ${sign}::int * value::bigint from jsonb_each_text(${JSON.stringify(quantities)}::jsonb)
          ) x group by k having sum(v) <> 0
        ) y), '{}'::jsonb),
      last_activity_on = (select max(a.occurred_on) from campaign_activities a where a.task_id = t.task_id)
    where t.task_id = ${taskId}`);
}

export type ActivityRow = { id: number; taskId: number; campaignId: number; unitId: number; occurredOn: string; title: string; quantities: Record<string, number> };

export async function selectActivity(db: Queryable, activityId: number): Promise<ActivityRow | undefined> {
  const result = await db.execute<ActivityRow>(sql`
    select id::int as id, task_id as "taskId", campaign_id as "campaignId", unit_id as "unitId", occurred_on::text as "occurredOn", title, quantities
    from campaign_activities where id = ${activityId}`);
  return result.rows[0];
}

export async function deleteActivity(tx: Tx, activityId: number): Promise<boolean> {
  const result = await tx.execute(sql`delete from campaign_activities where id = ${activityId}`);
  return (result.rowCount ?? 0) > 0;
}

export async function countActivityFiles(db: Queryable, activityId: number): Promise<number> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from campaign_activity_files where activity_id = ${activityId}`);
  return result.rows[0]?.n ?? 0;
}

export async function insertActivityFile(tx: Tx, row: typeof campaignActivityFiles.$inferInsert): Promise<number> {
  const [inserted] = await tx.insert(campaignActivityFiles).values(row).returning({ id: campaignActivityFiles.id });
  return inserted?.id as number;
}

export type ActivityFileRow = { id: number; unitId: number; fileName: string; contentType: string; content: Buffer };

export async function selectActivityFile(db: Queryable, fileId: number): Promise<ActivityFileRow | undefined> {
  const result = await db.execute<ActivityFileRow>(sql`
    select f.id, a.unit_id as "unitId", f.file_name as "fileName", f.content_type as "contentType", f.content
    from campaign_activity_files f join campaign_activities a on a.id = f.activity_id where f.id = ${fileId}`);
  return result.rows[0];
}

/** Marks a task done unless it already is; false when it was. */
export async function setTaskDone(tx: Tx, taskId: number, note: string, userId: number | null): Promise<boolean> {
  const result = await tx.execute(sql`
    update campaign_tasks set done_at = now(), done_note = ${note}, done_by_user_id = ${userId} where id = ${taskId} and done_at is null`);
  return (result.rowCount ?? 0) > 0;
}

/** Reopens a done task; false when it was not done. Returns the note it had. */
export async function clearTaskDone(tx: Tx, taskId: number): Promise<{ doneAt: Date; doneNote: string | null } | null> {
  const result = await tx.execute<{ doneAt: Date; doneNote: string | null }>(sql`
    update campaign_tasks k set done_at = null, done_note = null, done_by_user_id = null
    from (select id, done_at, done_note from campaign_tasks where id = ${taskId} for update) old
    where k.id = old.id and old.done_at is not null
    returning old.done_at as "doneAt", old.done_note as "doneNote"`);
  return result.rows[0] ?? null;
}
