import { randomInt } from 'node:crypto';
import { difficulties, type AttemptQuestion, type Difficulty } from '../types.js';

/**
 * Drawing an attempt's form (pure): `n` questions from the round's pool at random, balanced by
 * difficulty (as even as the pool allows), preferring questions the person has not seen in earlier
 * attempts (the Moodle idea), then the options of each shuffled. Unseen questions are placed
 * first, balanced among themselves; the slots left are filled from seen ones so the totals per
 * difficulty stay as even as possible. Randomness from `crypto.randomInt` (unpredictable).
 */

export interface PoolItem {
  questionId: number;
  versionId: number;
  difficulty: Difficulty;
  optionCount: number;
}

/** A uniform integer in [0, bound). */
export type RandomInt = (bound: number) => number;

const cryptoRandom: RandomInt = (bound) => randomInt(bound);

export function shuffled<T>(items: readonly T[], random: RandomInt = cryptoRandom): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

type Counts = Record<Difficulty, number>;

/** Adds up to `slots` picks, one at a time to the difficulty with the fewest so far that still has some available. */
function fill(counts: Counts, available: Counts, slots: number): number {
  let left = slots;
  while (left > 0) {
    const open = difficulties.filter((d) => available[d] > 0);
    if (open.length === 0) break;
    const least = open.reduce((a, b) => (counts[b] < counts[a] ? b : a));
    counts[least]++;
    available[least]--;
    left--;
  }
  return slots - left;
}

const byDifficulty = (items: readonly PoolItem[]): Counts => {
  const counts: Counts = { easy: 0, medium: 0, hard: 0 };
  for (const item of items) counts[item.difficulty]++;
  return counts;
};

/** The questions drawn (at most `n`; fewer only when the pool is smaller), in random order with shuffled options. */
export function drawQuestions(pool: readonly PoolItem[], seen: ReadonlySet<number>, n: number, random: RandomInt = cryptoRandom): AttemptQuestion[] {
  const unseen = shuffled(
    pool.filter((item) => !seen.has(item.questionId)),
    random,
  );
  const again = shuffled(
    pool.filter((item) => seen.has(item.questionId)),
    random,
  );
  const fromUnseen: Counts = { easy: 0, medium: 0, hard: 0 };
  const taken = fill(fromUnseen, byDifficulty(unseen), n);
  const totals: Counts = { ...fromUnseen };
  fill(totals, byDifficulty(again), n - taken);
  const picked: PoolItem[] = [];
  for (const d of difficulties) {
    picked.push(...unseen.filter((item) => item.difficulty === d).slice(0, fromUnseen[d]));
    picked.push(...again.filter((item) => item.difficulty === d).slice(0, totals[d] - fromUnseen[d]));
  }
  return shuffled(picked, random).map((item) => ({
    versionId: item.versionId,
    optionOrder: shuffled(
      Array.from({ length: item.optionCount }, (_, i) => i),
      random,
    ),
  }));
}
