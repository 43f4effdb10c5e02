import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../src/platform/db/schema/index.js';
import { logIn } from '../../src/platform/auth/login.js';
import { ACCOUNT_CLIENT_LIMIT, CLIENT_LIMIT, WINDOW_MINUTES } from '../../src/platform/auth/login-throttle.js';
import { buildUnit, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs } from '../support/http.js';

const { db } = await createTestDatabase();
const app = await buildTestApp(db);
let unitId: number;

beforeAll(async () => {
  unitId = (await buildUnit(db, { code: 'LCU-TU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' })).id;
});

const login = (username: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('login and sessions', () => {
  it('sets an HTTP-only SameSite session cookie and returns the user with a CSRF token', async () => {
    await buildUser(db, { username: 'bientap.lc', role: 'editor', unitId, fullName: 'Lò Văn Biên' });
    const res = await login('Bientap.LC', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^lantoa_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Expires=/i);
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'bientap.lc', fullName: 'Lò Văn Biên', permissions: { manageUsers: false } });
    expect(body.user.grants).toEqual([expect.objectContaining({ role: 'editor', unitId, unitName: 'Tỉnh ủy Lai Châu' })]);
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const stored = await db.select().from(sessions);
    expect(stored.some((s) => s.tokenHash === token)).toBe(false); // only a hash is stored
  });

  it('rejects a wrong password and an unknown user with the same error', async () => {
    const wrong = await login('bientap.lc', 'sai-mat-khau');
    const unknown = await login('khong.ton.tai', 'sai-mat-khau');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: expect.stringContaining('mật khẩu') });
  });

  it('rate-limits repeated login attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await login('ai.do', 'x')).statusCode);
    expect(statuses).toContain(429);
    const limited = await login('ai.do', 'x');
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('login throttling: per account and client, atomic, the same for unknown names', () => {
  // A fresh app: the per-address request limiter of the route (20 a minute) is not what is tested here.
  const fresh = buildTestApp(db);
  const attempt = async (username: string, password: string, remoteAddress = '10.0.0.1') =>
    (await fresh).inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

  it(`checks at most ${ACCOUNT_CLIENT_LIMIT} of 15 parallel wrong passwords; the rest are refused unchecked`, async () => {
    await buildUser(db, { username: 'song.song', role: 'viewer', unitId });
    const responses = await Promise.all(Array.from({ length: 15 }, () => attempt('song.song', 'sai', '10.0.0.2')));
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(ACCOUNT_CLIENT_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15 - ACCOUNT_CLIENT_LIMIT);
    const refused = responses.find((r) => r.statusCode === 429);
    expect(refused?.json()).toMatchObject({ code: 'LOGIN_THROTTLED', details: { retryAfterSeconds: expect.any(Number) } });
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan((WINDOW_MINUTES - 1) * 60);
    // Even the right password is not looked at from this client until the window has passed…
    expect((await attempt('song.song', TEST_PASSWORD, '10.0.0.2')).statusCode).toBe(429);
    // …but the owner at another address is not locked out by it.
    expect((await attempt('song.song', TEST_PASSWORD, '10.0.0.3')).statusCode).toBe(200);
  });

  it('answers an unknown username exactly as a known one, before and after the limit', async () => {
    await buildUser(db, { username: 'co.that', role: 'viewer', unitId });
    for (let i = 0; i <= ACCOUNT_CLIENT_LIMIT; i++) {
      const known = await attempt('co.that', 'sai', '10.0.0.4');
      const unknown = await attempt('khong.co.that', 'sai', '10.0.0.4');
      expect(unknown.statusCode).toBe(known.statusCode);
      expect(unknown.json().code).toBe(known.json().code);
      expect(known.statusCode).toBe(i < ACCOUNT_CLIENT_LIMIT ? 401 : 429);
    }
  });

  it('forgets failures after a successful login and once the window has passed', async () => {
    const user = await buildUser(db, { username: 'quen.loi', role: 'viewer', unitId });
    for (let i = 0; i < ACCOUNT_CLIENT_LIMIT - 1; i++) expect((await attempt('quen.loi', 'sai', '10.0.0.5')).statusCode).toBe(401);
    expect((await attempt('quen.loi', TEST_PASSWORD, '10.0.0.5')).statusCode).toBe(200);
    for (let i = 0; i < ACCOUNT_CLIENT_LIMIT; i++) expect((await attempt('quen.loi', 'sai', '10.0.0.5')).statusCode).toBe(401);
    expect((await attempt('quen.loi', TEST_PASSWORD, '10.0.0.5')).statusCode).toBe(429);
    await db.execute(sql`update login_throttle set window_start = now() - make_interval(mins => ${WINDOW_MINUTES + 1}) where client = '10.0.0.5'`);
    expect((await attempt('quen.loi', TEST_PASSWORD, '10.0.0.5')).statusCode).toBe(200);
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after?.lockedUntil).toBeNull();
  });

  it(`stops one client spraying guesses over many names after ${CLIENT_LIMIT}`, async () => {
    // Called as the operation: the route's own request limiter (20 a minute) would stop this loop first.
    const guess = async (username: string, ip: string) => {
      try {
        await logIn(db, { username, password: 'sai', ip, userAgent: null, sessionHours: 1 });
        return 'ok';
      } catch (error) {
        return (error as { code: string }).code;
      }
    };
    const codes: string[] = [];
    for (let i = 0; i < CLIENT_LIMIT + 2; i++) codes.push(await guess(`ten.${i}`, '10.0.0.6'));
    expect(codes.slice(0, CLIENT_LIMIT).every((c) => c === 'INVALID_CREDENTIALS')).toBe(true);
    expect(codes.slice(CLIENT_LIMIT)).toEqual(['LOGIN_THROTTLED', 'LOGIN_THROTTLED']);
    // Another client is not affected.
    expect(await guess('ten.0', '10.0.0.7')).toBe('INVALID_CREDENTIALS');
  }, 60_000);
});

