import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor, type Role } from '../../src/platform/access/roles.js';
import type { ModuleManifest } from '../../src/platform/modules/manifest.js';
import { contests } from '../../src/modules/contests/tables.js';
import { modules } from '../../src/server/modules.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';
import { buildAttempts, buildContest, buildParticipant, hoursAfter } from '../support/contest-stats-fixture.js';

/**
 * The contests manifest's extension points through the composition root's list, on a real database:
 * figures (attempts submitted in a period, distinct people, people with a perfect score) of a unit's
 * subtree, and the open rounds a user's units are told about on the home page.
 * Tree: nation N → province P → district D → communes X1, X2; another province Q (top level).
 */
const { db } = await createTestDatabase();
const vn = (local: string) => new Date(`${local}+07:00`);
const now = vn('2026-11-10T09:00:00');
const admin = cliActor();
const manifest = (): ModuleManifest => modules.find((m) => m.name === 'contests')!;
const actorWith = (role: Role, unitId: number): Actor => ({ userId: null, username: `test:${role}`, grants: [{ id: 1, role, unitId }], ip: null });
const u: Record<string, number> = {};

beforeAll(async () => {
  u.N = (await buildUnit(db, { code: 'EP-N' })).id;
  u.P = (await buildUnit(db, { code: 'EP-P', name: 'Tỉnh ủy P', parentId: u.N })).id;
  u.D = (await buildUnit(db, { code: 'EP-D', parentId: u.P })).id;
  u.X1 = (await buildUnit(db, { code: 'EP-X1', parentId: u.D })).id;
  u.X2 = (await buildUnit(db, { code: 'EP-X2', parentId: u.D })).id;
  u.Q = (await buildUnit(db, { code: 'EP-Q' })).id;
  const open = { opensAt: hoursAfter(now, -24), closesAt: vn('2026-11-12T20:00:00') };
  const later = { opensAt: vn('2026-11-13T00:00:00'), closesAt: vn('2026-11-20T00:00:00') };
  const closed = { opensAt: hoursAfter(now, -96), closesAt: hoursAfter(now, -48) };
  const a = await buildContest(db, { organiserUnitId: u.P, code: 'EP-A', rounds: [{ number: 1, ...closed }, { number: 2, ...open }, { number: 3, ...later }] });
  await buildContest(db, { organiserUnitId: u.Q, code: 'EP-B', audience: 'internal', rounds: [{ number: 1, ...open }] });
  await buildContest(db, { organiserUnitId: u.N, code: 'EP-C', audience: 'internal', rounds: [{ number: 1, ...open }] });
  await buildContest(db, { organiserUnitId: u.N, code: 'EP-E', audience: 'public', rounds: [{ number: 1, ...open }] });
  const archived = await buildContest(db, { organiserUnitId: u.P, code: 'EP-ARCH', rounds: [{ number: 1, ...open }] });
  await db.update(contests).set({ archivedAt: now }).where(eq(contests.id, archived.contest.id));
  const [r1, r2] = a.rounds;
  const x1 = await buildParticipant(db, { contestId: a.contest.id, unitId: u.X1 });
  const x2 = await buildParticipant(db, { contestId: a.contest.id, unitId: u.X2 });
  const q = await buildParticipant(db, { contestId: a.contest.id, unitId: u.Q });
  const at = (roundId: number, participantId: number, unitId: number, number: number, score: number | null, submittedAt: Date | null, practice = false) =>
    ({ roundId, participantId, unitId, number, score, maxScore: 10, practice, startedAt: hoursAfter(submittedAt ?? now, -0.1), submittedAt });
  await buildAttempts(db, [
    at(r1!.id, x1, u.X1, 1, 10, vn('2026-11-07T10:00:00')),
    at(r1!.id, x1, u.X1, 2, 10, vn('2026-11-07T11:00:00')),
    at(r2!.id, x1, u.X1, 1, 8, vn('2026-11-09T10:00:00')),
    at(r2!.id, x2, u.X2, 1, 6, vn('2026-11-09T23:59:59')),
    at(r2!.id, x2, u.X2, 1, 10, vn('2026-11-09T12:00:00'), true), // practice: never counted
    at(r2!.id, x2, u.X2, 2, null, null), // in progress
    at(r2!.id, x2, u.X2, 3, 10, vn('2026-11-10T00:00:00')), // after the period
    at(r1!.id, q, u.Q, 1, 10, vn('2026-11-08T10:00:00')), // outside the subtree
  ]);
});

describe('contest figures: a unit subtree and a period', () => {
  const week = { periodStart: vn('2026-11-03T00:00:00'), periodEnd: vn('2026-11-10T00:00:00') };
  const values = async (actor: Actor, unitId: number) => Object.fromEntries((await manifest().figures!(db, { actor, unitId, ...week })).map((f) => [f.key, f.value]));

  it('attempts submitted in [start, end), distinct people, people with a perfect score — never attempts as people', async () => {
    expect(await values(admin, u.P!)).toEqual({ 'contests.attempts': 4, 'contests.people': 2, 'contests.perfectScores': 1 });
    expect(await values(admin, u.X2!)).toEqual({ 'contests.attempts': 1, 'contests.people': 1, 'contests.perfectScores': 0 });
    expect(await values(actorWith('viewer', u.D!), u.D!)).toEqual({ 'contests.attempts': 4, 'contests.people': 2, 'contests.perfectScores': 1 });
    expect(await values(admin, u.Q!)).toEqual({ 'contests.attempts': 1, 'contests.people': 1, 'contests.perfectScores': 1 });
  });

  it('outside the actor’s scope: NOT_FOUND; an empty period: VALIDATION_FAILED', async () => {
    await expect(values(actorWith('viewer', u.D!), u.P!)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(manifest().figures!(db, { actor: admin, unitId: u.P!, periodStart: week.periodEnd, periodEnd: week.periodStart })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('contest items due: open rounds', () => {
  const items = (actor: Actor, unitIds: number[], at = now) => manifest().itemsDue!(db, { actor, unitIds, now: at });

  it('internal contests whose audience holds the unit, and contests organised in its subtree; one item per open round', async () => {
    const forP = await items(actorWith('viewer', u.P!), [u.P!, u.D!]);
    expect(forP.map((i) => [i.subject, i.unitId, i.link])).toEqual([
      ['EP-A/2', u.P, '/thi/EP-A'],
      ['EP-C/1', u.P, '/thi/EP-C'],
    ]);
    expect(forP[0]).toMatchObject({ kind: 'contests.open-round', deadline: vn('2026-11-12T20:00:00'), overdue: false, group: 'Cuộc thi trắc nghiệm đang mở' });
    expect(forP[0]!.detail).toContain('20:00 ngày 12/11/2026');
    // A district: not the province's public contest (organised above it), but the nation's internal one.
    expect((await items(actorWith('viewer', u.D!), [u.D!])).map((i) => i.subject)).toEqual(['EP-C/1']);
    expect((await items(actorWith('editor', u.Q!), [u.Q!])).map((i) => i.subject)).toEqual(['EP-B/1']);
    expect((await items(admin, [u.N!])).map((i) => i.subject).sort()).toEqual(['EP-A/2', 'EP-C/1', 'EP-E/1']);
  });

  it('units outside the actor’s grants are left out; nothing once the rounds have closed', async () => {
    expect((await items(actorWith('viewer', u.Q!), [u.Q!, u.D!])).map((i) => i.subject)).toEqual(['EP-B/1']);
    expect(await items(admin, [u.N!, u.Q!], vn('2026-11-12T20:00:00'))).toEqual([]);
  });
});
