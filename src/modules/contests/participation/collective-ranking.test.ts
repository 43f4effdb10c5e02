import { describe, expect, it } from 'vitest';
import { NO_HEADCOUNT_NOTE, rankUnits } from './collective-ranking.js';
import type { UnitParticipation } from './participation.js';

const unit = (code: string, people: number, headcount: number | null, mean: number | null, attempts = people): UnitParticipation => ({
  unitId: code.charCodeAt(0),
  code,
  name: `Đơn vị ${code}`,
  attempts,
  people,
  perfectScores: 0,
  headcount,
  participationRate: headcount !== null && headcount > 0 ? people / headcount : null,
  meanFirstAttemptScore: mean,
});

describe('collective ranking (rankUnits)', () => {
  it('ranks by participation rate, then mean first-attempt score — never by raw attempts', () => {
    const rows = rankUnits(
      [unit('A', 50, 100, 6, 5000), unit('B', 40, 50, 5), unit('C', 20, 40, 9), unit('D', 10, 100, 10)],
      [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 2 }],
    );
    expect(rows.map((r) => [r.rank, r.unit.code, r.prize])).toEqual([
      [1, 'B', 'Giải Nhất'],
      [2, 'C', 'Giải Nhì'],
      [3, 'A', 'Giải Nhì'],
      [4, 'D', null],
    ]);
  });

  it('equal rate and mean share a rank and its prize; nobody taking part wins nothing; no headcount: last, unranked, with a note', () => {
    const rows = rankUnits(
      [unit('E', 0, 30, null), unit('B', 10, 20, 7), unit('A', 10, 20, 7), unit('N', 99, null, 9), unit('C', 5, 20, 9)],
      [{ name: 'Giải tập thể', count: 1 }],
    );
    expect(rows.map((r) => [r.rank, r.unit.code, r.prize, r.note])).toEqual([
      [1, 'A', 'Giải tập thể', null],
      [1, 'B', 'Giải tập thể', null],
      [3, 'C', null, null],
      [4, 'E', null, null],
      [null, 'N', null, NO_HEADCOUNT_NOTE],
    ]);
  });
});
