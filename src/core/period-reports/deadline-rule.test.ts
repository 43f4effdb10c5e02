import { describe, expect, it } from 'vitest';
import { periodClosingOn, type Period } from '../../platform/time/index.js';
import { heightsNeeded, isPeriodOpen, levelCascadeProblems, levelDeadline, levelRule, periodPhase, ruleDeadline, type LevelDeadlines } from './deadline-rule.js';

const vn = (local: string) => new Date(`${local}+07:00`);
const week: Period = periodClosingOn({ kind: 'weekly', weekday: 3, time: '16:00' }, '2025-11-12');
/** The consultation's weekly rule (seed 004): grassroots by Tuesday 16:00, the others by the Wednesday 16:00 cut-off. */
const weekly: LevelDeadlines = {
  byHeight: [{ kind: 'weekday_before_cutoff', weekday: 2, time: '16:00' }],
  otherwise: { kind: 'weekday_before_cutoff', weekday: 3, time: '16:00' },
};

describe('per-level deadlines', () => {
  it('gives grassroots units (height 0) the Tuesday and every level above the Wednesday cut-off, to the second', () => {
    expect(levelDeadline(week, weekly, { kind: 'party_cell', height: 0 })).toEqual(vn('2025-11-11T16:00:00'));
    expect(levelDeadline(week, weekly, { kind: 'party_committee', height: 1 })).toEqual(vn('2025-11-12T16:00:00'));
    expect(levelDeadline(week, weekly, { kind: 'central', height: 7 })).toEqual(week.end);
    expect(heightsNeeded(weekly)).toBe(1);
  });

  it('lets each level up the ladder report later, and a unit kind rule take precedence over the height', () => {
    const ladder: LevelDeadlines = {
      byKind: { press: { kind: 'fixed', at: '2025-11-13T08:00' } },
      byHeight: [
        { kind: 'offset_from_cutoff', minutes: -48 * 60 },
        { kind: 'offset_from_cutoff', minutes: -24 * 60 },
      ],
      otherwise: { kind: 'offset_from_cutoff', minutes: 0 },
    };
    expect([0, 1, 2, 3].map((height) => levelDeadline(week, ladder, { kind: 'commune', height }).toISOString())).toEqual([
      vn('2025-11-10T16:00:00').toISOString(),
      vn('2025-11-11T16:00:00').toISOString(),
      week.end.toISOString(),
      week.end.toISOString(),
    ]);
    expect(levelDeadline(week, ladder, { kind: 'press', height: 0 })).toEqual(vn('2025-11-13T08:00:00'));
    expect(levelRule(ladder, { kind: 'toString', height: 9 })).toEqual({ kind: 'offset_from_cutoff', minutes: 0 });
    expect(heightsNeeded(ladder)).toBe(2);
  });

  it('follows Decree 09 monthly windows: communes by the 16th, departments by the 18th, the province by the 20th (end of day)', () => {
    const january = periodClosingOn({ kind: 'monthly' }, '2026-01-14');
    const monthly: LevelDeadlines = {
      byHeight: [
        { kind: 'day_of_last_month', day: 16 },
        { kind: 'day_of_last_month', day: 18 },
      ],
      otherwise: { kind: 'day_of_last_month', day: 20, time: '17:00' },
    };
    expect(january.start).toEqual(vn('2025-12-15T00:00:00'));
    expect(levelDeadline(january, monthly, { kind: 'commune', height: 0 })).toEqual(vn('2026-01-17T00:00:00'));
    expect(levelDeadline(january, monthly, { kind: 'department', height: 1 })).toEqual(vn('2026-01-19T00:00:00'));
    expect(levelDeadline(january, monthly, { kind: 'people_committee', height: 2 })).toEqual(vn('2026-01-20T17:00:00'));
    expect(levelCascadeProblems(january, monthly)).toEqual([]);
  });

  it('uses the cut-off itself without rules, and reports a cascade whose lower level is due after the higher one', () => {
    expect(levelDeadline(week, {}, { kind: 'commune', height: 0 })).toEqual(week.end);
    expect(ruleDeadline(week, null)).toEqual(week.end);
    const upsideDown: LevelDeadlines = { byHeight: [{ kind: 'offset_from_cutoff', minutes: 60 }], otherwise: { kind: 'offset_from_cutoff', minutes: 0 } };
    expect(levelCascadeProblems(week, upsideDown)).toEqual([{ lower: 0, higher: 1 }]);
    expect(levelCascadeProblems(week, weekly)).toEqual([]);
  });

  it('refuses an offset that is no whole number of minutes or longer than a year', () => {
    for (const minutes of [1.5, Number.NaN, 400 * 24 * 60]) {
      expect(() => ruleDeadline(week, { kind: 'offset_from_cutoff', minutes })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', reason: 'DEADLINE_OFFSET_INVALID' }));
    }
  });
});

describe('open periods and phases', () => {
  it('is open from its start (inclusive) to its cut-off (exclusive)', () => {
    expect(isPeriodOpen(week, vn('2025-11-05T15:59:59.999'))).toBe(false);
    expect(isPeriodOpen(week, vn('2025-11-05T16:00:00'))).toBe(true);
    expect(isPeriodOpen(week, vn('2025-11-12T15:59:59.999'))).toBe(true);
    expect(isPeriodOpen(week, vn('2025-11-12T16:00:00'))).toBe(false);
  });

  it('is overdue at the deadline instant, even while still open for a grassroots deadline before the cut-off', () => {
    const grassroots = levelDeadline(week, weekly, { kind: 'party_cell', height: 0 });
    expect(periodPhase(week, grassroots, vn('2025-11-01T00:00:00'))).toBe('upcoming');
    expect(periodPhase(week, grassroots, vn('2025-11-11T15:59:59.999'))).toBe('open');
    expect(periodPhase(week, grassroots, vn('2025-11-11T16:00:00'))).toBe('overdue');
    const late: Date = vn('2025-11-14T17:00:00');
    expect(periodPhase(week, late, vn('2025-11-12T16:00:00'))).toBe('due');
    expect(periodPhase(week, late, vn('2025-11-14T16:59:59.999'))).toBe('due');
    expect(periodPhase(week, late, vn('2025-11-14T17:00:00'))).toBe('overdue');
  });
});
