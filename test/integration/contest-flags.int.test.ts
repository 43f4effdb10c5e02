import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closeRound } from '../../src/modules/contests/closing/close-round.js';
import { computeRoundFlags } from '../../src/modules/contests/flags/compute-flags.js';
import { confirmRoundResults } from '../../src/modules/contests/flags/confirm-results.js';
import { listRoundFlags } from '../../src/modules/contests/flags/list-flags.js';
import { reviewContestFlag } from '../../src/modules/contests/flags/review-flag.js';
import { getRoundResults } from '../../src/modules/contests/results/round-results.js';
import type { Actor } from '../../src/platform/access/roles.js';
import { createTestDatabase } from '../support/db.js';
import { buildResultsFixture, type ResultsFixture } from '../support/contest-results-fixture.js';

/** Issue 14 item 5: suspicious patterns flagged after close, reviewed (cleared / excluded) and the confirmation that waits for them. */
const { db } = await createTestDatabase();

const actorOf = (user: { username: string; id: number }, role: 'editor' | 'viewer', unitId: number): Actor => ({ userId: user.id, username: user.username, grants: [{ id: 1, role, unitId }], ip: null });
const cutOff = (f: ResultsFixture) => new Date(f.closesAt.getTime() + f.graceSeconds * 1000);

/** Rank 1 fast perfect (8 s for 3 questions), rank 2 and 3 copy each other's answers, six people share a client address. */
async function world() {
  const f = await buildResultsFixture(db, { prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 2 }] });
  const fast = await f.person('Nhanh');
  const slowPerfect = await f.person('Đủ giờ');
  const copyA = await f.person('Chép A');
  const copyB = await f.person('Chép B');
  const other = await f.person('Khác');
  await f.attempt(fast, { score: 3, prediction: 5, durationMs: 8_999 });
  await f.attempt(slowPerfect, { score: 3, prediction: 5, durationMs: 9_000 });
  const q = (order: number[][]) => f.versions.map((versionId, i) => ({ versionId, optionOrder: order[i]! }));
  const saved = new Date(f.opensAt.getTime() + 30_000).toISOString();
  // Same questions, same order, same options chosen — shown in different orders (the shuffle must not hide it).
  await f.attempt(copyA, { score: 1, prediction: 5, durationMs: 100_000, questions: q([[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]]), answers: { '0': { chosen: [0], savedAt: saved }, '1': { chosen: [1], savedAt: saved }, '2': { chosen: [3], savedAt: saved } } });
  await f.attempt(copyB, { score: 1, prediction: 5, durationMs: 110_000, questions: q([[3, 2, 1, 0], [1, 0, 2, 3], [0, 1, 2, 3]]), answers: { '0': { chosen: [3], savedAt: saved }, '1': { chosen: [0], savedAt: saved }, '2': { chosen: [3], savedAt: saved } } });
  await f.attempt(other, { score: 1, prediction: 5, durationMs: 120_000, questions: q([[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]]), answers: { '0': { chosen: [0], savedAt: saved }, '1': { chosen: [1], savedAt: saved }, '2': { chosen: [2], savedAt: saved } } });
  const shared: number[] = [];
  for (let i = 0; i < 5; i++) shared.push(await f.person(`Cùng máy ${i}`, 'b'));
  for (const p of shared) await f.attempt(p, { score: 0, prediction: 1, durationMs: 300_000, clientKey: 'ip-1' });
  for (let i = 0; i < 4; i++) await f.attempt(await f.person(`Máy khác ${i}`, 'b'), { score: 0, prediction: 1, durationMs: 300_000, clientKey: 'ip-2' });
  await closeRound(db, f.roundId, cutOff(f));
  return { f, fast, slowPerfect, copyA, copyB, shared, editor: actorOf(f.editor, 'editor', f.organiserId), viewer: actorOf(f.viewer, 'viewer', f.organiserId) };
}

