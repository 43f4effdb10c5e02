import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closeRound } from '../../src/modules/contests/closing/close-round.js';
import { closeDueRounds } from '../../src/modules/contests/closing/job.js';
import { createTestDatabase } from '../support/db.js';
import { buildResultsFixture, type ResultsFixture } from '../support/contest-results-fixture.js';

/** Issue 14 item 5: the closing computation — refused early, exact official figure, ranking with ties at every level, idempotent. */
const { db } = await createTestDatabase();

const ranking = async (roundId: number) =>
  (await db.execute<{ participant_id: number; rank: number; score: number; prediction_distance: string | null; attempt_id: string }>(sql`
    select participant_id, rank, score, prediction_distance, attempt_id from contest_round_results where round_id = ${roundId} order by rank`)).rows;
const roundRow = async (roundId: number) =>
  (await db.execute<{ closed_at: Date | null; official_figure: number | null; official_method: string | null; result_attempts: number; result_people: number; result_perfect_scores: number }>(sql`
    select closed_at, official_figure, official_method, result_attempts, result_people, result_perfect_scores from contest_rounds where id = ${roundId}`)).rows[0]!;
const cutOff = (f: ResultsFixture) => new Date(f.closesAt.getTime() + f.graceSeconds * 1000);

describe('closing a round', () => {
  it('is refused before closesAt + grace, even by a millisecond, and done at that very instant', async () => {
    const f = await buildResultsFixture(db);
    await f.attempt(await f.person(), { score: 3, prediction: 1 });
    // Started 5 minutes before the close, never submitted: its deadline is closesAt; its answer saved at the cut-off counts.
    const lastMinute = (f.closesAt.getTime() - f.opensAt.getTime()) / 1000 - 300;
    await f.attempt(await f.person(), { score: 0, submittedAfter: null, startedAfter: lastMinute, answers: { '0': { chosen: [0], savedAt: cutOff(f).toISOString() } } });
    await expect(closeRound(db, f.roundId, new Date(cutOff(f).getTime() - 1))).rejects.toMatchObject({ reason: 'CONTEST_ROUND_NOT_DUE', code: 'CONFLICT' });
    expect((await roundRow(f.roundId)).closed_at).toBeNull();
    expect(await closeDueRounds(db, new Date(cutOff(f).getTime() - 1))).toBe(0);
    const closed = await closeRound(db, f.roundId, cutOff(f));
    expect(closed).toMatchObject({ closedNow: true });
    expect(await roundRow(f.roundId)).toMatchObject({ official_figure: 1, result_attempts: 2, result_people: 2 });
    expect((await ranking(f.roundId)).map((r) => r.score)).toEqual([3, 1]);
  });

  it('ranks by score, |prediction − figure|, duration, submission instant, attempt id; best attempt = the first on ties; practice never counts', async () => {
    const f = await buildResultsFixture(db);
    // Figure (perfect-scores) will be 8: A B C D E F I K have a perfect score; G and J do not; H only practised.
    const [A, B, C, D, E, F, G, H, I, J, K] = await Promise.all(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((n) => f.person(n)));
    await f.attempt(A!, { score: 3, prediction: 8, durationMs: 60_000, submittedAfter: 100 });
    await f.attempt(B!, { score: 3, prediction: 8, durationMs: 60_000, submittedAfter: 100 });
    await f.attempt(C!, { score: 3, prediction: 8, durationMs: 60_000, submittedAfter: 90 });
    await f.attempt(D!, { score: 3, prediction: 8, durationMs: 50_000, submittedAfter: 200 });
    await f.attempt(E!, { score: 3, prediction: 9, durationMs: 10_000, submittedAfter: 20 });
    await f.attempt(F!, { score: 3, prediction: null, durationMs: 60_000, submittedAfter: 20 });
    await f.attempt(G!, { score: 2, prediction: 8, durationMs: 60_000 });
    await f.attempt(H!, { score: 3, prediction: 8, practice: true });
    await f.attempt(I!, { score: 1, prediction: 8, durationMs: 5_000, submittedAfter: 50 });
    const firstPerfectOfI = await f.attempt(I!, { score: 3, prediction: 17, durationMs: 60_000, submittedAfter: 150 });
    await f.attempt(I!, { score: 3, prediction: 8, durationMs: 30_000, submittedAfter: 300 });
    // J and K never submitted: scored at their deadline on the answers saved up to deadline + grace.
    const deadline = (startedAfter: number) => f.opensAt.getTime() + (startedAfter + 600) * 1000;
    const saved = (ms: number) => new Date(ms).toISOString();
    await f.attempt(J!, {
      score: 0,
      submittedAfter: null,
      startedAfter: 1000,
      answers: { '0': { chosen: [0], savedAt: saved(deadline(1000) - 1000) }, '1': { chosen: [2, 0], savedAt: saved(deadline(1000)) }, '2': { chosen: [0], savedAt: saved(deadline(1000) + 5001) } },
    });
    await f.attempt(K!, {
      score: 0,
      submittedAfter: null,
      startedAfter: 2000,
      answers: { '0': { chosen: [0], savedAt: saved(deadline(2000)) }, '1': { chosen: [0, 2], savedAt: saved(deadline(2000)) }, '2': { chosen: [0], savedAt: saved(deadline(2000) + 5000) } },
    });

    await closeRound(db, f.roundId, cutOff(f));
    const round = await roundRow(f.roundId);
    expect(round).toMatchObject({ official_figure: 8, result_attempts: 12, result_people: 10, result_perfect_scores: 8 });
    const rows = await ranking(f.roundId);
    expect(rows.map((r) => r.participant_id)).toEqual([D, C, A, B, E, I, F, K, G, J]);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Number(rows.find((r) => r.participant_id === I)!.attempt_id)).toBe(firstPerfectOfI);
    expect(rows.find((r) => r.participant_id === I)!.prediction_distance).toBe(9);
    expect(rows.find((r) => r.participant_id === J)!.score).toBe(2);
    expect(rows.find((r) => r.participant_id === K)!.score).toBe(3);
    const k = (await db.execute<{ submitted_at: Date; duration_ms: number }>(sql`select submitted_at, duration_ms from contest_attempts where participant_id = ${K!}`)).rows[0]!;
    expect(new Date(k.submitted_at).getTime()).toBe(deadline(2000));
    expect(k.duration_ms).toBe(600_000);
    expect(round.official_method).toContain('8 người');
    expect(round.official_method).toContain('12 lượt thi chính thức của 10 người');
    expect(round.official_method).toContain('20:00:05 ngày 16/11/2025');
  });

  it('counts attempts as the official figure when the prediction asks for attempts', async () => {
    const f = await buildResultsFixture(db, { prediction: 'attempts' });
    const p = await f.person();
    const q = await f.person();
    await f.attempt(p, { score: 3, prediction: 3 });
    await f.attempt(p, { score: 1, prediction: 2 });
    await f.attempt(q, { score: 2, prediction: 4 });
    await f.attempt(q, { score: 2, practice: true });
    await closeRound(db, f.roundId, cutOff(f));
    expect(await roundRow(f.roundId)).toMatchObject({ official_figure: 3, result_attempts: 3, result_people: 2, result_perfect_scores: 1 });
    expect((await roundRow(f.roundId)).official_method).toContain('số lượt thi: 3 lượt');
  });

  it('is idempotent: closing again (or by the job) changes nothing, one audit row and one closed event', async () => {
    const f = await buildResultsFixture(db);
    await f.attempt(await f.person(), { score: 3, prediction: 1 });
    await f.attempt(await f.person(), { score: 2, prediction: 1 });
    const first = await closeRound(db, f.roundId, cutOff(f));
    const before = await ranking(f.roundId);
    const again = await closeRound(db, f.roundId, new Date(cutOff(f).getTime() + 60_000));
    expect(again).toEqual({ roundId: f.roundId, closedNow: false, closedAt: first.closedAt });
    expect(await closeDueRounds(db, new Date(cutOff(f).getTime() + 120_000))).toBe(0);
    expect(await ranking(f.roundId)).toEqual(before);
    const audit = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'contest_round.close' and entity_id = ${String(f.roundId)}`);
    expect(audit.rows[0]?.n).toBe(1);
    const events = await db.execute<{ n: number }>(sql`select count(*)::int as n from outbox where name = 'contest-round.closed' and payload->>'roundId' = ${String(f.roundId)}`);
    expect(events.rows[0]?.n).toBe(1);
  });
});
