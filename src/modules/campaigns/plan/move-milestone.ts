import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { boundInstant, dueOf, milestoneInstant, type MilestoneTimes } from './time-bounds.js';
import { selectCampaignOwner, selectVisibleCampaign } from './repository.js';
import { selectPlanTimes, touchCampaign, updateMilestoneTimes, updateOpenTaskDues, updatePhaseTimes } from './task-repository.js';

/**
 * Moves a milestone (editor of the plan's owner): the phases whose bounds hang on it move with it,
 * and every open task (not done) of the plan takes the due instant its deadline now resolves to;
 * done tasks keep theirs. One transaction with its audit row (before and after).
 */
export async function moveMilestone(db: Db, options: { actor: Actor; campaignId: number; milestoneId: number; startsAt: string; endsAt: string }) {
  const { actor, campaignId, milestoneId } = options;
  if (!(await selectVisibleCampaign(db, actor, campaignId))) fail('CAMPAIGN_NOT_FOUND');
  const ownerUnitId = (await selectCampaignOwner(db, campaignId)) as number;
  await requireUnitRole(db, actor, [ownerUnitId], 'editor');
  const startsAt = milestoneInstant(options.startsAt, 'start');
  const endsAt = milestoneInstant(options.endsAt, 'end');
  return db.transaction(async (tx) => {
    const plan = await selectPlanTimes(tx, campaignId);
    const milestone = plan.milestones.find((m) => m.id === milestoneId);
    if (!milestone) fail('CAMPAIGN_MILESTONE_NOT_FOUND');
    if (endsAt < startsAt) fail('CAMPAIGN_RANGE_INVALID', { title: milestone.title });
    await updateMilestoneTimes(tx, milestoneId, startsAt, endsAt);
    const milestones = new Map<number, MilestoneTimes>(plan.milestones.map((m) => [m.id, m.id === milestoneId ? { startsAt, endsAt } : m]));
    const phases = plan.phases.map((p) => ({ id: p.id, title: p.title, startsAt: boundInstant(p.starts, 'start', milestones), endsAt: boundInstant(p.ends, 'end', milestones), before: p }));
    const broken = phases.find((p) => p.startsAt && p.endsAt && p.endsAt < p.startsAt);
    if (broken) fail('CAMPAIGN_RANGE_INVALID', { title: broken.title });
    const moved = phases.filter((p) => p.startsAt?.getTime() !== p.before.startsAt?.getTime() || p.endsAt?.getTime() !== p.before.endsAt?.getTime());
    await updatePhaseTimes(tx, moved);
    const phaseEnds = new Map(phases.map((p) => [p.id, p.endsAt]));
    const dues = plan.assignments.map((a) => ({ assignmentId: a.id, dueAt: dueOf(a.deadline, a.phaseId, phaseEnds, milestones).dueAt }));
    const tasksMoved = await updateOpenTaskDues(tx, dues);
    await touchCampaign(tx, campaignId);
    await recordAudit(tx, actor, {
      action: 'campaign.milestone_move',
      entityType: 'campaign',
      entityId: campaignId,
      unitId: ownerUnitId,
      before: { milestoneId, title: milestone.title, startsAt: milestone.startsAt.toISOString(), endsAt: milestone.endsAt.toISOString() },
      after: { milestoneId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), phasesMoved: moved.length, tasksMoved },
    });
    return { milestoneId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), phasesMoved: moved.length, tasksMoved };
  });
}
