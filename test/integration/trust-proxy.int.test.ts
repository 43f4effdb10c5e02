import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/platform/config/config.js';
import { auditLog } from '../../src/platform/db/schema/index.js';
import { buildApp, type App } from '../../src/server/app.js';
import { buildUnit, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';

/**
 * LANTOA_TRUST_PROXY: behind a reverse proxy the client address (rate limits, audit) and the scheme
 * (Secure cookies) come from X-Forwarded-For / X-Forwarded-Proto; without it those headers are ignored.
 * app.inject's peer address is 127.0.0.1, i.e. the proxy.
 */
const { db } = await createTestDatabase();

async function appWith(env: Record<string, string>): Promise<App> {
  const config = parseConfig({ LANTOA_DATA_DIR: '/nonexistent', LANTOA_LOG_LEVEL: 'silent', LANTOA_PUBLIC_RATE_LIMIT: '2', ...env });
  const app = await buildApp({ db, config, logger: false, webRoot: null });
  await app.ready();
  return app;
}

let behindProxy: App;
let direct: App;
let provinceId: number;

beforeAll(async () => {
  behindProxy = await appWith({ LANTOA_TRUST_PROXY: '127.0.0.1' });
  direct = await appWith({});
  const province = await buildUnit(db, { code: 'PRX-TU', kind: 'party_committee' });
  provinceId = province.id;
  await buildUser(db, { username: 'qt.proxy', role: 'unit_admin', unitId: province.id });
});

async function logIn(app: App, headers: Record<string, string>) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { username: 'qt.proxy', password: TEST_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  const setCookie = String(res.headers['set-cookie']);
  return { setCookie, cookie: setCookie.split(';')[0] as string, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}

async function auditIpOfNewUnit(app: App, code: string, forwardedFor: string): Promise<string | null> {
  const session = await logIn(app, { 'x-forwarded-for': forwardedFor });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/units',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'x-forwarded-for': forwardedFor },
    payload: { code, name: `Xã ${code}`, kind: 'commune', parentId: provinceId },
  });
  expect(res.statusCode, res.body).toBe(201);
  const rows = await db
    .select({ ip: auditLog.ip })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'unit'), eq(auditLog.entityId, String((res.json() as { id: number }).id))));
  expect(rows).toHaveLength(1);
  return rows[0]?.ip ?? null;
}

/** Statuses of three public form posts, one per X-Forwarded-For value given (limit: 2 a minute). */
async function publicPosts(app: App, forwardedFor: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const address of forwardedFor) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/public/consultations/KHONG-CO/submissions',
      headers: { 'x-forwarded-for': address },
      payload: {},
    });
    statuses.push(res.statusCode);
  }
  return statuses;
}

describe('behind a trusted reverse proxy (LANTOA_TRUST_PROXY=127.0.0.1)', () => {
  it('audits the client address from X-Forwarded-For', async () => {
    expect(await auditIpOfNewUnit(behindProxy, 'PRX-X1', '203.0.113.7')).toBe('203.0.113.7');
  });

  it('marks the session cookie Secure when the proxy says the request came over HTTPS', async () => {
    expect((await logIn(behindProxy, { 'x-forwarded-proto': 'https' })).setCookie).toMatch(/;\s*Secure/i);
    expect((await logIn(behindProxy, { 'x-forwarded-proto': 'http' })).setCookie).not.toMatch(/;\s*Secure/i);
  });

  it('counts the public form rate limit per forwarded client address', async () => {
    expect(await publicPosts(behindProxy, ['198.51.100.1', '198.51.100.2', '198.51.100.3'])).not.toContain(429);
    expect(await publicPosts(behindProxy, ['198.51.100.9', '198.51.100.9', '198.51.100.9'])).toContain(429);
  });
});

describe('without LANTOA_TRUST_PROXY (default)', () => {
  it('ignores X-Forwarded-For in the audit', async () => {
    expect(await auditIpOfNewUnit(direct, 'PRX-X2', '203.0.113.7')).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-Proto for the cookie', async () => {
    expect((await logIn(direct, { 'x-forwarded-proto': 'https' })).setCookie).not.toMatch(/;\s*Secure/i);
  });

  it('a spoofed X-Forwarded-For cannot evade the public form rate limit', async () => {
    expect((await publicPosts(direct, ['198.51.100.1', '198.51.100.2', '198.51.100.3']))[2]).toBe(429);
  });
});
