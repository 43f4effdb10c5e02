import { describe, expect, it } from 'vitest';
import { DAY_MS, periodClosingOn } from '../../../platform/time/index.js';
import { levelDeadlinesOf } from './definition.js';
import { levelWarnings, nextPeriodOf, shownInstant, workingTimeBetween } from './warnings.js';

const vn = (local: string) => new Date(`${local}+07:00`);
const week = periodClosingOn({ kind: 'weekly', weekday: 3, time: '16:00' }, '2025-11-12');
const codes = (w: { code: string }[]) => w.map((x) => x.code);

describe('deadline warnings', () => {
  it('counts working time only: Tuesday 16:00 → Wednesday 16:00 is one working day, Friday 16:00 → Monday 16:00 too', () => {
    expect(workingTimeBetween(vn('2025-11-11T16:00:00'), vn('2025-11-12T16:00:00'))).toBe(DAY_MS);
    expect(workingTimeBetween(vn('2025-11-14T16:00:00'), vn('2025-11-17T16:00:00'))).toBe(DAY_MS);
    expect(workingTimeBetween(vn('2025-11-15T00:00:00'), vn('2025-11-17T00:00:00'))).toBe(0);
    expect(workingTimeBetween(vn('2025-11-12T16:00:00'), vn('2025-11-11T16:00:00'))).toBe(0);
  });

  it('says nothing for seed 004: cells by Tuesday 16:00, committees by the Wednesday 16:00 cut-off', () => {
    const levels = levelDeadlinesOf([{ unitKinds: ['party_cell'], weekday: 'tuesday', time: '16:00' }]);
    const pairs = [
      { kind: 'party_cell', recipientKind: 'party_committee' },
      { kind: 'party_cell', recipientKind: null },
      { kind: 'party_committee', recipientKind: null },
    ];
    expect(levelWarnings(week, levels, pairs)).toEqual([]);
  });

  it('warns when a level is due less than a working day before the level it reports to', () => {
    const levels = levelDeadlinesOf([{ unitKinds: ['party_cell'], weekday: 'wednesday', time: '09:00' }]);
    const warnings = levelWarnings(week, levels, [{ kind: 'party_cell', recipientKind: 'party_committee' }]);
    expect(codes(warnings)).toEqual(['LEVEL_GAP_TOO_SHORT']);
    expect(warnings[0]?.message).toContain('Chi bộ nộp báo cáo hạn 09:00 thứ Tư 12/11/2025, Cấp ủy đảng tổng hợp gửi lên hạn 16:00 thứ Tư 12/11/2025');
    expect(codes(levelWarnings(week, [], [{ kind: 'party_cell', recipientKind: 'party_committee' }]))).toEqual(['LEVEL_GAP_TOO_SHORT']);
  });

  it('warns when a level that receives reports is due before the cut-off', () => {
    const levels = levelDeadlinesOf([
      { unitKinds: ['party_cell'], weekday: 'monday', time: '08:00' },
      { unitKinds: ['party_committee'], weekday: 'tuesday', time: '16:00' },
    ]);
    expect(codes(levelWarnings(week, levels, [{ kind: 'party_cell', recipientKind: 'party_committee' }]))).toEqual(['DEADLINE_BEFORE_CUTOFF']);
  });

  it('measures a monthly cascade on its period: communes 16th, departments 18th, province 20th', () => {
    const levels = levelDeadlinesOf([
      { unitKinds: ['commune'], day: 16 },
      { unitKinds: ['department'], day: 18 },
      { unitKinds: ['people_committee'], day: 20 },
    ]);
    const pairs = [
      { kind: 'commune', recipientKind: 'department' },
      { kind: 'department', recipientKind: 'people_committee' },
    ];
    // January 2026: 16/01 Friday, 17–18 a weekend: the departments have no working day after the communes.
    const january = periodClosingOn({ kind: 'monthly' }, '2026-01-14');
    expect(codes(levelWarnings(january, levels, pairs))).toEqual(['LEVEL_GAP_TOO_SHORT']);
    // April 2026: 16/04 Thursday, 18/04 Saturday (the 17th is a working day), 20/04 Monday (the 19th is not, the 20th is).
    const april = periodClosingOn({ kind: 'monthly' }, '2026-04-14');
    expect(levelWarnings(april, levels, pairs)).toEqual([]);
  });

  it('warns of a "day N" deadline with no full working day after the cut-off (15–16/08/2026 is a weekend)', () => {
    const levels = levelDeadlinesOf([{ unitKinds: ['commune'], day: 16 }]);
    const august = periodClosingOn({ kind: 'monthly' }, '2026-08-14');
    expect(codes(levelWarnings(august, levels, []))).toEqual(['DEADLINE_TOO_CLOSE']);
  });

  it('measures on the next period, and shows an end-of-day deadline as 24:00 of its day', () => {
    expect(nextPeriodOf({ kind: 'weekly', weekday: 3, time: '16:00' }, vn('2025-11-10T09:00:00')).key).toBe('2025-11-19');
    expect(nextPeriodOf({ kind: 'one_off', start: '2026-01-05T00:00:00+07:00', end: '2026-01-20T00:00:00+07:00' }, vn('2020-01-01T00:00:00')).closingDate).toBe('2026-01-19');
    expect(shownInstant(vn('2026-01-17T00:00:00'))).toBe('24:00 thứ Sáu 16/01/2026');
  });
});
