import { describe, expect, it } from 'vitest';
import { deadlineFor, periodClosingOn } from '../../../platform/time/index.js';
import { regimeDefinitionSchema, type FrequencyInput, type LevelDeadlineInput } from '../schemas-regimes.js';
import { DEFAULT_SECTION_TITLE, formOf, frequencyOf, levelDeadlineInputsOf, levelDeadlinesOf, levelOfKind, scheduleOf } from './definition.js';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('the define JSON → schedule', () => {
  it('maps every frequency kind to a platform/time schedule and back', () => {
    const cases: [FrequencyInput, unknown][] = [
      [{ kind: 'weekly', weekday: 'wednesday', time: '16:00' }, { kind: 'weekly', weekday: 3, time: '16:00' }],
      [{ kind: 'weekly', weekday: 'sunday', time: '24:00' }, { kind: 'weekly', weekday: 7, time: '24:00' }],
      [{ kind: 'monthly' }, { kind: 'monthly' }],
      [{ kind: 'quarterly' }, { kind: 'quarterly' }],
      [{ kind: 'half-year' }, { kind: 'half_year' }],
      [{ kind: 'nine-month' }, { kind: 'nine_month' }],
      [{ kind: 'yearly' }, { kind: 'yearly' }],
      [{ kind: 'once', start: '2026-01-05T00:00:00+07:00', end: '2026-01-20T00:00:00+07:00' }, { kind: 'one_off', start: '2026-01-05T00:00:00+07:00', end: '2026-01-20T00:00:00+07:00' }],
    ];
    for (const [frequency, schedule] of cases) {
      expect(scheduleOf(frequency)).toEqual(schedule);
      expect(frequencyOf(scheduleOf(frequency))).toEqual(frequency);
    }
  });

  it('maps level deadlines: a weekday on or before the cut-off, or a day of the last month', () => {
    const inputs: LevelDeadlineInput[] = [
      { unitKinds: ['party_cell'], weekday: 'tuesday', time: '16:00' },
      { unitKinds: ['commune'], day: 16 },
      { unitKinds: ['department'], day: 18, time: '17:00' },
    ];
    const levels = levelDeadlinesOf(inputs);
    expect(levels).toEqual([
      { unitKinds: ['party_cell'], rule: { kind: 'weekday_before_cutoff', weekday: 2, time: '16:00' } },
      { unitKinds: ['commune'], rule: { kind: 'day_of_last_month', day: 16 } },
      { unitKinds: ['department'], rule: { kind: 'day_of_last_month', day: 18, time: '17:00' } },
    ]);
    expect(levelDeadlineInputsOf(levels)).toEqual(inputs);
    expect(levelOfKind(levels, 'commune')?.rule).toEqual({ kind: 'day_of_last_month', day: 16 });
    expect(levelOfKind(levels, 'party_committee')).toBeNull();
  });

  it('gives seed 004\'s instants: the cells by Tuesday 16:00 of the closing week, a monthly commune by the end of the 16th', () => {
    const [cells] = levelDeadlinesOf([{ unitKinds: ['party_cell'], weekday: 'tuesday', time: '16:00' }]);
    const week = periodClosingOn(scheduleOf({ kind: 'weekly', weekday: 'wednesday', time: '16:00' }), '2025-11-12');
    expect(deadlineFor(week, cells?.rule ?? { kind: 'fixed', at: '' })).toEqual(vn('2025-11-11T16:00:00'));
    const [communes] = levelDeadlinesOf([{ unitKinds: ['commune'], day: 16 }]);
    const month = periodClosingOn(scheduleOf({ kind: 'monthly' }), '2026-01-14');
    expect(deadlineFor(month, communes?.rule ?? { kind: 'fixed', at: '' })).toEqual(vn('2026-01-17T00:00:00'));
  });

  it('makes one section of the top-level indicators unless a form is given', () => {
    const parsed = regimeDefinitionSchema.parse({
      code: 'W',
      name: 'Tuần',
      issuerUnit: 'ISS',
      type: 'periodic',
      frequency: { kind: 'monthly' },
      indicators: [{ code: 'A1', label: 'Số cuộc', type: 'integer', aggregation: 'sum' }],
      outline: ['Kết quả', 'Hạn chế'],
    });
    expect(formOf(parsed)).toEqual({ sections: [{ title: DEFAULT_SECTION_TITLE, indicators: parsed.indicators }], relations: [], outline: ['Kết quả', 'Hạn chế'] });
    expect(parsed).toMatchObject({ recipientMode: 'nearest', reportingUnitKinds: [], deadlines: [], reminderOffsetsMinutes: [2880, 240] });
    const form = { sections: [{ title: 'I', indicators: [] }], relations: [], outline: ['X'] };
    expect(formOf({ ...parsed, form })).toEqual(form);
  });

  it('refuses unknown keys, weekdays, times and days', () => {
    const base = { code: 'W', name: 'Tuần', issuerUnit: 'ISS', type: 'periodic', frequency: { kind: 'monthly' } };
    const issues = (extra: object) => regimeDefinitionSchema.safeParse({ ...base, ...extra }).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(issues({ colour: 'red' })).toEqual(['']);
    expect(issues({ frequency: { kind: 'weekly', weekday: 'wed', time: '16:00' } })).toEqual(['frequency.weekday']);
    expect(issues({ frequency: { kind: 'weekly', weekday: 'wednesday', time: '16h' } })).toEqual(['frequency.time']);
    expect(issues({ deadlines: [{ unitKinds: ['commune'], day: 32 }] })).toEqual(['deadlines.0.day']);
    expect(issues({ type: 'weekly' })).toEqual(['type']);
  });
});
