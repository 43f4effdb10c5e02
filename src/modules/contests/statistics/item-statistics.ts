/**
 * Item statistics of a round (issue 14 item 7), computed the way Moodle's quiz statistics report
 * does — "Quiz statistics calculations", https://docs.moodle.org/dev/Quiz_statistics_calculations —
 * on each person's FIRST non-practice attempt of the round (later attempts break the assumptions of
 * item analysis). Pure: it works on sums the repository adds up in SQL (or `aggregateResponses`).
 *
 * Per item (a question version; every item scores 0 or 1), over the n first attempts that drew it:
 * - facility F = mean item score (0–1);
 * - SD = sample standard deviation of the item score (÷ (n − 1));
 * - discrimination = Moodle's discrimination index without its ×100: the Pearson correlation of the
 *   item score with the REST-of-test score (the attempt's total minus this item) — the corrected
 *   item–total (point-biserial) correlation; null when either has no variance or n < 2.
 * Test level, over the first attempts' scores: mean, median, sample SD, and Cronbach's alpha.
 * Attempts draw different items (random forms), so alpha is approximated by KR-20 on the attempts'
 * own items: alpha = k/(k−1) · (1 − v̄ / σ²), with k the mean number of items per attempt, v̄ the
 * mean over attempts of the sum of p_i(1 − p_i) of the items each attempt drew (= Σ_i (n_i/N)·p_i(1−p_i))
 * and σ² the population variance of the scores. With a fixed form it is exactly KR-20, which equals
 * Cronbach's alpha for 0/1 items. Flags: facility > 0.95 'too-easy'; discrimination < 0
 * 'negative-discrimination' (a likely wrong key or an ambiguous question).
 */

export type ItemFlag = 'too-easy' | 'negative-discrimination';

export const TOO_EASY_FACILITY = 0.95;

/** One drawn item's sums over the first attempts that drew it; t is the attempt's total score. */
export interface ItemSums {
  questionId: number;
  versionId: number;
  text: string;
  options: string[];
  correct: number[];
  n: number;
  sumX: number;
  sumT: number;
  sumTT: number;
  sumXT: number;
  /** People who chose each option, in the version's original option order. */
  optionCounts: number[];
}

export interface TestSums {
  people: number;
  maxScore: number;
  sumT: number;
  sumTT: number;
  median: number | null;
}

export interface ItemStatistic {
  questionId: number;
  versionId: number;
  text: string;
  n: number;
  facility: number | null;
  sd: number | null;
  discrimination: number | null;
  options: { position: number; text: string; count: number; correct: boolean }[];
  flags: ItemFlag[];
}

export interface TestStatistic {
  people: number;
  maxScore: number;
  mean: number | null;
  median: number | null;
  sd: number | null;
  alpha: number | null;
}

export interface RoundItemStatistics {
  test: TestStatistic;
  items: ItemStatistic[];
}

/** Sample variance from n, Σv and Σv² (÷ (n − 1)); null below two values. */
const sampleVariance = (n: number, sum: number, sumSq: number): number | null => (n < 2 ? null : Math.max(0, (sumSq - (sum * sum) / n) / (n - 1)));

function discrimination(s: ItemSums): number | null {
  if (s.n < 2) return null;
  // rest r = t − x; x is 0/1 so Σx² = Σx.
  const sumR = s.sumT - s.sumX;
  const sumRR = s.sumTT - 2 * s.sumXT + s.sumX;
  const sumXR = s.sumXT - s.sumX;
  const covariance = (sumXR - (s.sumX * sumR) / s.n) / (s.n - 1);
  const varX = sampleVariance(s.n, s.sumX, s.sumX) ?? 0;
  const varR = sampleVariance(s.n, sumR, sumRR) ?? 0;
  if (varX <= 1e-12 || varR <= 1e-12) return null;
  return covariance / Math.sqrt(varX * varR);
}

