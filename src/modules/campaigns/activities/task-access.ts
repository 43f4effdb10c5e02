import type { Queryable } from '../../../platform/db/database.js';
import { roleRank, type Actor, type Role } from '../../../platform/access/roles.js';
import { effectiveRoles } from '../../../platform/access/scope.js';
import { fail, type ErrorReason } from '../../../platform/errors.js';
import { selectTask, type TaskRow } from './repository.js';

/**
 * Who may act on a task: a user whose grant covers the task's unit (the unit's own editors, or an
 * editor of a unit above it, since a grant holds for its whole subtree) with at least `minimum`.
 * Outside every granted subtree the task is "not found" (`notFound`); a weaker role is FORBIDDEN.
 */
export async function requireTaskRole(db: Queryable, actor: Actor, unitId: number, minimum: Role, notFound: ErrorReason): Promise<void> {
  const role = (await effectiveRoles(db, actor, [unitId])).get(unitId);
  if (!role) fail(notFound);
  if (roleRank[role] > roleRank[minimum]) fail('ROLE_TOO_WEAK', { unitId, required: minimum });
}

export async function loadTaskForEditor(db: Queryable, actor: Actor, taskId: number): Promise<TaskRow> {
  const task = await selectTask(db, taskId);
  if (!task) fail('CAMPAIGN_TASK_NOT_FOUND');
  await requireTaskRole(db, actor, task.unitId, 'editor', 'CAMPAIGN_TASK_NOT_FOUND');
  return task;
}
