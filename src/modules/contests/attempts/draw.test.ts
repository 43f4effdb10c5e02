import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../types.js';
import { drawQuestions, type PoolItem } from './draw.js';
import { attemptDeadline, attemptDuration, scoreAttempt } from './scoring.js';

const pool = (counts: Record<Difficulty, number>): PoolItem[] => {
  const items: PoolItem[] = [];
  let id = 1;
  for (const d of ['easy', 'medium', 'hard'] as const) {
    for (let i = 0; i < counts[d]; i++, id++) items.push({ questionId: id, versionId: 1000 + id, difficulty: d, optionCount: 2 + (id % 5) });
  }
  return items;
};
const difficultyOf = (items: PoolItem[]) => new Map(items.map((i) => [i.versionId, i.difficulty]));

describe('drawQuestions', () => {
  it('draws n distinct questions, balanced by difficulty as even as the pool allows, each with a permutation of its options', () => {
    fc.assert(
      fc.property(fc.record({ easy: fc.nat(12), medium: fc.nat(12), hard: fc.nat(12) }), fc.integer({ min: 1, max: 15 }), (counts, n) => {
        const items = pool(counts);
        const drawn = drawQuestions(items, new Set(), n);
        expect(drawn).toHaveLength(Math.min(n, items.length));
        expect(new Set(drawn.map((q) => q.versionId)).size).toBe(drawn.length);
        const byVersion = new Map(items.map((i) => [i.versionId, i]));
        for (const q of drawn) expect([...q.optionOrder].sort()).toEqual(Array.from({ length: byVersion.get(q.versionId)!.optionCount }, (_, i) => i));
        const per = { easy: 0, medium: 0, hard: 0 };
        for (const q of drawn) per[difficultyOf(items).get(q.versionId)!]++;
        // Balanced: a difficulty below another by 2 or more must have been exhausted.
        for (const a of ['easy', 'medium', 'hard'] as const) {
          for (const b of ['easy', 'medium', 'hard'] as const) if (per[b] - per[a] >= 2) expect(per[a]).toBe(counts[a]);
        }
      }),
    );
  });

  it('avoids questions already seen when the pool allows, and reuses them only to fill the form', () => {
    const items = pool({ easy: 6, medium: 6, hard: 6 });
    const seen = new Set(items.filter((i) => i.questionId % 2 === 0).map((i) => i.questionId));
    for (let k = 0; k < 20; k++) {
      const drawn = drawQuestions(items, seen, 9);
      const ids = drawn.map((q) => q.versionId - 1000);
      expect(ids.filter((id) => seen.has(id))).toEqual([]);
      const more = drawQuestions(items, seen, 12).map((q) => q.versionId - 1000);
      expect(more.filter((id) => seen.has(id))).toHaveLength(3);
    }
  });

  it('draws at random (not the same form every time)', () => {
    const items = pool({ easy: 10, medium: 10, hard: 10 });
    const forms = new Set(Array.from({ length: 20 }, () => JSON.stringify(drawQuestions(items, new Set(), 6))));
    expect(forms.size).toBeGreaterThan(15);
  });
});

describe('scoreAttempt', () => {
  const questions = [
    { versionId: 1, optionOrder: [2, 0, 1, 3] },
    { versionId: 2, optionOrder: [1, 0, 2] },
    { versionId: 3, optionOrder: [0, 1] },
  ];
  const correct = new Map([
    [1, [0]],
    [2, [0, 2]],
    [3, [1]],
  ]);
  const at = (iso: string) => ({ savedAt: iso });

  it('counts exact sets through the shown order, and only answers saved up to the cut-off', () => {
    const answers = {
      '0': { chosen: [1], ...at('2026-01-01T00:00:10.000Z') }, // shown 1 = option 0: correct
      '1': { chosen: [1, 2], ...at('2026-01-01T00:00:11.000Z') }, // options 0 and 2: correct
      '2': { chosen: [1], ...at('2026-01-01T00:00:12.001Z') }, // correct but saved after the cut-off
    };
    const cut = new Date('2026-01-01T00:00:12.000Z');
    expect(scoreAttempt(questions, answers, (v) => correct.get(v)!, cut)).toEqual({ score: 2, maxScore: 3 });
    expect(scoreAttempt(questions, answers, (v) => correct.get(v)!, new Date('2026-01-01T00:00:12.001Z'))).toEqual({ score: 3, maxScore: 3 });
    const partial = { '1': { chosen: [1], ...at('2026-01-01T00:00:11.000Z') } };
    expect(scoreAttempt(questions, partial, (v) => correct.get(v)!, cut).score).toBe(0);
  });

  it('deadline = min(start + limit, close); duration capped at the deadline', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(attemptDeadline(start, 600, new Date('2026-01-01T01:00:00Z')).toISOString()).toBe('2026-01-01T00:10:00.000Z');
    expect(attemptDeadline(start, 600, new Date('2026-01-01T00:05:00Z')).toISOString()).toBe('2026-01-01T00:05:00.000Z');
    expect(attemptDuration(start, new Date('2026-01-01T00:10:00Z'), new Date('2026-01-01T00:12:00Z'))).toBe(600_000);
    expect(attemptDuration(start, new Date('2026-01-01T00:10:00Z'), new Date('2026-01-01T00:01:00Z'))).toBe(60_000);
  });
});
