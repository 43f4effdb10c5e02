import { describe, expect, it } from 'vitest';
import { deadlineFor } from './deadline.js';
import { scheduleFromDirectiveRule, weeklyDeadlineFromRule, weeklyScheduleFromRule } from './directive-rule.js';
import { periodAt, periodClosingOn } from './schedule.js';
import { formatVietnamInstant, parseInstant } from './vietnam.js';

describe('from the parser’s deadline rules', () => {
  it('turns "trước 16h00\' Thứ tư hằng tuần" into a Wednesday 16:00 weekly schedule', () => {
    const schedule = weeklyScheduleFromRule({ kind: 'weekly', weekday: 3, time: '16:00' });
    expect(schedule).toEqual({ kind: 'weekly', weekday: 3, time: '16:00' });
    expect(periodAt(schedule, parseInstant('2025-11-05T15:59:59.999')).closingDate).toBe('2025-11-05');
    const week = periodClosingOn(schedule, '2025-11-05');
    const deadline = deadlineFor(week, weeklyDeadlineFromRule({ kind: 'weekly', weekday: 3, time: '16:00' }));
    expect(formatVietnamInstant(deadline)).toBe('2025-11-05T16:00:00.000+07:00');
  });

  it('reads a weekday without an hour as the whole day, unless told otherwise', () => {
    expect(weeklyScheduleFromRule({ kind: 'weekly', weekday: 5, time: null })).toEqual({ kind: 'weekly', weekday: 5, time: '24:00' });
    expect(weeklyScheduleFromRule({ kind: 'weekly', weekday: 5, time: null }, { defaultTime: '16:00' }).time).toBe('16:00');
    expect(() => weeklyScheduleFromRule({ kind: 'weekly', weekday: 5, time: '25:00' })).toThrow(/không hợp lệ/);
  });

  it('maps periodic rules to Decree 09 windows and leaves the rest to people', () => {
    expect(scheduleFromDirectiveRule({ kind: 'periodic', period: 'quarterly', time: null })).toEqual({ kind: 'quarterly' });
    expect(scheduleFromDirectiveRule({ kind: 'periodic', period: 'daily', time: null })).toBeNull();
    expect(scheduleFromDirectiveRule({ kind: 'other' })).toBeNull();
    expect(scheduleFromDirectiveRule({ kind: 'weekly', weekday: 3, time: '16:00' })).toEqual({ kind: 'weekly', weekday: 3, time: '16:00' });
  });
});
