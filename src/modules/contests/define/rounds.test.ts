import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.js';
import type { ContestRound, RoundWrite } from './repository.js';
import { roundChanges } from './rounds.js';
import { roundPoolWarnings } from './warnings.js';

const settings = (number: number, opens: string, extra: Partial<RoundWrite> = {}): RoundWrite => ({
  number,
  opensAt: new Date(opens),
  closesAt: new Date(new Date(opens).getTime() + 86_400_000),
  questionsPerAttempt: 10,
  timeLimitSeconds: 600,
  attemptsAllowed: 7,
  graceSeconds: 5,
  prediction: 'perfect-scores',
  prizes: [{ name: 'Giải Nhất', count: 1 }],
  topics: [],
  ...extra,
});
const stored = (id: number, write: RoundWrite): ContestRound => ({ ...write, id, contestId: 1, closedAt: null, officialFigure: null, officialMethod: null, resultsConfirmedAt: null, resultsConfirmedByUserId: null, resultAttempts: null, resultPeople: null, resultPerfectScores: null, flagsComputedAt: null });

describe('roundChanges', () => {
  const r1 = stored(11, settings(1, '2026-01-05T01:00:00Z'));
  const r2 = stored(12, settings(2, '2026-01-12T01:00:00Z'));

  it('inserts, updates and deletes by number while nothing has opened; an unchanged round is left alone', () => {
    const changes = roundChanges([r1, r2], [settings(1, '2026-01-05T01:00:00Z'), settings(3, '2026-01-19T01:00:00Z')], new Date('2026-01-01T00:00:00Z'));
    expect(changes.inserts.map((r) => r.number)).toEqual([3]);
    expect(changes.updates).toEqual([]);
    expect(changes.deletes.map((r) => r.id)).toEqual([12]);
  });

  it('treats prizes stored with keys in another order as unchanged, and refuses any change to an opened round', () => {
    const reordered = stored(11, { ...settings(1, '2026-01-05T01:00:00Z'), prizes: [JSON.parse('{"count":1,"name":"Giải Nhất"}') as { name: string; count: number }] });
    const atOpening = new Date('2026-01-05T01:00:00Z');
    expect(roundChanges([reordered, r2], [settings(1, '2026-01-05T01:00:00Z'), settings(2, '2026-01-12T01:00:00Z', { attemptsAllowed: 3 })], atOpening).updates.map((u) => u.id)).toEqual([12]);
    const error = (() => {
      try {
        roundChanges([r1, r2], [settings(1, '2026-01-05T01:00:00Z', { topics: ['Đại hội'] }), settings(2, '2026-01-12T01:00:00Z')], atOpening);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).reason).toBe('CONTEST_ROUND_LOCKED');
    expect((error as AppError).message).toBe('Vòng 1 đã mở (từ 08:00 05/01/2026); cài đặt của vòng này không sửa được nữa.');
  });
});

describe('roundPoolWarnings', () => {
  it('counts the usable questions of the round’s topics (every topic without any)', () => {
    const pool = new Map([
      ['Đại hội', 6],
      ['Văn kiện', 5],
    ]);
    expect(roundPoolWarnings(pool, [{ number: 1, questionsPerAttempt: 11, topics: [] }])).toEqual([]);
    expect(roundPoolWarnings(pool, [{ number: 2, questionsPerAttempt: 7, topics: ['Đại hội', 'Khác'] }])).toEqual([{ code: 'CONTEST_POOL_SMALL', round: 2, message: expect.stringContaining('mới có 6 câu dùng được') }]);
  });
});
