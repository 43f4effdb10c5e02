import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { buildContest, sampleQuestions } from '../support/contest-fixture.js';
import { buildTakeApp, registration } from '../support/contest-take.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { logInAs } from '../support/http.js';

/** Registration (issue 14 item 3): once per contest by phone or ID, units from the tree, internal contests by account. */
const { db } = await createTestDatabase();
let app: App;
let province: { id: number };
let commune: { id: number };
let otherProvince: { id: number };
const HOUR = 3_600_000;

beforeAll(async () => {
  province = await buildUnit(db, { name: 'Tỉnh ủy Thử Nghiệm', kind: 'party_committee' });
  commune = await buildUnit(db, { name: 'Đảng ủy xã Hòa Bình', kind: 'party_committee', parentId: province.id });
  otherProvince = await buildUnit(db, { name: 'Tỉnh ủy Bên Cạnh', kind: 'party_committee' });
  const now = Date.now();
  const rounds = [{ number: 1, opensAt: new Date(now - HOUR), closesAt: new Date(now + HOUR) }];
  await buildContest(db, { code: 'PUB', organiserUnitId: province.id, rounds, questions: sampleQuestions(6) });
  await buildContest(db, { code: 'INT', organiserUnitId: province.id, audience: 'internal', rounds, questions: sampleQuestions(6) });
  app = await buildTakeApp(db);
});
afterAll(async () => app.close());

const register = (body: unknown, code = 'PUB', target = app) => target.inject({ method: 'POST', url: `/api/v1/public/contests/${code}/participants`, payload: body as object });

