import { sql, type SQL } from 'drizzle-orm';
import type { CampaignTaskStatus } from '../../shared/campaign-labels.js';

/**
 * The same rule as one SQL expression over a task row `t` (campaign_tasks) and its totals `tt`
 * (campaign_task_totals, left joined: null means no activity). `now` is a bound instant.
 */
export function taskStatusSql(now: Date, task = sql.raw('t'), totals = sql.raw('tt')): SQL<CampaignTaskStatus> {
  return sql<CampaignTaskStatus>`(case
    when ${task}.done_at is not null then 'done'
    when ${task}.due_at is not null and ${now.toISOString()}::timestamptz >= ${task}.due_at then 'overdue'
    when coalesce(${totals}.activities, 0) > 0 then 'in_progress'
    else 'not_started' end)`;
}
