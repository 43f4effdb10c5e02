import type { CampaignTaskStatus } from '../../shared/campaign-labels.js';

export type { CampaignTaskStatus } from '../../shared/campaign-labels.js';
/** The same rule as one SQL expression (SQL lives in repository files). */
export { taskStatusSql } from './repository-status.js';

/**
 * A task's status, derived and never stored (issue 12 item 3), in this order:
 * done (done_at set) · overdue (not done and now ≥ due_at, to the second) · in_progress (an activity
 * recorded) · not_started. The same rule twice: `taskStatus` in JavaScript and `taskStatusSql` in SQL
 * (campaign-progress.int.test.ts keeps them equal).
 */
export interface TaskStatusInput {
  doneAt: Date | null;
  dueAt: Date | null;
  /** Activities recorded for the task (campaign_task_totals.activities). */
  activities: number;
}

export function taskStatus(task: TaskStatusInput, now: Date): CampaignTaskStatus {
  if (task.doneAt !== null) return 'done';
  if (task.dueAt !== null && now.getTime() >= task.dueAt.getTime()) return 'overdue';
  if (task.activities > 0) return 'in_progress';
  return 'not_started';
}

/** Statuses rank for a group of tasks: the group shows the most urgent one ("overdue" first). */
export const statusUrgency: Record<CampaignTaskStatus, number> = { overdue: 0, not_started: 1, in_progress: 2, done: 3 };

/**
 * The status of a group of tasks (a unit's tasks, a cell of the grid): done when all are done,
 * overdue when any is, in progress when any has acted (activity or done), else not started.
 */
export function groupStatus(counts: { done: number; overdue: number; inProgress: number; notStarted: number }): CampaignTaskStatus | null {
  const total = counts.done + counts.overdue + counts.inProgress + counts.notStarted;
  if (total === 0) return null;
  if (counts.done === total) return 'done';
  if (counts.overdue > 0) return 'overdue';
  if (counts.inProgress > 0 || counts.done > 0) return 'in_progress';
  return 'not_started';
}
