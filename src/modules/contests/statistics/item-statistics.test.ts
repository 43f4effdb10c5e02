import { describe, expect, it } from 'vitest';
import { aggregateResponses, itemStatistics, type ResponseItem, type VersionInfo } from './item-statistics.js';

/**
 * A fixed form of four items answered by six people (first attempts), with the values worked out by
 * hand (Moodle's "Quiz statistics calculations": sample SD, rest-of-test correlation):
 *
 *          I1 I2 I3 I4 | T
 *   A       1  1  0  1 | 3
 *   B       1  0  0  1 | 2
 *   C       1  1  1  1 | 4
 *   D       0  0  1  1 | 2
 *   E       1  1  0  1 | 3
 *   F       0  0  0  1 | 1
 *
 * T: mean 15/6 = 2.5, median (2 + 3)/2 = 2.5, Σ(T − 2.5)² = 5.5 → SD = √(5.5/5) = √1.1.
 * I2: x = 1 0 1 0 1 0, rest = T − x = 2 2 3 2 2 1 (mean 2); Σ(x − ½)(r − 2) = ½ + ½ = 1 → cov = 1/5;
 *     var x = 1.5/5 = 0.3, var r = 2/5 = 0.4 → r = 0.2/√0.12 = 1/√3.
 * I3: x = 0 0 1 1 0 0, rest = 3 2 3 1 3 1 (mean 13/6): Σ(x − ⅓)(r − 13/6) = −1/3 → cov = −1/15;
 *     var x = 4/15, var r = 29/30 → r = −(1/15)/√(4/15 · 29/30) = −0.131306…
 * I4: everyone right: facility 1 > 0.95 (too easy), no variance → no discrimination.
 * KR-20 (population variances): Σ p(1 − p) = 2/9 + 1/4 + 2/9 + 0 = 25/36, σ²(T) = 5.5/6 = 11/12
 *     → alpha = 4/3 · (1 − (25/36)/(11/12)) = 4/3 · 8/33 = 32/99.
 */
const versions = new Map<number, VersionInfo>([
  [11, { questionId: 1, text: 'Câu 1', options: ['A', 'B', 'C', 'D'], correct: [1] }],
  [12, { questionId: 2, text: 'Câu 2', options: ['A', 'B', 'C', 'D'], correct: [0, 2] }],
  [13, { questionId: 3, text: 'Câu 3', options: ['A', 'B', 'C'], correct: [2] }],
  [14, { questionId: 4, text: 'Câu 4', options: ['Đúng', 'Sai'], correct: [0] }],
]);
const r = (versionId: number, score: 0 | 1, chosen: number[]): ResponseItem => ({ versionId, score, chosen });
const fixedMatrix: ResponseItem[][] = [
  [r(11, 1, [1]), r(12, 1, [0, 2]), r(13, 0, [0]), r(14, 1, [0])],
  [r(11, 1, [1]), r(12, 0, [0]), r(13, 0, [1]), r(14, 1, [0])],
  [r(11, 1, [1]), r(12, 1, [2, 0]), r(13, 1, [2]), r(14, 1, [0])],
  [r(11, 0, [3]), r(12, 0, [3]), r(13, 1, [2]), r(14, 1, [0])],
  [r(11, 1, [1]), r(12, 1, [0, 2]), r(13, 0, [0]), r(14, 1, [0])],
  [r(11, 0, [0]), r(12, 0, []), r(13, 0, []), r(14, 1, [0])],
];

describe('item statistics (Moodle quiz statistics on first attempts)', () => {
  const stats = (() => {
    const sums = aggregateResponses(fixedMatrix, versions);
    return itemStatistics(sums.test, sums.items);
  })();
  const item = (questionId: number) => stats.items.find((i) => i.questionId === questionId);

  it('test level: mean, median, sample SD and KR-20 alpha worked out by hand', () => {
    expect(stats.test.people).toBe(6);
    expect(stats.test.maxScore).toBe(4);
    expect(stats.test.mean).toBeCloseTo(2.5, 12);
    expect(stats.test.median).toBe(2.5);
    expect(stats.test.sd).toBeCloseTo(Math.sqrt(1.1), 12);
    expect(stats.test.alpha).toBeCloseTo(32 / 99, 12);
  });

  it('facility, SD and rest-of-test discrimination per item', () => {
    expect(item(1)).toMatchObject({ n: 6, facility: 4 / 6, flags: [] });
    expect(item(1)?.sd).toBeCloseTo(Math.sqrt((4 * (1 / 9) + 2 * (4 / 9)) / 5), 12);
    expect(item(1)?.discrimination).toBeCloseTo(0.3429971702850177, 12);
    expect(item(2)?.facility).toBe(0.5);
    expect(item(2)?.sd).toBeCloseTo(Math.sqrt(0.3), 12);
    expect(item(2)?.discrimination).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(item(3)?.discrimination).toBeCloseTo(-(1 / 15) / Math.sqrt((4 / 15) * (29 / 30)), 12);
    expect(item(3)?.flags).toEqual(['negative-discrimination']);
    expect(item(4)).toMatchObject({ facility: 1, sd: 0, discrimination: null, flags: ['too-easy'] });
  });

  it('distractor counts per option in the version\'s original order, with the key marked', () => {
    expect(item(1)?.options.map((o) => o.count)).toEqual([1, 4, 0, 1]);
    expect(item(2)?.options).toEqual([
      { position: 0, text: 'A', count: 4, correct: true },
      { position: 1, text: 'B', count: 0, correct: false },
      { position: 2, text: 'C', count: 3, correct: true },
      { position: 3, text: 'D', count: 1, correct: false },
    ]);
    expect(item(3)?.options.map((o) => o.count)).toEqual([2, 1, 2]);
    expect(item(4)?.options.map((o) => o.count)).toEqual([6, 0]);
  });

  it('random forms: an item counts only the attempts that drew it; alpha is KR-20 on their own items', () => {
    const three = new Map<number, VersionInfo>([1, 2, 3].map((v) => [v, { questionId: v, text: `Câu ${v}`, options: ['A', 'B'], correct: [0] }]));
    const attempts = [
      [r(1, 1, [0]), r(2, 0, [1])],
      [r(2, 1, [0]), r(3, 1, [0])],
      [r(1, 0, [1]), r(3, 1, [0])],
    ];
    const sums = aggregateResponses(attempts, three);
    const s = itemStatistics(sums.test, sums.items);
    expect(s.items.map((i) => [i.questionId, i.n, i.facility])).toEqual([[1, 2, 0.5], [2, 2, 0.5], [3, 2, 1]]);
    // k = 2, σ²(T) of 1, 2, 1 = 2/9, mean Σp(1 − p) over attempts = (2/3)(1/4) + (2/3)(1/4) + 0 = 1/3 → 2 · (1 − 3/2) = −1.
    expect(s.test.alpha).toBeCloseTo(-1, 12);
  });

  it('no attempts: counts 0 and no figures', () => {
    const s = itemStatistics({ people: 0, maxScore: 0, sumT: 0, sumTT: 0, median: null }, []);
    expect(s.test).toEqual({ people: 0, maxScore: 0, mean: null, median: null, sd: null, alpha: null });
  });
});