describe('session use', () => {
  // The rate limiter above counts per address for a minute: sessions here use a fresh app.
  const fresh = buildTestApp(db);

  it('GET /me needs a session; logout ends it', async () => {
    const a = await fresh;
    await buildUser(db, { username: 'phien.thu', role: 'viewer', unitId });
    expect((await a.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const s = await logInAs(a, 'phien.thu');
    expect((await a.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers })).statusCode).toBe(200);
    expect((await a.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers })).statusCode).toBe(204);
    const after = await a.inject({ method: 'GET', url: '/api/v1/auth/me', headers: s.headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('an expired session is refused', async () => {
    const a = await fresh;
    await buildUser(db, { username: 'het.han', role: 'viewer', unitId });
    const s = await logInAs(a, 'het.han');
    await db.update(sessions).set({ expiresAt: sql`now() - interval '1 minute'` });
    expect((await a.inject({ method: 'GET', url: '/api/v1/units', headers: s.headers })).statusCode).toBe(401);
  });

  it('a cookie-authenticated mutation without the CSRF token is refused and changes nothing', async () => {
    const a = await fresh;
    await buildUser(db, { username: 'csrf.admin', role: 'unit_admin', unitId });
    const s = await logInAs(a, 'csrf.admin');
    const payload = { code: 'CSRF-1', name: 'Chi bộ thử', kind: 'party_cell', parentId: unitId };
    const noToken = await a.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: s.cookie }, payload });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_FAILED');
    const badToken = await a.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: s.cookie, 'x-csrf-token': 'x' + s.csrfToken.slice(1) }, payload });
    expect(badToken.statusCode).toBe(403);
    const count = await db.execute<{ n: number }>(sql`select count(*)::int as n from units where code = 'CSRF-1'`);
    expect(count.rows[0]?.n).toBe(0);
    expect((await a.inject({ method: 'POST', url: '/api/v1/units', headers: s.headers, payload })).statusCode).toBe(201);
  });

  it('changing the password needs the current one, ends other sessions and is audited', async () => {
    const a = await fresh;
    const user = await buildUser(db, { username: 'doi.mk', role: 'viewer', unitId });
    const first = await logInAs(a, 'doi.mk');
    const second = await logInAs(a, 'doi.mk');
    const wrong = await a.inject({ method: 'POST', url: '/api/v1/auth/password', headers: first.headers, payload: { currentPassword: 'sai', newPassword: 'Mat-khau-moi-2026' } });
    expect(wrong.statusCode).toBe(400);
    const short = await a.inject({ method: 'POST', url: '/api/v1/auth/password', headers: first.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' } });
    expect(short.statusCode).toBe(400);
    const ok = await a.inject({ method: 'POST', url: '/api/v1/auth/password', headers: first.headers, payload: { currentPassword: TEST_PASSWORD, newPassword: 'Mat-khau-moi-2026' } });
    expect(ok.statusCode).toBe(204);
    expect((await a.inject({ method: 'GET', url: '/api/v1/auth/me', headers: first.headers })).statusCode).toBe(200);
    expect((await a.inject({ method: 'GET', url: '/api/v1/auth/me', headers: second.headers })).statusCode).toBe(401);
    await expect(logInAs(a, 'doi.mk')).rejects.toThrow();
    await logInAs(a, 'doi.mk', 'Mat-khau-moi-2026');
    const audit = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'auth.password_change' and entity_id = ${String(user.id)}`);
    expect(audit.rows[0]?.n).toBe(1);
  });
});

describe('API surface', () => {
  it('GET /api/health reports the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { ok: true, version: expect.stringMatching(/^\d+/) } });
  });

  it('serves an OpenAPI 3 document with the scripted endpoints and a docs page', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/units', '/api/v1/users', '/api/v1/audit', '/api/health']));
    expect(doc.components.schemas.Unit.required).toEqual(expect.arrayContaining(['id', 'code', 'name', 'kind', 'parentId']));
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/html/);
  });

  it('answers unknown API paths and invalid input with the one error shape', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/v1/khong-co' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
    const invalid = await app.inject({ method: 'POST', url: '/api/v1/units', payload: { code: 'có dấu cách', kind: 'khong-co' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: expect.any(Array) });
  });
});
