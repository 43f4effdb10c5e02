import { groupStatus, type CampaignTaskStatus } from '../status.js';
import type { ProgressTaskRow } from './repository-progress.js';

/**
 * Adding up a subtree's tasks (pure): per assignment, per grid row (the unit asked and each child
 * whose subtree has tasks) and overall. Units are counted through sets, so a unit with two tasks
 * (or a task of its own and one of an implementing plan) is one unit.
 */

export interface StatusCounts {
  done: number;
  inProgress: number;
  overdue: number;
  notStarted: number;
}

export interface Tally extends StatusCounts {
  assigned: number;
  activities: number;
  quantities: Record<string, number>;
  /** Distinct units of the tasks and of the implementing tasks below them. */
  units: number;
  unitsActed: number;
  idleUnitIds: number[];
}

const emptyCounts = (): StatusCounts => ({ done: 0, inProgress: 0, overdue: 0, notStarted: 0 });

export function countStatus(counts: StatusCounts, status: CampaignTaskStatus): void {
  if (status === 'done') counts.done++;
  else if (status === 'in_progress') counts.inProgress++;
  else if (status === 'overdue') counts.overdue++;
  else counts.notStarted++;
}

export function addQuantities(into: Record<string, number>, add: Record<string, number>): void {
  for (const [kind, n] of Object.entries(add)) into[kind] = (into[kind] ?? 0) + Number(n);
}

/** The tally of a set of tasks (each with its cascade below). */
export function tally(rows: readonly ProgressTaskRow[]): Tally {
  const counts = emptyCounts();
  const quantities: Record<string, number> = {};
  const units = new Set<number>();
  const acted = new Set<number>();
  let activities = 0;
  for (const row of rows) {
    countStatus(counts, row.status);
    addQuantities(quantities, row.quantities);
    activities += row.activities;
    for (const id of row.familyUnitIds) units.add(id);
    for (const id of row.actedUnitIds) acted.add(id);
  }
  const idleUnitIds = [...units].filter((id) => !acted.has(id)).sort((a, b) => a - b);
  return { ...counts, assigned: rows.length, activities, quantities, units: units.size, unitsActed: acted.size, idleUnitIds };
}

export function groupBy<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export interface GridCell {
  assignmentId: number;
  /** The task itself when the row's unit holds it alone; null for a child's subtree of several tasks. */
  taskId: number | null;
  status: CampaignTaskStatus | null;
  done: number;
  total: number;
}

/** A grid row: one unit (the unit asked: its own tasks; a child: its whole subtree's) × the assignments. */
export function gridRow(rows: readonly ProgressTaskRow[], assignmentIds: readonly number[]): { cells: GridCell[]; status: CampaignTaskStatus | null; drillable: boolean } {
  const byAssignment = groupBy(rows, (r) => r.assignmentId);
  const all = emptyCounts();
  const cells = assignmentIds.map((assignmentId) => {
    const tasks = byAssignment.get(assignmentId) ?? [];
    const counts = emptyCounts();
    for (const t of tasks) {
      countStatus(counts, t.status);
      countStatus(all, t.status);
    }
    const own = tasks.length === 1 && tasks[0]!.unitId === tasks[0]!.rowUnitId ? tasks[0]!.taskId : null;
    return { assignmentId, taskId: own, status: groupStatus(counts), done: counts.done, total: tasks.length };
  });
  return { cells, status: groupStatus(all), drillable: rows.some((r) => r.unitId !== r.rowUnitId) };
}
