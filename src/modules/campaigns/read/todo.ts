import type { Actor } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { DAY_MS } from '../../../platform/time/index.js';
import { selectDueTasks, type DueTaskRow } from './repository-views.js';

/** How far ahead "Việc cần làm" looks: tasks due within 14 days, and every overdue one. */
export const TODO_HORIZON_DAYS = 14;

/**
 * "Việc cần làm": the tasks of the user's units (the units of their grants) not done and due within
 * 14 days or overdue, latest deadline first. A grant on a province lists the province's own tasks,
 * not those of its 3,000 communes (they have their own users).
 */
export async function listTodo(db: Queryable, input: { actor: Actor; now?: Date }): Promise<DueTaskRow[]> {
  const now = input.now ?? new Date();
  const unitIds = input.actor.grants.flatMap((g) => (g.unitId === null ? [] : [g.unitId]));
  return selectDueTasks(db, { unitIds, now, until: new Date(now.getTime() + TODO_HORIZON_DAYS * DAY_MS) });
}
