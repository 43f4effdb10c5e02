import { describe, expect, it } from 'vitest';
import { deadlineFor, periodAt } from '../../../platform/time/index.js';
import { checkCutoff, cutoffDeadlineRules } from './policy.js';

describe('a weekly cut-off chosen in the web app', () => {
  it('accepts a weekday 1–7 and HH:MM only', () => {
    expect(() => checkCutoff({ weekday: 5, time: '10:00' })).not.toThrow();
    for (const bad of [{ weekday: 0, time: '10:00' }, { weekday: 8, time: '10:00' }, { weekday: 1.5, time: '10:00' }, { weekday: 3, time: '24:00' }, { weekday: 3, time: '9:00' }]) {
      expect(() => checkCutoff(bad)).toThrow(expect.objectContaining({ reason: 'CONSULTATION_CUTOFF_INVALID' }));
    }
  });

  it('gives grassroots units the day before the cut-off, at the same time, for every weekday', () => {
    for (let weekday = 1; weekday <= 7; weekday++) {
      const time = '10:30';
      const period = periodAt({ kind: 'weekly', weekday: weekday as 1, time }, new Date('2026-03-04T12:00:00+07:00'));
      const [grassroots] = cutoffDeadlineRules({ weekday, time });
      expect(period.end.getTime() - deadlineFor(period, grassroots!.rule).getTime()).toBe(24 * 3_600_000);
    }
  });
});
