/**
 * From the directive parser's deadline rules (core/vn-document/types.ts `DeadlineRule`)
 * to schedules. Platform must not import modules, so the parser's shapes are restated here
 * structurally; the parser's `DeadlineRule` is assignable to `DirectiveDeadlineRule`.
 */
import type { PeriodDeadlineRule } from './deadline.js';
import type { CalendarSchedule, Schedule, WeeklySchedule } from './schedule.js';
import { parseTimeOfDay, type IsoWeekday } from './vietnam.js';

/** The parser's weekly rule, e.g. "trước 16h00' Thứ tư hằng tuần" → `{kind:'weekly', weekday:3, time:'16:00'}`. */
export interface DirectiveWeeklyRule {
  kind: 'weekly';
  weekday: IsoWeekday;
  time: string | null;
}

export type DirectiveDeadlineRule =
  | DirectiveWeeklyRule
  | { kind: 'periodic'; period: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'half_year' | 'yearly'; time: string | null }
  | { kind: 'date' | 'other' };

/**
 * "By Wednesday" with no hour means through the end of Wednesday: 24:00 (= Thursday 00:00),
 * still named after Wednesday so the period closes "on Wednesday".
 */
const WHOLE_DAY = '24:00';

/**
 * The weekly schedule whose cut-off is the rule's weekday and time: "trước 16h00 thứ Tư hằng tuần"
 * → `{kind:'weekly', weekday:3, time:'16:00'}`. Without a time: `options.defaultTime`, else the end
 * of that day (24:00). Throws VALIDATION_FAILED for an impossible time.
 */
export function weeklyScheduleFromRule(rule: DirectiveWeeklyRule, options: { defaultTime?: string } = {}): WeeklySchedule {
  const time = rule.time ?? options.defaultTime ?? WHOLE_DAY;
  parseTimeOfDay(time);
  return { kind: 'weekly', weekday: rule.weekday, time };
}

/** The same rule as a level's deadline within a weekly period: that weekday and time, at or before the cut-off. */
export function weeklyDeadlineFromRule(rule: DirectiveWeeklyRule, options: { defaultTime?: string } = {}): PeriodDeadlineRule {
  const { weekday, time } = weeklyScheduleFromRule(rule, options);
  return { kind: 'weekday_before_cutoff', weekday, time };
}

const DECREE_09_KINDS: Partial<Record<string, CalendarSchedule['kind']>> = {
  monthly: 'monthly',
  quarterly: 'quarterly',
  half_year: 'half_year',
  yearly: 'yearly',
};

/**
 * A schedule for any parser rule it can describe: weekly rules as above; "hằng tháng / quý /
 * 6 tháng / năm" as Decree 09 windows (cut-off on the 14th). Null for dates, daily or weekly
 * rules without a weekday, and unrecognised text — those need a person to set the schedule.
 */
export function scheduleFromDirectiveRule(rule: DirectiveDeadlineRule, options: { defaultTime?: string } = {}): Schedule | null {
  if (rule.kind === 'weekly') return weeklyScheduleFromRule(rule, options);
  if (rule.kind === 'periodic') {
    const kind = DECREE_09_KINDS[rule.period];
    return kind ? { kind } : null;
  }
  return null;
}
