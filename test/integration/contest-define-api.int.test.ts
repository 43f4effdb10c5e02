import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/** The contest definition API and units' headcounts: create, read back, list, update, lock, access rows, audit. */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);
const id: Record<string, number> = {};
const s: Record<string, Session> = {};

const round = (number: number, opens: string, closes: string) => ({
  number,
  opens,
  closes,
  questionsPerAttempt: 10,
  timeLimitSeconds: 600,
  attemptsAllowed: 7,
  prediction: 'perfect-scores',
  prizes: [{ name: 'Giải Nhất', count: 1 }],
});
const definition = {
  code: 'DH-TIMHIEU',
  title: 'Tìm hiểu các kỳ Đại hội Đảng',
  organiserUnit: 'TU',
  audience: 'public',
  rules: 'Thể lệ',
  collectivePrizes: [{ name: 'Giải tập thể', count: 3 }],
  rounds: [round(1, '2020-01-05T08:00:00+07:00', '2099-01-11T20:00:00+07:00'), round(2, '2099-01-12T08:00:00+07:00', '2099-01-18T20:00:00+07:00')],
};

beforeAll(async () => {
  id.TU = (await buildUnit(db, { code: 'TU', name: 'Tỉnh ủy', kind: 'party_committee' })).id;
  id.DB = (await buildUnit(db, { code: 'DB', name: 'Đảng bộ xã', kind: 'party_committee', parentId: id.TU })).id;
  id.X = (await buildUnit(db, { code: 'X', name: 'Tỉnh khác', kind: 'party_committee' })).id;
  const users: [string, 'editor' | 'viewer' | 'unit_admin', string][] = [
    ['bt.tu', 'editor', 'TU'],
    ['xem.tu', 'viewer', 'TU'],
    ['bt.x', 'editor', 'X'],
    ['qt.db', 'unit_admin', 'DB'],
    ['bt.db', 'editor', 'DB'],
  ];
  for (const [username, role, unit] of users) {
    await buildUser(db, { username, role, unitId: id[unit] ?? null });
    s[username] = await logInAs(app, username);
  }
});

const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: unknown) => app.inject({ method, url: `/api/v1${url}`, headers: s[who]?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as object }) });

describe('the contest definition API', () => {
  let contestId = 0;

  it('creates (201), reads the definition back with states, lists it for viewers, not for another province', async () => {
    const created = await call('POST', '/contests', 'bt.tu', definition);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'DH-TIMHIEU', created: true, warnings: [{ code: 'CONTEST_POOL_SMALL', round: 1 }, { code: 'CONTEST_POOL_SMALL', round: 2 }] });
    contestId = created.json().id;
    expect((await call('POST', '/contests', 'bt.tu', definition)).statusCode).toBe(409);
    const got = await call('GET', `/contests/${contestId}`, 'xem.tu');
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ id: contestId, organiserUnit: 'TU', organiser: { id: id.TU, code: 'TU', name: 'Tỉnh ủy' }, collectivePrizes: definition.collectivePrizes, questionCount: 0 });
    expect(got.json().rounds.map((r: { state: string; graceSeconds: number; opens: string }) => [r.state, r.graceSeconds, r.opens])).toEqual([
      ['open', 5, '2020-01-05T08:00:00.000+07:00'],
      ['scheduled', 5, '2099-01-12T08:00:00.000+07:00'],
    ]);
    const list = await call('GET', `/contests?unitId=${id.TU}`, 'xem.tu');
    expect(list.json()).toEqual([{ id: contestId, code: 'DH-TIMHIEU', title: definition.title, organiser: { id: id.TU, code: 'TU', name: 'Tỉnh ủy' }, audience: 'public', rounds: [expect.objectContaining({ number: 1, state: 'open' }), expect.objectContaining({ number: 2, state: 'scheduled' })] }]);
    expect((await call('GET', '/contests', 'bt.x')).json()).toEqual([]);
    expect((await call('GET', `/contests/${contestId}`, 'bt.x')).statusCode).toBe(404);
    expect((await call('GET', `/contests/${contestId}`, 'bt.db')).statusCode).toBe(404);
  });

  it('updates a scheduled round through PUT; an opened round 409 CONTEST_ROUND_LOCKED; viewers 403, others 404; bad body 400', async () => {
    const changed = { ...definition, rounds: [definition.rounds[0], { ...definition.rounds[1], attemptsAllowed: 3 }] };
    const put = await call('PUT', `/contests/${contestId}`, 'bt.tu', changed);
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ id: contestId, code: 'DH-TIMHIEU', created: false });
    const locked = await call('PUT', `/contests/${contestId}`, 'bt.tu', { ...changed, rounds: [{ ...definition.rounds[0], attemptsAllowed: 1 }, changed.rounds[1]] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json()).toMatchObject({ reason: 'CONTEST_ROUND_LOCKED' });
    expect(locked.json().message).toContain('Vòng 1');
    expect((await call('PUT', `/contests/${contestId}`, 'xem.tu', changed)).statusCode).toBe(403);
    expect((await call('PUT', `/contests/${contestId}`, 'bt.x', { ...changed, organiserUnit: 'X' })).statusCode).toBe(404);
    const bad = await call('POST', '/contests', 'bt.tu', { ...definition, code: 'B', rounds: [] });
    expect(bad.statusCode).toBe(400);
    const audit = await db.execute<{ action: string }>(sql`select action from audit_log where action like 'contest.%' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['contest.define', 'contest.round_update', 'contest.update']);
  });
});

describe('unit headcounts', () => {
  it('are set by an admin of the unit (audited), read by its viewers, refused to editors and outsiders', async () => {
    expect((await call('GET', `/units/${id.DB}/headcount`, 'xem.tu')).json()).toMatchObject({ unitId: id.DB, headcount: null, label: null });
    const set = await call('PUT', `/units/${id.DB}/headcount`, 'qt.db', { headcount: 120, label: 'Đảng viên' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ unitId: id.DB, headcount: 120, label: 'Đảng viên' });
    expect((await call('GET', `/units/${id.DB}/headcount`, 'bt.db')).json()).toMatchObject({ headcount: 120 });
    expect((await call('PUT', `/units/${id.DB}/headcount`, 'bt.db', { headcount: 1 })).statusCode).toBe(403);
    expect((await call('PUT', `/units/${id.DB}/headcount`, 'bt.x', { headcount: 1 })).statusCode).toBe(404);
    expect((await call('GET', `/units/${id.DB}/headcount`, 'bt.x')).statusCode).toBe(404);
    expect((await call('PUT', `/units/${id.DB}/headcount`, 'qt.db', { headcount: -1 })).statusCode).toBe(400);
    expect((await call('PUT', `/units/${id.DB}/headcount`, 'qt.db', { headcount: null })).json()).toMatchObject({ headcount: null });
    const audit = await db.execute<{ before: unknown; after: unknown }>(sql`select before, after from audit_log where action = 'contest.headcount_set' order by id`);
    expect(audit.rows).toEqual([
      { before: null, after: { headcount: 120, label: 'Đảng viên' } },
      { before: { headcount: 120, label: 'Đảng viên' }, after: null },
    ]);
  });
});
