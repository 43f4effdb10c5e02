import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { clearTaskDone, setTaskDone } from './repository.js';
import { loadTaskForEditor } from './task-access.js';

/** Marks a task done with a note (an editor whose grant covers the task's unit); a done task is CAMPAIGN_TASK_ALREADY_DONE. */
export async function markTaskDone(db: Db, options: { actor: Actor; taskId: number; note: string }): Promise<void> {
  const { actor, taskId, note } = options;
  const task = await loadTaskForEditor(db, actor, taskId);
  await db.transaction(async (tx) => {
    if (!(await setTaskDone(tx, taskId, note, actor.userId))) fail('CAMPAIGN_TASK_ALREADY_DONE');
    await recordAudit(tx, actor, { action: 'campaign.task_done', entityType: 'campaign_task', entityId: taskId, unitId: task.unitId, after: { note } });
  });
}

/** Reopens a done task (same rule); it is then judged again by its deadline. A task not done is CAMPAIGN_TASK_NOT_DONE. */
export async function reopenTask(db: Db, options: { actor: Actor; taskId: number }): Promise<void> {
  const { actor, taskId } = options;
  const task = await loadTaskForEditor(db, actor, taskId);
  await db.transaction(async (tx) => {
    const before = await clearTaskDone(tx, taskId);
    if (!before) fail('CAMPAIGN_TASK_NOT_DONE');
    await recordAudit(tx, actor, {
      action: 'campaign.task_reopen',
      entityType: 'campaign_task',
      entityId: taskId,
      unitId: task.unitId,
      before: { doneAt: new Date(before.doneAt).toISOString(), note: before.doneNote },
    });
  });
}
