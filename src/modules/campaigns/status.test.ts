import { describe, expect, it } from 'vitest';
import { groupStatus, taskStatus } from './status.js';

describe('task status', () => {
  const due = new Date('2025-12-31T16:59:59.000Z');
  const at = (ms: number) => new Date(due.getTime() + ms);

  it('turns overdue at the deadline instant, to the second', () => {
    expect(taskStatus({ doneAt: null, dueAt: due, activities: 0 }, at(-1000))).toBe('not_started');
    expect(taskStatus({ doneAt: null, dueAt: due, activities: 0 }, at(0))).toBe('overdue');
    expect(taskStatus({ doneAt: null, dueAt: due, activities: 0 }, at(1000))).toBe('overdue');
  });

  it('is in progress with an activity before its deadline, done once marked done (even late), never overdue without a deadline', () => {
    expect(taskStatus({ doneAt: null, dueAt: due, activities: 2 }, at(-1))).toBe('in_progress');
    expect(taskStatus({ doneAt: null, dueAt: due, activities: 2 }, at(0))).toBe('overdue');
    expect(taskStatus({ doneAt: at(5000), dueAt: due, activities: 0 }, at(10_000))).toBe('done');
    expect(taskStatus({ doneAt: null, dueAt: null, activities: 0 }, at(1e12))).toBe('not_started');
  });

  it('a group: done when all are, overdue when any is, in progress when any acted', () => {
    expect(groupStatus({ done: 2, inProgress: 0, overdue: 0, notStarted: 0 })).toBe('done');
    expect(groupStatus({ done: 1, inProgress: 0, overdue: 1, notStarted: 3 })).toBe('overdue');
    expect(groupStatus({ done: 1, inProgress: 0, overdue: 0, notStarted: 3 })).toBe('in_progress');
    expect(groupStatus({ done: 0, inProgress: 0, overdue: 0, notStarted: 3 })).toBe('not_started');
    expect(groupStatus({ done: 0, inProgress: 0, overdue: 0, notStarted: 0 })).toBeNull();
  });
});
