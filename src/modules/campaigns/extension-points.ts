import { roleRank } from '../../platform/access/roles.js';
import { effectiveRoles, requireUnitRole } from '../../platform/access/scope.js';
import type { Db } from '../../platform/db/database.js';
import { fail } from '../../platform/errors.js';
import type { FigureQuery, ItemDue, ItemsDueQuery, ModuleFigure } from '../../platform/modules/manifest.js';
import { DAY_MS } from '../../platform/time/index.js';
import { campaignChannelLabels } from '../../shared/campaign-channels.js';
import { campaignProgressLabels } from '../../shared/campaign-labels.js';
import { TODO_HORIZON_DAYS } from './read/todo.js';
import { selectDueTasks } from './read/repository-views.js';
import { selectCampaignFigures } from './repository-extension.js';

const channelLabel = (channel: string | null): string =>
  channel !== null && channel in campaignChannelLabels ? campaignChannelLabels[channel as keyof typeof campaignChannelLabels] : campaignProgressLabels.otherChannel;

/**
 * The campaigns' figures for a unit's subtree and a period (periodic reports pre-fill them):
 * activities (all, per channel, per theme), quantities per kind, tasks done and tasks overdue.
 */
export async function campaignFigures(db: Db, query: FigureQuery & { now?: Date }): Promise<ModuleFigure[]> {
  if (query.periodEnd.getTime() <= query.periodStart.getTime()) fail('SCHEDULE_RANGE_INVALID');
  await requireUnitRole(db, query.actor, [query.unitId], 'viewer');
  const rows = await selectCampaignFigures(db, { unitId: query.unitId, start: query.periodStart, end: query.periodEnd, now: query.now ?? new Date() });
  return [
    { key: 'campaigns.activities', label: 'Hoạt động tuyên truyền theo kế hoạch', value: rows.byChannel.reduce((a, r) => a + r.activities, 0) },
    ...rows.byChannel.map((r) => ({ key: `campaigns.activities.channel.${r.channel ?? 'other'}`, label: `Hoạt động — ${channelLabel(r.channel)}`, value: r.activities })),
    ...rows.byTheme.map((r) => ({ key: `campaigns.activities.theme.${r.themeId}`, label: `Hoạt động về nội dung "${r.title}" (${r.campaignCode})`, value: r.activities })),
    ...rows.byKind.map((r) => ({ key: `campaigns.quantity.${r.kind}`, label: r.label ?? r.kind, value: r.total })),
    { key: 'campaigns.tasks_done', label: 'Nhiệm vụ đã hoàn thành', value: rows.tasksDone },
    { key: 'campaigns.tasks_overdue', label: 'Nhiệm vụ quá hạn', value: rows.tasksOverdue },
  ];
}

/**
 * Tasks due for the units on which the actor may act on them (editor or above): not done, due within
 * 14 days or overdue; each links to the task's page `/nhiem-vu/:id`.
 */
export async function campaignItemsDue(db: Db, query: ItemsDueQuery): Promise<ItemDue[]> {
  const roles = await effectiveRoles(db, query.actor, [...query.unitIds]);
  const editable = [...roles].filter(([, role]) => roleRank[role] <= roleRank.editor).map(([unitId]) => unitId);
  const tasks = await selectDueTasks(db, { unitIds: editable, now: query.now, until: new Date(query.now.getTime() + TODO_HORIZON_DAYS * DAY_MS) });
  return tasks.map((t) => ({
    kind: 'campaigns.task',
    unitId: t.unitId,
    title: `Nhiệm vụ ${t.campaignCode}-${t.assignmentPosition}: ${t.text.length > 120 ? `${t.text.slice(0, 119)}…` : t.text}`,
    detail: `${t.campaignTitle} — ${t.unitName}`,
    subject: String(t.taskId),
    link: `/nhiem-vu/${t.taskId}`,
    group: 'Nhiệm vụ kế hoạch tuyên truyền',
    deadline: t.dueAt,
    overdue: t.status === 'overdue',
  }));
}
