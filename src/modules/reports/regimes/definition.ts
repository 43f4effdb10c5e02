/**
 * From the `define` JSON (schemas-regimes.ts) to what a regime stores — a platform/time schedule,
 * per-level deadline rules, one form — and back (pure).
 */
import type { IsoWeekday, PeriodDeadlineRule, Schedule } from '../../../platform/time/index.js';
import { invariant } from '../../../platform/errors.js';
import type { ReportForm } from '../../../shared/report-form.js';
import type { FrequencyInput, LevelDeadlineInput, RegimeDefinition, WeekdayName } from '../schemas-regimes.js';
import { weekdayNames } from '../schemas-regimes.js';
import type { RegimeLevelDeadline } from '../tables.js';

/** The section that holds a definition's `indicators` when it gives no `form`. */
export const DEFAULT_SECTION_TITLE = 'Số liệu';

function isoWeekday(name: WeekdayName): IsoWeekday {
  return (weekdayNames.indexOf(name) + 1) as IsoWeekday;
}

function weekdayName(day: IsoWeekday): WeekdayName {
  const name = weekdayNames[day - 1];
  invariant(name !== undefined, `weekday ${day}`);
  return name;
}

const CALENDAR_KINDS = { monthly: 'monthly', quarterly: 'quarterly', 'half-year': 'half_year', 'nine-month': 'nine_month', yearly: 'yearly' } as const;
type CalendarFrequency = keyof typeof CALENDAR_KINDS;

/** weekly → a weekly cut-off; monthly … yearly → Decree 09 windows (cut-off day 14); once → one window. */
export function scheduleOf(frequency: FrequencyInput): Schedule {
  switch (frequency.kind) {
    case 'weekly':
      return { kind: 'weekly', weekday: isoWeekday(frequency.weekday), time: frequency.time };
    case 'once':
      return { kind: 'one_off', start: frequency.start, end: frequency.end };
    default:
      return { kind: CALENDAR_KINDS[frequency.kind] };
  }
}

/** The `frequency` of the JSON for a stored schedule (a calendar schedule's cut-off day is 14 here). */
export function frequencyOf(schedule: Schedule): FrequencyInput {
  switch (schedule.kind) {
    case 'weekly':
      return { kind: 'weekly', weekday: weekdayName(schedule.weekday), time: schedule.time };
    case 'one_off':
      return { kind: 'once', start: schedule.start, end: schedule.end };
    default: {
      const entry = Object.entries(CALENDAR_KINDS).find(([, kind]) => kind === schedule.kind);
      invariant(entry !== undefined, `schedule kind ${schedule.kind}`);
      return { kind: entry[0] as CalendarFrequency };
    }
  }
}

/** `{unitKinds, weekday, time}` → the weekday on or before the cut-off; `{unitKinds, day, time?}` → that day of the last month. */
export function levelDeadlinesOf(deadlines: readonly LevelDeadlineInput[]): RegimeLevelDeadline[] {
  return deadlines.map((d): RegimeLevelDeadline => {
    const unitKinds = [...d.unitKinds];
    if ('weekday' in d) return { unitKinds, rule: { kind: 'weekday_before_cutoff', weekday: isoWeekday(d.weekday), time: d.time } };
    const rule: PeriodDeadlineRule = d.time === undefined ? { kind: 'day_of_last_month', day: d.day } : { kind: 'day_of_last_month', day: d.day, time: d.time };
    return { unitKinds, rule };
  });
}

/** The JSON's `deadlines` for stored level rules (rules the JSON cannot write are left out). */
export function levelDeadlineInputsOf(levels: readonly RegimeLevelDeadline[]): LevelDeadlineInput[] {
  return levels.flatMap((level): LevelDeadlineInput[] => {
    const unitKinds = level.unitKinds as LevelDeadlineInput['unitKinds'];
    const rule = level.rule;
    if (rule.kind === 'weekday_before_cutoff') return [{ unitKinds, weekday: weekdayName(rule.weekday), time: rule.time }];
    if (rule.kind === 'day_of_last_month') return [rule.time === undefined ? { unitKinds, day: rule.day } : { unitKinds, day: rule.day, time: rule.time }];
    return [];
  });
}

/** The definition's form: `form` when given, else its `indicators` as one section and its `outline`. */
export function formOf(definition: Pick<RegimeDefinition, 'form' | 'indicators' | 'outline'>): ReportForm {
  if (definition.form) return { sections: definition.form.sections, relations: definition.form.relations, outline: definition.form.outline };
  const sections = definition.indicators.length > 0 ? [{ title: DEFAULT_SECTION_TITLE, indicators: definition.indicators }] : [];
  return { sections, relations: [], outline: definition.outline };
}

/** The first level whose kinds include `kind` (null: the unit reports at the period's cut-off). */
export function levelOfKind(levels: readonly RegimeLevelDeadline[], kind: string): RegimeLevelDeadline | null {
  return levels.find((level) => level.unitKinds.includes(kind)) ?? null;
}
