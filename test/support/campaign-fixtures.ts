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

/**
 * A plan of the centre with tasks to demo units of two provinces (so every demo account sees it),
 * a phase and a milestone around today, themes, activities with quantities on several channels and
 * weeks, a task done, one overdue, and an implementing plan of the Lai Châu department one level down.
 */
export async function buildDemoViewsCampaign(db: Db): Promise<{ id: number; code: string }> {
  const unit = async (code: string) => (await db.execute<{ id: number }>(sql`select id from units where code = ${code}`)).rows[0]!.id;
  const [tw, lcuDept, lcaDept, tamDuong, sinHo, tanPhong] = await Promise.all(
    ['TW', 'LCU-SVHTTDL', 'LCA-SVHTTDL', 'LCU-X-TAMDUONG', 'LCU-X-SINHO', 'LCU-P-TANPHONG'].map(unit),
  );
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const plan = await buildCampaign(db, {
    ownerUnitId: tw!,
    code: 'KH-DH14',
    title: 'Kế hoạch tuyên truyền Đại hội XIV của Đảng',
    themes: ['Thành tựu 40 năm đổi mới', 'Nội dung cơ bản của Văn kiện Đại hội XIV', 'Gương người tốt, việc tốt'],
    phases: [
      { title: 'Đợt 1: trước Đại hội', startsAt: new Date(now - 40 * day), endsAt: new Date(now - 5 * day) },
      { title: 'Đợt 2: trong và sau Đại hội', startsAt: new Date(now - 5 * day), endsAt: new Date(now + 60 * day) },
    ],
  });
  await buildMilestone(db, { campaignId: plan.id, title: 'Đại hội XIV của Đảng', startsAt: new Date(now - 3 * day), endsAt: new Date(now + 1 * day) });
  const a1 = await buildAssignment(db, { campaignId: plan.id, unitIds: [lcuDept!, lcaDept!], text: 'Treo băng rôn, pano, áp phích chào mừng Đại hội', dueAt: new Date(now + 7 * day) });
  const a2 = await buildAssignment(db, { campaignId: plan.id, unitIds: [lcuDept!, lcaDept!], text: 'Đưa tin, bài về Đại hội trên cổng thông tin điện tử', dueAt: new Date(now - 2 * day) });
  const own = await buildCampaign(db, { ownerUnitId: lcuDept!, parentCampaignId: plan.id, code: 'KH-DH14-SVHTTDL', title: 'Kế hoạch thực hiện của Sở Văn hóa, Thể thao và Du lịch Lai Châu' });
  const below = await buildAssignment(db, {
    campaignId: own.id,
    unitIds: [tamDuong!, sinHo!, tanPhong!],
    text: 'Treo băng rôn tại trụ sở và nơi công cộng',
    dueAt: new Date(now + 5 * day),
    parentTaskIds: { [tamDuong!]: a1.tasks[0]!.id, [sinHo!]: a1.tasks[0]!.id, [tanPhong!]: a1.tasks[0]!.id },
  });
  const [t1, t2] = plan.themeIds;
  const iso = (d: number) => new Date(now + d * day + 7 * 3600 * 1000).toISOString().slice(0, 10);
  await buildActivity(db, { taskId: a1.tasks[0]!.id, occurredOn: iso(-20), channel: 'visual_displays', themeIds: [t1!], title: 'Treo 20 băng rôn tại trung tâm tỉnh', quantities: { displays: 20 } });
  await buildActivity(db, { taskId: a1.tasks[1]!.id, occurredOn: iso(-12), channel: 'visual_displays', themeIds: [t1!, t2!], title: 'Dựng pano tại quảng trường', quantities: { displays: 4 } });
  await buildActivity(db, { taskId: a2.tasks[0]!.id, occurredOn: iso(-6), channel: 'e_portal', themeIds: [t2!], title: 'Chuyên mục Đại hội XIV', quantities: { articles: 12 } });
  await buildActivity(db, { taskId: below.tasks[0]!.id, occurredOn: iso(-4), channel: 'loudspeakers', themeIds: [], title: 'Phát thanh trên loa xã', quantities: { loudspeaker_broadcasts: 6 } });
  await buildActivity(db, { taskId: below.tasks[1]!.id, occurredOn: iso(-1), channel: 'meetings', themeIds: [], title: 'Sinh hoạt chi bộ chuyên đề', quantities: { sessions: 2, attendees: 85 } });
  await markTaskDone(db, a2.tasks[0]!.id);
  return { id: plan.id, code: plan.code };
}
