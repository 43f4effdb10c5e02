import { sql } from 'drizzle-orm';
import { pgArray, type Queryable, type Tx } from '../../../platform/db/database.js';
import type { AssignmentDeadline, TimeBound } from '../tables.js';

/** SQL of tasks as a plan creates them and as a moved milestone re-times them. */

export interface NewTask {
  assignmentId: number;
  unitId: number;
  dueAt: Date | null;
  recurrence: 'week' | 'month' | 'phase' | null;
  parentTaskId: number | null;
}

export type CreatedTask = {
  id: number;
  assignmentId: number;
  unitId: number;
  dueAt: Date | null;
  parentTaskId: number | null;
};

/** Every task of a plan and its zero totals row, in one statement (a national plan: thousands of rows). */
export async function insertTasks(tx: Tx, campaignId: number, tasks: readonly NewTask[]): Promise<CreatedTask[]> {
  if (tasks.length === 0) return [];
  const result = await tx.execute<CreatedTask>(sql`
    with new_tasks as (
      insert into campaign_tasks (campaign_id, assignment_id, unit_id, due_at, recurrence, parent_task_id)
      select ${campaignId}, t.a, t.u, t.d, t.r, t.p
      from unnest(${pgArray(tasks.map((t) => t.assignmentId))}::int[], ${pgArray(tasks.map((t) => t.unitId))}::int[],
        ${pgArray(tasks.map((t) => t.dueAt?.toISOString() ?? null))}::timestamptz[], ${pgArray(tasks.map((t) => t.recurrence))}::text[],
        ${pgArray(tasks.map((t) => t.parentTaskId))}::int[]) as t(a, u, d, r, p)
      returning id, assignment_id, unit_id, due_at, parent_task_id
    ), totals as (
      insert into campaign_task_totals (task_id) select id from new_tasks
    )
    select id, assignment_id as "assignmentId", unit_id as "unitId", due_at as "dueAt", parent_task_id as "parentTaskId" from new_tasks order by id`);
  return result.rows.map((r) => ({ ...r, dueAt: r.dueAt === null ? null : new Date(r.dueAt) }));
}

export async function selectTasksByIds(db: Queryable, ids: readonly number[]): Promise<{ id: number; campaignId: number; unitId: number }[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ id: number; campaignId: number; unitId: number }>(sql`
    select id, campaign_id as "campaignId", unit_id as "unitId" from campaign_tasks where id = any(${pgArray([...ids])}::int[])`);
  return result.rows;
}

export interface PlanTimes {
  milestones: { id: number; title: string; startsAt: Date; endsAt: Date }[];
  phases: { id: number; title: string; starts: TimeBound | null; ends: TimeBound | null; startsAt: Date | null; endsAt: Date | null }[];
  assignments: { id: number; phaseId: number | null; deadline: AssignmentDeadline | null }[];
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

/** What a plan's times hang on: its milestones, phases' bounds and assignments' deadlines (locked for update). */
export async function selectPlanTimes(tx: Tx, campaignId: number): Promise<PlanTimes> {
  const milestones = await tx.execute<PlanTimes['milestones'][number]>(sql`
    select id, title, starts_at as "startsAt", ends_at as "endsAt" from campaign_milestones where campaign_id = ${campaignId} order by position for update`);
  const phases = await tx.execute<PlanTimes['phases'][number]>(sql`
    select id, title, starts, ends, starts_at as "startsAt", ends_at as "endsAt" from campaign_phases where campaign_id = ${campaignId} order by position for update`);
  const assignments = await tx.execute<PlanTimes['assignments'][number]>(sql`
    select id, phase_id as "phaseId", deadline from campaign_assignments where campaign_id = ${campaignId} order by position`);
  return {
    milestones: milestones.rows.map((m) => ({ ...m, startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt) })),
    phases: phases.rows.map((p) => ({ ...p, startsAt: date(p.startsAt), endsAt: date(p.endsAt) })),
    assignments: assignments.rows,
  };
}

export async function updateMilestoneTimes(tx: Tx, milestoneId: number, startsAt: Date, endsAt: Date): Promise<void> {
  await tx.execute(sql`update campaign_milestones set starts_at = ${startsAt.toISOString()}, ends_at = ${endsAt.toISOString()} where id = ${milestoneId}`);
}

export async function updatePhaseTimes(tx: Tx, rows: readonly { id: number; startsAt: Date | null; endsAt: Date | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update campaign_phases p set starts_at = t.s, ends_at = t.e
    from unnest(${pgArray(rows.map((r) => r.id))}::int[], ${pgArray(rows.map((r) => r.startsAt?.toISOString() ?? null))}::timestamptz[],
      ${pgArray(rows.map((r) => r.endsAt?.toISOString() ?? null))}::timestamptz[]) as t(id, s, e)
    where p.id = t.id`);
}

/** Open tasks (not done) of the given assignments take their new due instant; done tasks keep theirs. Returns how many moved. */
export async function updateOpenTaskDues(tx: Tx, rows: readonly { assignmentId: number; dueAt: Date | null }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await tx.execute(sql`
    update campaign_tasks k set due_at = t.d
    from unnest(${pgArray(rows.map((r) => r.assignmentId))}::int[], ${pgArray(rows.map((r) => r.dueAt?.toISOString() ?? null))}::timestamptz[]) as t(a, d)
    where k.assignment_id = t.a and k.done_at is null and k.due_at is distinct from t.d`);
  return result.rowCount ?? 0;
}

export async function touchCampaign(tx: Tx, campaignId: number): Promise<void> {
  await tx.execute(sql`update campaigns set updated_at = now() where id = ${campaignId}`);
}
