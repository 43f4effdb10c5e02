import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { aggregateResponses, itemStatistics, type ResponseItem, type VersionInfo } from '../../src/modules/contests/statistics/item-statistics.js';
import { roundItemStatistics } from '../../src/modules/contests/statistics/round-statistics.js';
import type { AttemptAnswers, AttemptQuestion } from '../../src/modules/contests/types.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';
import { buildAttempts, buildContest, buildParticipant, buildQuestion, hoursAfter, type AttemptInput } from '../support/contest-stats-fixture.js';

/**
 * A round's item statistics read from real attempts (SQL sums): the hand-computed matrix of
 * item-statistics.test.ts stored as first attempts with shuffled options (later, practice and
 * unscored attempts and an answer saved after the grace must not count), and random forms drawn
 * from a bank compared with the plain computation over the same responses.
 */
const { db } = await createTestDatabase();
const opens = new Date('2026-11-02T01:00:00Z');
let contestId: number;
let roundIds: number[];
const versions = new Map<number, VersionInfo>();

/** A deterministic pseudo-random sequence (tests must be repeatable). */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}
const shuffle = <T>(items: T[], rnd: () => number) => items.map((v) => [rnd(), v] as const).sort((a, b) => a[0] - b[0]).map(([, v]) => v);

/** The stored form of responses: each item at its position with shuffled options, chosen options as shown positions. */
function stored(items: { versionId: number; chosen: number[]; savedAt?: Date }[], startedAt: Date, rnd: () => number) {
  const questions: AttemptQuestion[] = [];
  const answers: AttemptAnswers = {};
  items.forEach((item, position) => {
    const optionOrder = shuffle([...versions.get(item.versionId)!.options.keys()], rnd);
    questions.push({ versionId: item.versionId, optionOrder });
    if (item.chosen.length > 0) answers[String(position)] = { chosen: item.chosen.map((o) => optionOrder.indexOf(o)), savedAt: (item.savedAt ?? hoursAfter(startedAt, 0.05)).toISOString() };
  });
  return { questions, answers };
}

const scoreOf = (versionId: number, chosen: number[]) => {
  const key = [...versions.get(versionId)!.correct].sort();
  const set = [...new Set(chosen)].sort();
  return set.length === key.length && set.every((v, i) => v === key[i]) ? 1 : 0;
};

beforeAll(async () => {
  const organiser = await buildUnit(db);
  const { contest, rounds } = await buildContest(db, { organiserUnitId: organiser.id, rounds: [1, 2].map((number) => ({ number, opensAt: hoursAfter(opens, (number - 1) * 168), closesAt: hoursAfter(opens, number * 168 - 1), graceSeconds: 5 })) });
  contestId = contest.id;
  roundIds = rounds.map((r) => r.id);
  for (const [text, options, correct] of [
    ['Câu 1', ['A', 'B', 'C', 'D'], [1]],
    ['Câu 2', ['A', 'B', 'C', 'D'], [0, 2]],
    ['Câu 3', ['A', 'B', 'C'], [2]],
    ['Câu 4', ['Đúng', 'Sai'], [0]],
    ['Câu 5', ['A', 'B', 'C'], [0]],
    ['Câu 6', ['A', 'B', 'C', 'D', 'E'], [3, 4]],
  ] as const) {
    const q = await buildQuestion(db, { contestId, text, options: [...options], correct: [...correct] });
    versions.set(q.versionId, { questionId: q.questionId, text, options: [...options], correct: [...correct] });
  }
});

