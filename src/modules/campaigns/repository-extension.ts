import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';
import { subtreeIdsOf } from '../../core/unit-tree/index.js';

/**
 * SQL of the campaigns' figures for a unit's subtree and a period [start, end): activities (by the
 * Vietnam day they took place) by channel, theme and quantity kind, tasks done in the period, and
 * tasks whose deadline fell in the period (and has passed at `now`) without being done by it.
 * Activities are reached through the subtree's tasks (index on task and day), never scanned whole.
 */

const vnDate = (at: Date) => sql`(${at.toISOString()}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date`;

export interface CampaignFigureRows {
  byChannel: { channel: string | null; activities: number }[];
  byTheme: { themeId: number; title: string; campaignCode: string; activities: number }[];
  byKind: { kind: string; label: string | null; total: number }[];
  tasksDone: number;
  tasksOverdue: number;
}

export async function selectCampaignFigures(db: Queryable, options: { unitId: number; start: Date; end: Date; now: Date }): Promise<CampaignFigureRows> {
  const acts = sql`(select a.* from campaign_activities a
    where a.task_id in (select t.id from campaign_tasks t where t.unit_id in ${subtreeIdsOf(sql`select ${options.unitId}::int`)})
      and a.occurred_on >= ${vnDate(options.start)} and a.occurred_on < ${vnDate(options.end)})`;
  const byChannel = await db.execute<{ channel: string | null; activities: number }>(
    sql`select channel, count(*)::int as activities from ${acts} x group by channel order by channel nulls last`,
  );
  const byTheme = await db.execute<{ theme_id: number; title: string; code: string; activities: number }>(sql`
    select th.id as theme_id, th.title, c.code, count(*)::int as activities
    from ${acts} x cross join lateral unnest(x.theme_ids) tid join campaign_themes th on th.id = tid join campaigns c on c.id = th.campaign_id
    group by th.id, th.title, c.code order by c.code, th.id`);
  const byKind = await db.execute<{ kind: string; label: string | null; total: string }>(sql`
    select e.key as kind, k.label, sum(e.value::numeric)::text as total
    from ${acts} x cross join lateral jsonb_each_text(x.quantities) e left join campaign_quantity_kinds k on k.code = e.key
    group by e.key, k.label, k.position order by k.position nulls last, e.key`);
  const tasks = await db.execute<{ done: number; overdue: number }>(sql`
    with sub as ${subtreeIdsOf(sql`select ${options.unitId}::int`)}
    select
      (select count(*)::int from campaign_tasks t where t.unit_id in (select id from sub)
        and t.done_at >= ${options.start.toISOString()}::timestamptz and t.done_at < ${options.end.toISOString()}::timestamptz) as done,
      (select count(*)::int from campaign_tasks t where t.unit_id in (select id from sub)
        and t.due_at >= ${options.start.toISOString()}::timestamptz and t.due_at < ${options.end.toISOString()}::timestamptz
        and t.due_at <= ${options.now.toISOString()}::timestamptz and (t.done_at is null or t.done_at > t.due_at)) as overdue`);
  return {
    byChannel: byChannel.rows,
    byTheme: byTheme.rows.map((r) => ({ themeId: r.theme_id, title: r.title, campaignCode: r.code, activities: r.activities })),
    byKind: byKind.rows.map((r) => ({ kind: r.kind, label: r.label, total: Number(r.total) })),
    tasksDone: tasks.rows[0]?.done ?? 0,
    tasksOverdue: tasks.rows[0]?.overdue ?? 0,
  };
}
