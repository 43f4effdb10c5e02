import { addDays, parseInstant, parseIsoDate, vietnamInstant } from '../../../platform/time/vietnam.js';
import type { AssignmentDeadline, TimeBound } from '../tables.js';

/**
 * A plan's bounds resolved to instants (pure). A date is a Vietnam day: as a start it is the day's
 * first instant, as an end its last second (23:59:59 Vietnam time), so a task due "30/6/2025" is
 * overdue from 23:59:59 that day on. A milestone edge is the milestone's start or end instant; an
 * instant is itself. Moving a milestone re-resolves everything that hangs on it with these rules.
 */

export interface MilestoneTimes {
  startsAt: Date;
  endsAt: Date;
}

export type Side = 'start' | 'end';

/** A Vietnam day's first instant (start) or last second (end). */
export function dayEdge(isoDate: string, side: Side): Date {
  const day = parseIsoDate(isoDate);
  if (side === 'start') return vietnamInstant(day);
  return new Date(vietnamInstant(addDays(day, 1)).getTime() - 1000);
}

/** A milestone's start or end as typed: an instant, or a Vietnam day read as its first or last second. */
export function milestoneInstant(text: string, side: Side): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? dayEdge(text, side) : parseInstant(text);
}

export function boundInstant(bound: TimeBound | null, side: Side, milestones: ReadonlyMap<number, MilestoneTimes>): Date | null {
  if (bound === null) return null;
  if (bound.kind === 'date') return dayEdge(bound.date, side);
  if (bound.kind === 'instant') return parseInstant(bound.at);
  const milestone = milestones.get(bound.milestoneId);
  if (!milestone) return null;
  return bound.edge === 'start' ? milestone.startsAt : milestone.endsAt;
}

export interface Due {
  dueAt: Date | null;
  recurrence: 'week' | 'month' | 'phase' | null;
}

/**
 * When a task of an assignment is due: its deadline read as an end (a date → the day's last second),
 * the end of a phase, or — recurring — the end of its phase with the recurrence kept beside it. No
 * deadline: the end of the assignment's phase, else none.
 */
export function dueOf(
  deadline: AssignmentDeadline | null,
  assignmentPhaseId: number | null,
  phaseEnds: ReadonlyMap<number, Date | null>,
  milestones: ReadonlyMap<number, MilestoneTimes>,
): Due {
  const phaseEnd = (id: number | null) => (id === null ? null : (phaseEnds.get(id) ?? null));
  if (deadline === null) return { dueAt: phaseEnd(assignmentPhaseId), recurrence: null };
  if (deadline.kind === 'phase_end') return { dueAt: phaseEnd(deadline.phaseId), recurrence: null };
  if (deadline.kind === 'recurring') return { dueAt: phaseEnd(deadline.phaseId ?? assignmentPhaseId), recurrence: deadline.every };
  return { dueAt: boundInstant(deadline, 'end', milestones), recurrence: null };
}
