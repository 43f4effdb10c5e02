import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '../../src/server/demo.js';
import { createTestDatabase } from '../support/db.js';

/**
 * Issue 12, item 9: the demo workspace `lantoa start` loads holds seed 003's plan (Lai Châu) and seed
 * 002's (Lào Cai) confirmed with tasks to the demo units, an implementing plan one level down, and
 * activities with quantities and attachments — some tasks done, some overdue, some in progress,
 * some untouched, dated around the day it is loaded.
 */
const { db } = await createTestDatabase();

describe('demo workspace: campaign plans', () => {
  it('loads the seed plans with tasks in every state, an implementing plan and evidence', async () => {
    expect(await loadDemoWorkspace(db)).toBe(true);
    const plans = await db.execute<{ code: string; owner: string; parent: string | null; tasks: number }>(sql`
      select c.code, u.code as owner, p.code as parent, (select count(*)::int from campaign_tasks t where t.campaign_id = c.id) as tasks
      from campaigns c join units u on u.id = c.owner_unit_id left join campaigns p on p.id = c.parent_campaign_id order by c.id`);
    expect(plans.rows).toEqual([
      { code: '1-KH/TU', owner: 'LCU-TU', parent: null, tasks: 10 },
      { code: '1/KH-UBND', owner: 'LCA-UBND', parent: null, tasks: 7 },
      { code: '1/KH-VHTTDL', owner: 'LCA-SVHTTDL', parent: '1/KH-UBND', tasks: 1 },
    ]);
    const states = await db.execute<{ state: string; n: number }>(sql`
      select case when t.done_at is not null then 'done' when t.due_at <= now() then 'overdue' when s.activities > 0 then 'in_progress' else 'not_started' end as state,
        count(*)::int as n
      from campaign_tasks t join campaign_task_totals s on s.task_id = t.id group by 1 order by 1`);
    const byState = Object.fromEntries(states.rows.map((r) => [r.state, r.n]));
    expect(byState).toEqual({ done: 3, overdue: 3, in_progress: 4, not_started: expect.any(Number) });
    expect(byState.not_started).toBeGreaterThanOrEqual(3);
    const child = await db.execute<{ unit: string; parentUnit: string }>(sql`
      select u.code as unit, pu.code as "parentUnit" from campaign_tasks t join campaigns c on c.id = t.campaign_id and c.parent_campaign_id is not null
      join units u on u.id = t.unit_id join campaign_tasks pt on pt.id = t.parent_task_id join units pu on pu.id = pt.unit_id`);
    expect(child.rows).toEqual([{ unit: 'LCA-TTVHDA', parentUnit: 'LCA-SVHTTDL' }]);
    const evidence = await db.execute<{ files: number; types: string[]; quantities: number }>(sql`
      select (select count(*)::int from campaign_activity_files) as files,
        (select array_agg(distinct content_type order by content_type) from campaign_activity_files) as types,
        (select sum((quantities->>'attendees')::int)::int from campaign_task_totals) as quantities`);
    expect(evidence.rows[0]).toEqual({ files: 4, types: ['application/pdf', 'image/png'], quantities: 1250 });
  });
});
