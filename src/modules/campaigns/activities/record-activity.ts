import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { parseIsoDate } from '../../../platform/time/vietnam.js';
import type { ActivityInput } from '../schemas-write.js';
import { assertKnownChannels } from '../channels.js';
import { selectKnownQuantityKinds } from '../plan/repository.js';
import { applyToTotals, deleteActivity, insertActivity, lockTaskTotals, selectActivity, selectCampaignThemeIds } from './repository.js';
import { loadTaskForEditor, requireTaskRole } from './task-access.js';

async function assertActivityInput(db: Db, campaignId: number, input: ActivityInput): Promise<void> {
  parseIsoDate(input.occurredOn);
  assertKnownChannels([input.channel]);
  const kinds = Object.keys(input.quantities);
  const known = await selectKnownQuantityKinds(db, kinds);
  const unknown = kinds.find((k) => !known.has(k));
  if (unknown !== undefined) fail('CAMPAIGN_QUANTITY_KIND_UNKNOWN', { kind: unknown });
  const themes = [...new Set(input.themeIds)];
  const ofCampaign = await selectCampaignThemeIds(db, campaignId, themes);
  if (themes.some((id) => !ofCampaign.has(id))) fail('CAMPAIGN_THEME_UNKNOWN');
}

/**
 * Records what a unit did for its task (an editor whose grant covers the task's unit): the activity
 * and its task's totals in one transaction, so progress never scans activities and never drifts.
 * Quantities are the unit's own counts (articles, sessions, attendees, "số lượt chia sẻ" …), never
 * anything about individual people's accounts.
 */
export async function recordActivity(db: Db, options: { actor: Actor; taskId: number; input: ActivityInput }): Promise<{ id: number }> {
  const { actor, taskId, input } = options;
  const task = await loadTaskForEditor(db, actor, taskId);
  await assertActivityInput(db, task.campaignId, input);
  return db.transaction(async (tx) => {
    await lockTaskTotals(tx, taskId);
    const id = await insertActivity(tx, {
      taskId,
      campaignId: task.campaignId,
      unitId: task.unitId,
      occurredOn: input.occurredOn,
      channel: input.channel,
      channelText: input.channelText ?? null,
      themeIds: [...new Set(input.themeIds)],
      title: input.title,
      link: input.link ?? null,
      quantities: input.quantities,
      recordedByUserId: actor.userId,
    });
    await applyToTotals(tx, taskId, 1, input.quantities);
    await recordAudit(tx, actor, {
      action: 'campaign.activity_record',
      entityType: 'campaign_task',
      entityId: taskId,
      unitId: task.unitId,
      after: { activityId: id, occurredOn: input.occurredOn, channel: input.channel, title: input.title, quantities: input.quantities },
    });
    return { id };
  });
}

/** Removes an activity recorded by mistake (same rule as recording); its quantities leave the task's totals in the same transaction. */
export async function removeActivity(db: Db, options: { actor: Actor; activityId: number }): Promise<void> {
  const { actor, activityId } = options;
  const activity = await selectActivity(db, activityId);
  if (!activity) fail('CAMPAIGN_ACTIVITY_NOT_FOUND');
  await requireTaskRole(db, actor, activity.unitId, 'editor', 'CAMPAIGN_ACTIVITY_NOT_FOUND');
  await db.transaction(async (tx) => {
    await lockTaskTotals(tx, activity.taskId);
    if (!(await deleteActivity(tx, activityId))) fail('CAMPAIGN_ACTIVITY_NOT_FOUND');
    await applyToTotals(tx, activity.taskId, -1, activity.quantities);
    await recordAudit(tx, actor, {
      action: 'campaign.activity_remove',
      entityType: 'campaign_task',
      entityId: activity.taskId,
      unitId: activity.unitId,
      before: { activityId, occurredOn: activity.occurredOn, title: activity.title, quantities: activity.quantities },
    });
  });
}
