import type { Queryable } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import { selectUnitHistory, type Subject, type SubmissionEntry } from './repository.js';
import { countStatuses, selectChildrenStatus, selectSubtreeStatusCounts, type ChildStatus, type DueCheck, type StatusCounts } from './status-repository.js';

/** Every version a unit sent for a subject (one period or all), newest first, for a viewer of the unit. */
export async function periodReportHistory(
  db: Queryable,
  options: { actor: Actor; subject: Subject; unitId: number; periodKey?: string | undefined },
): Promise<SubmissionEntry[]> {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  return selectUnitHistory(db, options);
}

export interface PeriodStatus {
  /** The direct children, one by one, with their counts. */
  children: ChildStatus[];
  counts: StatusCounts;
  /** Every unit below the unit, each once. */
  subtree: StatusCounts;
}

/**
 * For a viewer of the unit: its children's submitted / late / missing / overdue / returned / approved
 * status of a period, and the counts over its subtree (`due`: what tells overdue from missing).
 */
export async function periodReportStatus(db: Queryable, options: { actor: Actor; subject: Subject; unitId: number; periodKey: string; due?: DueCheck | undefined }): Promise<PeriodStatus> {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  const key = { subject: options.subject, periodKey: options.periodKey, due: options.due };
  const children = await selectChildrenStatus(db, { ...key, parentId: options.unitId });
  const subtree = await selectSubtreeStatusCounts(db, { ...key, rootId: options.unitId });
  return { children, counts: countStatuses(children), subtree };
}