describe('item statistics of a round (first attempts)', () => {
  it('the hand-computed matrix, stored with shuffled options, gives the hand-computed values', async () => {
    const [v1, v2, v3, v4] = [...versions.keys()] as [number, number, number, number];
    const matrix: number[][][] = [
      [[1], [0, 2], [0], [0]],
      [[1], [0], [1], [0]],
      [[1], [2, 0], [2], [0]],
      [[3], [3], [2], [0]],
      [[1], [0, 2], [0], [0]],
      [[0], [], [], [0]],
    ];
    const rnd = random(7);
    const attempts: AttemptInput[] = [];
    for (const [p, row] of matrix.entries()) {
      const participantId = await buildParticipant(db, { contestId, unitId: (await buildUnit(db)).id });
      const startedAt = hoursAfter(opens, p + 1);
      const items = row.map((chosen, i) => ({ versionId: [v1, v2, v3, v4][i]!, chosen }));
      const score = items.reduce((s, i) => s + scoreOf(i.versionId, i.chosen), 0);
      const base = { roundId: roundIds[0]!, participantId, unitId: 0, maxScore: 4 };
      attempts.push({ ...base, number: 1, score, startedAt, ...stored(p === 5 ? [...items.slice(0, 2), { versionId: v3, chosen: [2], savedAt: hoursAfter(startedAt, 1) }, items[3]!] : items, startedAt, rnd) });
      // Not first attempts: a later attempt with every answer right, a practice attempt; and for one person an attempt never scored.
      const right = [v1, v2, v3, v4].map((versionId) => ({ versionId, chosen: versions.get(versionId)!.correct }));
      attempts.push({ ...base, number: 2, score: 4, startedAt: hoursAfter(startedAt, 10), ...stored(right, hoursAfter(startedAt, 10), rnd) });
      attempts.push({ ...base, number: 1, practice: true, score: 4, startedAt: hoursAfter(startedAt, 20), ...stored(right, hoursAfter(startedAt, 20), rnd) });
    }
    await buildAttempts(db, attempts);
    const stats = await roundItemStatistics(db, { actor: cliActor(), contestId, round: 1 });
    expect(stats.test.people).toBe(6);
    expect(stats.test.maxScore).toBe(4);
    expect(stats.test.mean).toBeCloseTo(2.5, 12);
    expect(stats.test.median).toBe(2.5);
    expect(stats.test.sd).toBeCloseTo(Math.sqrt(1.1), 12);
    expect(stats.test.alpha).toBeCloseTo(32 / 99, 12);
    const [i1, i2, i3, i4] = stats.items;
    expect(i1).toMatchObject({ versionId: v1, n: 6, facility: 4 / 6, flags: [] });
    expect(i1!.discrimination).toBeCloseTo(0.3429971702850177, 12);
    expect(i1!.options.map((o) => [o.count, o.correct])).toEqual([[1, false], [4, true], [0, false], [1, false]]);
    expect(i2!.discrimination).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(i2!.options.map((o) => o.count)).toEqual([4, 0, 3, 1]);
    expect(i3!.flags).toEqual(['negative-discrimination']);
    expect(i3!.options.map((o) => o.count)).toEqual([2, 1, 2]);
    expect(i4).toMatchObject({ facility: 1, sd: 0, discrimination: null, flags: ['too-easy'], options: [{ position: 0, text: 'Đúng', count: 6, correct: true }, { position: 1, text: 'Sai', count: 0, correct: false }] });
  });

  it('random forms: the SQL sums equal the plain computation over the same responses', async () => {
    const rnd = random(42);
    const bank = [...versions.keys()];
    const attempts: AttemptInput[] = [];
    const responses: ResponseItem[][] = [];
    for (let p = 0; p < 40; p += 1) {
      const participantId = await buildParticipant(db, { contestId, unitId: (await buildUnit(db)).id });
      const startedAt = hoursAfter(opens, 168 + p);
      const drawn = shuffle(bank, rnd).slice(0, 3);
      const items = drawn.map((versionId) => {
        const options = versions.get(versionId)!.options;
        const chosen = rnd() < 0.55 ? [...versions.get(versionId)!.correct] : rnd() < 0.2 ? [] : [Math.floor(rnd() * options.length)];
        return { versionId, chosen };
      });
      responses.push(items.map((i) => ({ versionId: i.versionId, chosen: i.chosen, score: scoreOf(i.versionId, i.chosen) as 0 | 1 })));
      attempts.push({ roundId: roundIds[1]!, participantId, unitId: 0, number: 1, maxScore: 3, score: responses.at(-1)!.reduce((s, i) => s + i.score, 0), startedAt, ...stored(items, startedAt, rnd) });
    }
    await buildAttempts(db, attempts);
    const stats = await roundItemStatistics(db, { actor: cliActor(), contestId, round: 2 });
    const sums = aggregateResponses(responses, versions);
    const expected = itemStatistics(sums.test, sums.items);
    expect(stats.items.map((i) => i.versionId)).toEqual(expected.items.map((i) => i.versionId));
    expect(stats.items.reduce((n, i) => n + i.n, 0)).toBe(120);
    for (const [i, item] of stats.items.entries()) {
      const e = expected.items[i]!;
      expect({ ...item, facility: 0, sd: 0, discrimination: 0 }).toEqual({ ...e, facility: 0, sd: 0, discrimination: 0 });
      for (const key of ['facility', 'sd', 'discrimination'] as const) expect(item[key] ?? NaN).toBeCloseTo(e[key] ?? NaN, 10);
    }
    for (const key of ['people', 'maxScore', 'mean', 'median', 'sd', 'alpha'] as const) expect(stats.test[key]).toBeCloseTo(expected.test[key]!, 10);
  });

  it('a round without attempts: zeros and nulls; an unknown round is 404', async () => {
    const { contest } = await buildContest(db, { organiserUnitId: (await buildUnit(db)).id, rounds: [{ number: 1, opensAt: opens, closesAt: hoursAfter(opens, 1) }] });
    expect(await roundItemStatistics(db, { actor: cliActor(), contestId: contest.id, round: 1 })).toEqual({ round: 1, computedAt: null, test: { people: 0, maxScore: 0, mean: null, median: null, sd: null, alpha: null }, items: [] });
    await expect(roundItemStatistics(db, { actor: cliActor(), contestId: contest.id, round: 2 })).rejects.toMatchObject({ reason: 'CONTEST_ROUND_NOT_FOUND' });
  });
});
