import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../src/platform/db/schema/index.js';
import { LOCK_MINUTES, MAX_FAILED_LOGINS } from '../../src/platform/auth/login.js';
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

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} failures, even for the right password`, async () => {
    const user = await buildUser(db, { username: 'khoa.thu', role: 'viewer', unitId });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect((await login('khoa.thu', 'sai')).statusCode).toBe(401);
    const locked = await login('khoa.thu', TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    const lockedUntil = new Date(locked.json().details.lockedUntil).getTime();
    expect(lockedUntil - Date.now()).toBeGreaterThan((LOCK_MINUTES - 1) * 60_000);
    // Once the lock has passed, the right password works again and resets the counter.
    await db.update(users).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(users.id, user.id));
    expect((await login('khoa.thu', TEST_PASSWORD)).statusCode).toBe(200);
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after?.failedLogins).toBe(0);
  });

  it('rate-limits repeated login attempts from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await login('ai.do', 'x')).statusCode);
    expect(statuses).toContain(429);
    const limited = await login('ai.do', 'x');
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });
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
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/units', '/api/v1/users', '/api/v1/audit/', '/api/health']));
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
