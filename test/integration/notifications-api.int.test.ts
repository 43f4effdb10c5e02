import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureMail } from '../../src/platform/mail/index.js';
import { notify } from '../../src/platform/notifications/index.js';
import type { App } from '../../src/server/app.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/** One's own notifications and e-mail preference through the API; notify's recipients and e-mail rules. */
const { db } = await createTestDatabase();
let app: App;
let mine: Session;
let theirs: Session;
const ids = { me: 0, them: 0, unit: 0 };

beforeAll(async () => {
  app = await buildTestApp(db);
  ids.unit = (await buildUnit(db, { code: 'N-1', name: 'Chi bộ N' })).id;
  ids.me = (await buildUser(db, { username: 'n.me', role: 'editor', unitId: ids.unit })).id;
  ids.them = (await buildUser(db, { username: 'n.them', role: 'viewer', unitId: ids.unit })).id;
  await db.execute(sql`update users set email = 'me@example.vn' where id = ${ids.me}`);
  await db.execute(sql`update users set email = 'them@example.vn' where id = ${ids.them}`);
  mine = await logInAs(app, 'n.me');
  theirs = await logInAs(app, 'n.them');
});
afterAll(async () => {
  configureMail({ smtpUrl: undefined, mailFrom: 'x' });
  await app.close();
});

const send = (message: Parameters<typeof notify>[1]) => db.transaction((tx) => notify(tx, message));
const outbox = async () => (await db.execute<{ to_address: string }>(sql`select to_address from mail_outbox order by id`)).rows.map((r) => r.to_address);

describe('notify', () => {
  it('reaches the editors of a unit (not its viewers) and listed users, e-mail only when configured', async () => {
    expect(await send({ unitEditorsOf: [ids.unit], kind: 'test.one', title: 'Một', body: 'Nội dung một', link: '/trang-chu', email: true })).toEqual({ notified: 1, mailed: 0 });
    configureMail({ smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'Lan Tỏa <a@b.vn>' });
    expect(await send([
      { userIds: [ids.me, ids.them], kind: 'test.two', title: 'Hai', body: 'Nội dung hai', email: true },
      { userIds: [ids.them], unitEditorsOf: [ids.unit], kind: 'test.three', title: 'Ba', body: 'Nội dung ba', email: false },
    ])).toEqual({ notified: 4, mailed: 2 });
    expect(await outbox()).toEqual(['me@example.vn', 'them@example.vn']);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const before = (await db.execute<{ n: number }>(sql`select count(*)::int as n from notifications`)).rows[0]!.n;
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, { userIds: [ids.me], kind: 'test.lost', title: 'Mất', body: 'x', email: true });
        throw new RangeError('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await db.execute<{ n: number }>(sql`select count(*)::int as n from notifications`)).rows[0]!.n).toBe(before);
  });
});

describe('GET /api/v1/notifications and marking read', () => {
  it('lists one’s own, newest first, with the unread count; someone else’s is not found', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: mine.headers });
    expect(list.statusCode).toBe(200);
    const body = list.json() as { items: { id: number; title: string; readAt: string | null }[]; unread: number };
    expect(body.items.map((n) => n.title)).toEqual(['Ba', 'Hai', 'Một']);
    expect(body.unread).toBe(3);
    const first = body.items[2]!.id;
    expect((await app.inject({ method: 'POST', url: `/api/v1/notifications/${first}/read`, headers: theirs.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/v1/notifications/${first}/read`, headers: mine.headers })).statusCode).toBe(204);
    const unread = (await app.inject({ method: 'GET', url: '/api/v1/notifications?unread=true', headers: mine.headers })).json() as typeof body;
    expect(unread.items.map((n) => n.title)).toEqual(['Ba', 'Hai']);
    expect(unread.unread).toBe(2);
    const all = await app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: mine.headers });
    expect(all.json()).toEqual({ marked: 2 });
    expect(((await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: mine.headers })).json() as typeof body).unread).toBe(0);
    expect(((await app.inject({ method: 'GET', url: '/api/v1/notifications', headers: theirs.headers })).json() as typeof body).unread).toBe(2);
  });

  it('needs a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/notifications' })).statusCode).toBe(401);
  });
});

describe('/api/v1/auth/me/preferences', () => {
  it('turns e-mail off for oneself (audited): notifications stay in-app only', async () => {
    const read = await app.inject({ method: 'GET', url: '/api/v1/auth/me/preferences', headers: mine.headers });
    expect(read.json()).toEqual({ emailNotifications: true, email: 'me@example.vn', emailAvailable: true });
    const off = await app.inject({ method: 'PATCH', url: '/api/v1/auth/me/preferences', headers: mine.headers, payload: { emailNotifications: false } });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ emailNotifications: false, email: 'me@example.vn' });
    const audit = await db.execute<{ after: unknown }>(sql`select after from audit_log where action = 'auth.preferences' and actor_user_id = ${ids.me}`);
    expect(audit.rows).toEqual([{ after: { emailNotifications: false, email: 'me@example.vn' } }]);
    await db.execute(sql`delete from mail_outbox`);
    expect(await send({ userIds: [ids.me, ids.them], kind: 'test.four', title: 'Bốn', body: 'x', email: true })).toEqual({ notified: 2, mailed: 1 });
    expect(await outbox()).toEqual(['them@example.vn']);
  });

  it('changes one’s own address, refuses a malformed one, and needs the CSRF token', async () => {
    const changed = await app.inject({ method: 'PATCH', url: '/api/v1/auth/me/preferences', headers: theirs.headers, payload: { email: 'moi@example.vn' } });
    expect(changed.json()).toMatchObject({ email: 'moi@example.vn', emailNotifications: true });
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/auth/me/preferences', headers: theirs.headers, payload: { email: 'không phải thư' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'PATCH', url: '/api/v1/auth/me/preferences', headers: { cookie: theirs.cookie }, payload: { emailNotifications: false } })).statusCode).toBe(403);
    const cleared = await app.inject({ method: 'PATCH', url: '/api/v1/auth/me/preferences', headers: theirs.headers, payload: { email: '' } });
    expect(cleared.json()).toMatchObject({ email: null });
  });
});
