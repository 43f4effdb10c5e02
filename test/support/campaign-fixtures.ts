import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.js';
import {
  campaignActivities,
  campaignAssignments,
  campaignPhases,
  campaignMilestones,
  campaigns,
  campaignTasks,
  campaignTaskTotals,
  campaignThemes,
} from '../../src/modules/campaigns/tables.js';

/**
 * Campaign rows straight into the test database through drizzle on the module's tables (the write
 * side's operations live on another branch): a campaign with its assignments and one task per unit,
 * activities with their per-task totals kept as the write side keeps them.
 */

export async function buildCampaign(
  db: Db,
  input: { ownerUnitId: number; code?: string; title?: string; parentCampaignId?: number | null; themes?: string[]; phases?: { title: string; startsAt: Date; endsAt: Date }[] },
) {
  const code = input.code ?? `KH-${randomBytes(3).toString('hex')}`;
  const [campaign] = await db
    .insert(campaigns)
    .values({ code, ownerUnitId: input.ownerUnitId, title: input.title ?? `Kế hoạch ${code}`, parentCampaignId: input.parentCampaignId ?? null })
    .returning();
  if (!campaign) throw new Error('buildCampaign: no row');
  const phaseIds: number[] = [];
  for (const [position, phase] of (input.phases ?? []).entries()) {
    const [row] = await db.insert(campaignPhases).values({ campaignId: campaign.id, position: position + 1, title: phase.title, startsAt: phase.startsAt, endsAt: phase.endsAt }).returning();
    phaseIds.push(row!.id);
  }
  const themeIds: number[] = [];
  for (const [position, title] of (input.themes ?? []).entries()) {
    const [row] = await db.insert(campaignThemes).values({ campaignId: campaign.id, position: position + 1, title }).returning();
    themeIds.push(row!.id);
  }
  return { ...campaign, themeIds, phaseIds };
}

export async function buildMilestone(db: Db, input: { campaignId: number; title: string; startsAt: Date; endsAt: Date; position?: number }) {
  const [row] = await db.insert(campaignMilestones).values({ position: 1, ...input }).returning();
  return row!;
}

/** An assignment and its tasks, one per unit; `parentTaskIds` links each unit's task to the task it implements. */
export async function buildAssignment(
  db: Db,
  input: { campaignId: number; unitIds: number[]; text?: string; position?: number; dueAt?: Date | null; parentTaskIds?: Record<number, number>; channels?: string[] },
) {
  const position = input.position ?? (await nextPosition(db, input.campaignId));
  const [assignment] = await db
    .insert(campaignAssignments)
    .values({ campaignId: input.campaignId, position, text: input.text ?? `Nhiệm vụ ${position}`, channels: input.channels ?? [] })
    .returning();
  if (!assignment) throw new Error('buildAssignment: no row');
  const tasks = [];
  for (const unitId of input.unitIds) {
    const [task] = await db
      .insert(campaignTasks)
      .values({ campaignId: input.campaignId, assignmentId: assignment.id, unitId, dueAt: input.dueAt ?? null, parentTaskId: input.parentTaskIds?.[unitId] ?? null })
      .returning();
    tasks.push(task!);
  }
  return { assignment, tasks };
}

async function nextPosition(db: Db, campaignId: number): Promise<number> {
  const rows = await db.execute<{ n: number }>(sql`select coalesce(max(position), 0)::int + 1 as n from campaign_assignments where campaign_id = ${campaignId}`);
  return rows.rows[0]?.n ?? 1;
}

/** An activity of a task, and its totals row added to (as recording one does). */
export async function buildActivity(
  db: Db,
  input: { taskId: number; occurredOn?: string; channel?: string | null; themeIds?: number[]; title?: string; quantities?: Record<string, number> },
) {
  const [task] = await db.select().from(campaignTasks).where(eq(campaignTasks.id, input.taskId));
  if (!task) throw new Error('buildActivity: no task');
  const quantities = input.quantities ?? {};
  const occurredOn = input.occurredOn ?? '2025-10-01';
  const [activity] = await db
    .insert(campaignActivities)
    .values({
      taskId: task.id,
      campaignId: task.campaignId,
      unitId: task.unitId,
      occurredOn,
      channel: input.channel ?? null,
      themeIds: input.themeIds ?? [],
      title: input.title ?? 'Hoạt động',
      quantities,
    })
    .returning();
  await db
    .insert(campaignTaskTotals)
    .values({ taskId: task.id, activities: 1, quantities, lastActivityOn: occurredOn })
    .onConflictDoUpdate({
      target: campaignTaskTotals.taskId,
      set: {
        activities: sql`${campaignTaskTotals.activities} + 1`,
        quantities: sql`(select coalesce(jsonb_object_agg(k, v), '{}'::jsonb) from (
          select key as k, sum(value::numeric) as v from (
            select * from jsonb_each_text(${campaignTaskTotals.quantities}) union all select * from jsonb_each_text(excluded.quantities)) e group by key) s)`,
        lastActivityOn: sql`greatest(${campaignTaskTotals.lastActivityOn}, excluded.last_activity_on)`,
      },
    });
  return activity!;
}

export async function markTaskDone(db: Db, taskId: number, at = new Date()) {
  await db.update(campaignTasks).set({ doneAt: at, doneNote: 'Đã xong' }).where(eq(campaignTasks.id, taskId));
}