function itemOf(s: ItemSums): ItemStatistic {
  const facility = s.n > 0 ? s.sumX / s.n : null;
  const variance = sampleVariance(s.n, s.sumX, s.sumX);
  const d = discrimination(s);
  const flags: ItemFlag[] = [];
  if (facility !== null && facility > TOO_EASY_FACILITY) flags.push('too-easy');
  if (d !== null && d < 0) flags.push('negative-discrimination');
  return {
    questionId: s.questionId,
    versionId: s.versionId,
    text: s.text,
    n: s.n,
    facility,
    sd: variance === null ? null : Math.sqrt(variance),
    discrimination: d,
    options: s.options.map((text, position) => ({ position, text, count: s.optionCounts[position] ?? 0, correct: s.correct.includes(position) })),
    flags,
  };
}

function alphaOf(test: TestSums, items: readonly ItemSums[]): number | null {
  const N = test.people;
  if (N < 2) return null;
  const k = items.reduce((total, s) => total + s.n, 0) / N;
  const populationVariance = test.sumTT / N - (test.sumT / N) ** 2;
  if (k <= 1 || populationVariance <= 1e-12) return null;
  const meanItemVariance = items.reduce((total, s) => (s.n === 0 ? total : total + (s.n / N) * (s.sumX / s.n) * (1 - s.sumX / s.n)), 0);
  return (k / (k - 1)) * (1 - meanItemVariance / populationVariance);
}

export function itemStatistics(test: TestSums, items: readonly ItemSums[]): RoundItemStatistics {
  const variance = sampleVariance(test.people, test.sumT, test.sumTT);
  return {
    test: {
      people: test.people,
      maxScore: test.maxScore,
      mean: test.people > 0 ? test.sumT / test.people : null,
      median: test.median,
      sd: variance === null ? null : Math.sqrt(variance),
      alpha: alphaOf(test, items),
    },
    items: items.map(itemOf),
  };
}

/** One item of a first attempt: its version, its 0/1 score and the options chosen (original order). */
export interface ResponseItem {
  versionId: number;
  score: 0 | 1;
  chosen: readonly number[];
}

export interface VersionInfo {
  questionId: number;
  text: string;
  options: string[];
  correct: number[];
}

/** The sums of `itemStatistics` from whole responses (one array per first attempt): the plain reference. */
export function aggregateResponses(attempts: readonly (readonly ResponseItem[])[], versions: ReadonlyMap<number, VersionInfo>): { test: TestSums; items: ItemSums[] } {
  const totals = attempts.map((items) => items.reduce((t, i) => t + i.score, 0));
  const sorted = [...totals].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length === 0 ? null : sorted.length % 2 === 1 ? (sorted[Math.floor(mid)] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const sums = new Map<number, ItemSums>();
  attempts.forEach((items, a) => {
    const t = totals[a] as number;
    for (const item of items) {
      const v = versions.get(item.versionId) as VersionInfo;
      const s = sums.get(item.versionId) ?? { questionId: v.questionId, versionId: item.versionId, text: v.text, options: v.options, correct: v.correct, n: 0, sumX: 0, sumT: 0, sumTT: 0, sumXT: 0, optionCounts: v.options.map(() => 0) };
      s.n += 1;
      s.sumX += item.score;
      s.sumT += t;
      s.sumTT += t * t;
      s.sumXT += item.score * t;
      for (const o of new Set(item.chosen)) s.optionCounts[o] = (s.optionCounts[o] ?? 0) + 1;
      sums.set(item.versionId, s);
    }
  });
  const maxScore = attempts.reduce((m, items) => Math.max(m, items.length), 0);
  const test: TestSums = { people: attempts.length, maxScore, sumT: totals.reduce((a, b) => a + b, 0), sumTT: totals.reduce((a, t) => a + t * t, 0), median };
  return { test, items: [...sums.values()].sort((a, b) => a.questionId - b.questionId || a.versionId - b.versionId) };
}