describe('public registration', () => {
  it('shows the contest page with round states and the server clock, and lists active units by accent-free search', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/v1/public/contests/PUB' });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ code: 'PUB', audience: 'public', rounds: [{ number: 1, state: 'open' }] });
    expect(page.body).not.toContain('topics');
    const units = await app.inject({ method: 'GET', url: '/api/v1/public/contests/PUB/units?q=hoa binh' });
    expect(units.json()).toEqual([expect.objectContaining({ id: commune.id, name: 'Đảng ủy xã Hòa Bình', path: 'Tỉnh ủy Thử Nghiệm › Đảng ủy xã Hòa Bình' })]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/contests/NOPE' })).json().reason).toBe('CONTEST_NOT_FOUND');
  });

  it('registers once: the same phone in another writing, or the same ID number, is the same person and nothing is changed', async () => {
    const first = await register(registration(commune.id, { phone: '0912 345 678', idNumber: '001203004567' }));
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({ existing: false, participant: { name: 'Nguyễn Văn An', unit: { id: commune.id }, group: 'dang-vien', phoneMasked: '0912***678' } });
    expect(body.participantToken).toMatch(/^p\.\d+\.\d+\./);
    const samePhone = await register(registration(province.id, { name: 'Tên Khác', phone: '+84 912.345.678' }));
    expect(samePhone.statusCode).toBe(200);
    expect(samePhone.json()).toMatchObject({ existing: true, participant: { name: 'Nguyễn Văn An', unit: { id: commune.id } } });
    expect(samePhone.json().participantToken).toBe(body.participantToken);
    expect(samePhone.json().notice).toMatch(/đã đăng ký dự thi.*không thay đổi/);
    expect(body.notice).toBeNull();
    const sameId = await register(registration(commune.id, { phone: '0987654321', idNumber: '001 203 004 567' }));
    expect(sameId.json()).toMatchObject({ existing: true, participant: { phoneMasked: '0912***678' } });
    const rows = (await db.execute<Record<string, unknown>>(sql`select * from contest_participants where contest_id = (select id from contests where code = 'PUB')`)).rows;
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    for (const secret of ['0912345678', '912345678', '001203004567']) expect(stored).not.toContain(secret);
    expect(rows[0]).toMatchObject({ id_last4: '4567', phone_masked: '0912***678' });
    expect(String(rows[0]!.sealed_contact)).toMatch(/^v1:/);
  });

  it('counts one person under concurrent registrations of the same phone', async () => {
    const body = registration(commune.id);
    const responses = await Promise.all(Array.from({ length: 8 }, () => register(body)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.json().participantToken)).size).toBe(1);
  });

  it('refuses bad phones, ID numbers, units that are not active units of the tree, and a missing consent', async () => {
    expect((await register(registration(commune.id, { phone: '0212345678' }))).json().reason).toBe('CONTEST_PHONE_INVALID');
    expect((await register(registration(commune.id, { idNumber: '12345' }))).json().reason).toBe('CONTEST_ID_NUMBER_INVALID');
    expect((await register(registration(999_999))).json().reason).toBe('CONTEST_UNIT_NOT_ALLOWED');
    const dissolved = await buildUnit(db, { parentId: province.id });
    await db.execute(sql`update units set active_to = '2020-01-01' where id = ${dissolved.id}`);
    expect((await register(registration(dissolved.id))).json().reason).toBe('CONTEST_UNIT_NOT_ALLOWED');
    const noConsent = await register(registration(commune.id, { consent: false }));
    expect(noConsent.statusCode).toBe(400);
    expect((await register(registration(commune.id), 'INT')).json().reason).toBe('CONTEST_LOGIN_REQUIRED');
  });

  it('is rate-limited by client address and by phone, with a Vietnamese message', async () => {
    const limited = await buildTakeApp(db, { LANTOA_PUBLIC_RATE_LIMIT: '12' });
    try {
      const body = registration(commune.id);
      const byPhone = [];
      for (let i = 0; i < 3; i++) byPhone.push(await register(body, 'PUB', limited));
      expect(byPhone.map((r) => r.statusCode)).toEqual([201, 200, 429]);
      expect(byPhone[2]!.json()).toMatchObject({ code: 'RATE_LIMITED', reason: 'CONTEST_RATE_LIMITED' });
      expect(byPhone[2]!.json().message).toMatch(/Bạn thao tác quá nhanh .* Hãy đợi \d+ giây/);
      const statuses = [];
      for (let i = 0; i < 11; i++) statuses.push((await register(registration(commune.id), 'PUB', limited)).statusCode);
      expect(statuses.slice(0, 9).every((s) => s === 201)).toBe(true);
      expect(statuses.slice(9)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('internal contests: the logged-in account', () => {
  it('takes accounts whose home unit is in the audience subtree, the same participant each time, and refuses others', async () => {
    await buildUser(db, { username: 'xa.hoabinh', homeUnitId: commune.id, fullName: 'Trần Thị Bình' });
    await buildUser(db, { username: 'tinh.bencanh', homeUnitId: otherProvince.id });
    const inside = await logInAs(app, 'xa.hoabinh');
    const first = await app.inject({ method: 'POST', url: '/api/v1/contests/INT/participants/me', headers: inside.headers, payload: {} });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ existing: false, participant: { name: 'Trần Thị Bình', unit: { id: commune.id }, phoneMasked: null } });
    const audit = await db.execute(sql`select 1 from audit_log where action = 'contest.participant_register' and actor_username = 'xa.hoabinh'`);
    expect(audit.rows).toHaveLength(1);
    const again = await app.inject({ method: 'POST', url: '/api/v1/contests/INT/participants/me', headers: inside.headers, payload: { group: 'cong-chuc' } });
    expect(again.json()).toMatchObject({ existing: true, participantToken: first.json().participantToken });
    const outside = await logInAs(app, 'tinh.bencanh');
    const refused = await app.inject({ method: 'POST', url: '/api/v1/contests/INT/participants/me', headers: outside.headers, payload: {} });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().reason).toBe('CONTEST_OUTSIDE_AUDIENCE');
    expect((await app.inject({ method: 'POST', url: '/api/v1/contests/INT/participants/me', payload: {} })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/contests/PUB/participants/me', headers: inside.headers, payload: {} })).json().reason).toBe('CONTEST_NOT_INTERNAL');
    const units = (await app.inject({ method: 'GET', url: '/api/v1/public/contests/INT/units' })).json() as { id: number }[];
    expect(units.map((u) => u.id).sort()).toEqual([province.id, commune.id].sort());
  });
});