describe('flags of a closed round', () => {
  it('finds fast perfect scores, identical answer sequences and shared client addresses, once', async () => {
    const { f, fast, copyA, copyB, shared, editor } = await world();
    await expect(confirmRoundResults(db, { actor: editor, address: { contestId: f.contestId, number: 1 } })).rejects.toMatchObject({ reason: 'CONTEST_FLAGS_NOT_COMPUTED' });
    expect(await computeRoundFlags(db, f.roundId)).toEqual({ fastPerfect: 1, identicalAnswers: 1, sharedClient: 1 });
    expect(await computeRoundFlags(db, f.roundId)).toBeNull();
    const { computed, flags } = await listRoundFlags(db, { actor: editor, address: { contestId: f.contestId, number: 1 } });
    expect(computed).toBe(true);
    expect(flags.map((x) => [x.kind, x.people.map((p) => p.participantId), x.concernsPrize])).toEqual([
      ['fast-perfect', [fast], true],
      ['identical-answers', [copyA, copyB], true],
      ['shared-client', shared, false],
    ]);
    expect(flags[0]!.details).toMatchObject({ fastestSeconds: 8.999, maxScore: 3 });
  });

  it('confirmation waits for the flags about prize ranks; an exclusion moves the ladder down; reviews end with the confirmation', async () => {
    const { f, editor, viewer } = await world();
    await computeRoundFlags(db, f.roundId);
    const address = { contestId: f.contestId, number: 1 };
    const flags = (await listRoundFlags(db, { actor: editor, address })).flags;
    await expect(confirmRoundResults(db, { actor: editor, address })).rejects.toMatchObject({ reason: 'CONTEST_FLAGS_PENDING', details: { count: 2 } });
    await expect(reviewContestFlag(db, { actor: viewer, flagId: flags[0]!.id, decision: 'excluded', note: 'x' })).rejects.toMatchObject({ reason: 'ROLE_TOO_WEAK' });

    await reviewContestFlag(db, { actor: editor, flagId: flags[0]!.id, decision: 'excluded', note: 'Làm 3 câu trong 9 giây' });
    let results = await getRoundResults(db, { actor: viewer, address, offset: 0, limit: 10 });
    expect(results.winners.slice(0, 4).map((w) => [w.name, w.prize, w.excluded, w.flagged])).toEqual([
      ['Nhanh', null, true, true],
      ['Đủ giờ', 'Giải Nhất', false, false],
      ['Chép A', 'Giải Nhì', false, true],
      ['Chép B', 'Giải Nhì', false, true],
    ]);
    // Still pending: the copy flag concerns two prize ranks now.
    await expect(confirmRoundResults(db, { actor: editor, address })).rejects.toMatchObject({ reason: 'CONTEST_FLAGS_PENDING', details: { count: 1 } });
    await reviewContestFlag(db, { actor: editor, flagId: flags[1]!.id, decision: 'cleared', note: 'Cùng đáp án sai phổ biến' });
    // The shared-client flag names nobody with a prize: it does not hold the confirmation.
    const confirmed = await confirmRoundResults(db, { actor: editor, address });
    expect(confirmed).toMatchObject({ round: 1, winners: 3 });
    results = await getRoundResults(db, { actor: viewer, address, offset: 0, limit: 10 });
    expect(results.confirmedAt).toBe(confirmed.confirmedAt);
    expect(results.winners.filter((w) => w.prize).map((w) => w.name)).toEqual(['Đủ giờ', 'Chép A', 'Chép B']);
    await expect(reviewContestFlag(db, { actor: editor, flagId: flags[2]!.id, decision: 'cleared', note: '' })).rejects.toMatchObject({ reason: 'CONTEST_RESULTS_CONFIRMED' });
    await expect(confirmRoundResults(db, { actor: editor, address })).rejects.toMatchObject({ reason: 'CONTEST_RESULTS_CONFIRMED' });
    const audit = await db.execute<{ action: string; n: number }>(sql`
      select action, count(*)::int as n from audit_log where action in ('contest_flag.review', 'contest_round.confirm') and unit_id = ${f.organiserId} group by action order by action`);
    expect(audit.rows).toEqual([{ action: 'contest_flag.review', n: 2 }, { action: 'contest_round.confirm', n: 1 }]);
  });

  it('clearing an excluded person again gives the prize back (before confirmation)', async () => {
    const { f, editor, viewer } = await world();
    await computeRoundFlags(db, f.roundId);
    const address = { contestId: f.contestId, number: 1 };
    const fastFlag = (await listRoundFlags(db, { actor: editor, address })).flags[0]!;
    await reviewContestFlag(db, { actor: editor, flagId: fastFlag.id, decision: 'excluded', note: '' });
    await reviewContestFlag(db, { actor: editor, flagId: fastFlag.id, decision: 'cleared', note: 'Đã xác minh' });
    const first = (await getRoundResults(db, { actor: viewer, address, offset: 0, limit: 1 })).winners[0]!;
    expect(first).toMatchObject({ name: 'Nhanh', prize: 'Giải Nhất', excluded: false, flagged: false });
  });
});
