import type { Actor } from '../../../platform/access/roles.js';
import { roleRank } from '../../../platform/access/roles.js';
import { effectiveRoles } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { actorScope } from './repository-read.js';
import { selectTask, selectTaskActivities, selectTaskFamily, selectThemes, scopeSeesTask } from './repository-task.js';
import { addQuantities } from './rollup.js';

/**
 * A task's page: the task (status derived), its plan and assignment, the task it implements, the
 * cascade below it rolled up (units that acted, quantities over the subtree, units idle — each unit
 * once), and its activities with their files. Seen by the task's unit's scope and the plan owner's;
 * `canRecord`: the actor may record its activities and mark it done (editor of the task's unit).
 */
export async function getCampaignTask(db: Queryable, input: { actor: Actor; taskId: number; now?: Date }) {
  const now = input.now ?? new Date();
  if (!(await scopeSeesTask(db, actorScope(input.actor), input.taskId))) fail('CAMPAIGN_TASK_NOT_FOUND');
  const task = await selectTask(db, input.taskId, now);
  if (!task) fail('CAMPAIGN_TASK_NOT_FOUND');
  const family = await selectTaskFamily(db, task.id, now);
  const parent = task.parentTaskId === null ? null : await selectTask(db, task.parentTaskId, now);
  const activities = await selectTaskActivities(db, task.id);
  const themes = (await selectThemes(db, task.campaignId)).filter((t) => task.themeIds.includes(t.id));
  const role = (await effectiveRoles(db, input.actor, [task.unitId])).get(task.unitId);
  const below = family.filter((f) => f.depth > 0);
  const acted = new Set(family.filter((f) => f.activities > 0 || f.status === 'done').map((f) => f.unitId));
  const units = new Map(family.map((f) => [f.unitId, { id: f.unitId, code: f.unitCode, name: f.unitName }]));
  const quantities: Record<string, number> = {};
  for (const f of family) addQuantities(quantities, f.quantities);
  return {
    ...task,
    code: `${task.campaignCode}-${task.assignmentPosition}`,
    themes,
    canRecord: role !== undefined && roleRank[role] <= roleRank.editor,
    parentTask: parent && { id: parent.id, code: `${parent.campaignCode}-${parent.assignmentPosition}`, campaignId: parent.campaignId, campaignTitle: parent.campaignTitle, unitName: parent.unitName, status: parent.status },
    rollup: {
      units: units.size,
      unitsActed: acted.size,
      activities: family.reduce((a, f) => a + f.activities, 0),
      quantities,
      idleUnits: [...units.values()].filter((u) => !acted.has(u.id)),
    },
    below: below.map((f) => ({ id: f.id, parentTaskId: f.parentTaskId, depth: f.depth, campaignCode: f.campaignCode, unitId: f.unitId, unitName: f.unitName, status: f.status, activities: f.activities })),
    activities,
  };
}
