import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

const { db } = await createTestDatabase();
const app = await buildTestApp(db);
let province: number;
let department: number;
let otherProvince: number;
let unitAdmin: Session;
let systemAdmin: Session;

beforeAll(async () => {
  province = (await buildUnit(db, { code: 'LCU-TU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' })).id;
  department = (await buildUnit(db, { code: 'LCU-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch Lai Châu', kind: 'department', parentId: province })).id;
  otherProvince = (await buildUnit(db, { code: 'LCA-TU', name: 'Tỉnh ủy Lào Cai', kind: 'party_committee' })).id;
  await buildUser(db, { username: 'qt.laichau', role: 'unit_admin', unitId: province });
  await buildUser(db, { username: 'qt.laocai', role: 'unit_admin', unitId: otherProvince });
  await buildUser(db, { username: 'root', role: 'system_admin' });
  unitAdmin = await logInAs(app, 'qt.laichau');
  systemAdmin = await logInAs(app, 'root');
});

describe('account management', () => {
  it('a unit admin creates an account in their subtree, grants a role, and the new user can log in and see only that subtree', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: unitAdmin.headers,
      payload: { username: 'bientap.so', fullName: 'Vàng Thị Biên', email: 'bien@laichau.gov.vn', homeUnitId: department, password: 'Mat-khau-ban-dau-1' },
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({ username: 'bientap.so', homeUnitName: 'Sở Văn hóa, Thể thao và Du lịch Lai Châu', isActive: true, grants: [] });
    const grant = await app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/grants`, headers: unitAdmin.headers, payload: { role: 'editor', unitId: department } });
    expect(grant.statusCode).toBe(201);
    expect(grant.json()).toMatchObject({ role: 'editor', unitId: department, unitCode: 'LCU-SVHTTDL' });
    const session = await logInAs(app, 'bientap.so', 'Mat-khau-ban-dau-1');
    const units = (await app.inject({ method: 'GET', url: '/api/v1/units', headers: session.headers })).json() as { code: string }[];
    expect(units.map((u) => u.code)).toEqual(['LCU-SVHTTDL']);
  });

  it('refuses a duplicate username (any case), a weak password and a system-wide role from a unit admin', async () => {
    const dup = await app.inject({ method: 'POST', url: '/api/v1/users', headers: unitAdmin.headers, payload: { username: 'BIENTAP.SO', fullName: 'X', homeUnitId: department, password: 'Mat-khau-ban-dau-1' } });
    expect(dup.statusCode).toBe(409);
    const weak = await app.inject({ method: 'POST', url: '/api/v1/users', headers: unitAdmin.headers, payload: { username: 'yeu', fullName: 'X', homeUnitId: department, password: '123' } });
    expect(weak.statusCode).toBe(400);
    const [user] = (await app.inject({ method: 'GET', url: '/api/v1/users?q=bientap', headers: unitAdmin.headers })).json() as { id: number }[];
    const sys = await app.inject({ method: 'POST', url: `/api/v1/users/${user!.id}/grants`, headers: unitAdmin.headers, payload: { role: 'system_admin', unitId: null } });
    expect(sys.statusCode).toBe(403);
  });

  it('lists only the accounts of the admin’s subtree', async () => {
    const names = ((await app.inject({ method: 'GET', url: '/api/v1/users', headers: unitAdmin.headers })).json() as { username: string }[]).map((u) => u.username);
    expect(names).toContain('bientap.so');
    expect(names).toContain('qt.laichau');
    expect(names).not.toContain('qt.laocai');
    expect(names).not.toContain('root');
    const all = ((await app.inject({ method: 'GET', url: '/api/v1/users', headers: systemAdmin.headers })).json() as { username: string }[]).map((u) => u.username);
    expect(all).toEqual(expect.arrayContaining(['qt.laocai', 'root', 'bientap.so']));
  });

  it('disabling an account ends its sessions; a password reset unlocks it; each change is audited with before and after', async () => {
    const [user] = (await app.inject({ method: 'GET', url: '/api/v1/users?q=bientap.so', headers: unitAdmin.headers })).json() as { id: number }[];
    const session = await logInAs(app, 'bientap.so', 'Mat-khau-ban-dau-1');
    const disabled = await app.inject({ method: 'PATCH', url: `/api/v1/users/${user!.id}`, headers: unitAdmin.headers, payload: { isActive: false, fullName: 'Vàng Thị Biên Tập' } });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ isActive: false, fullName: 'Vàng Thị Biên Tập' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bientap.so', password: 'Mat-khau-ban-dau-1' } })).statusCode).toBe(401);
    await app.inject({ method: 'PATCH', url: `/api/v1/users/${user!.id}`, headers: unitAdmin.headers, payload: { isActive: true } });
    const reset = await app.inject({ method: 'POST', url: `/api/v1/users/${user!.id}/password`, headers: unitAdmin.headers, payload: { newPassword: 'Mat-khau-dat-lai-2' } });
    expect(reset.statusCode).toBe(204);
    await logInAs(app, 'bientap.so', 'Mat-khau-dat-lai-2');

    const audit = await app.inject({ method: 'GET', url: `/api/v1/audit?unitId=${department}`, headers: unitAdmin.headers });
    const actions = (audit.json() as { items: { action: string; actorUsername: string; before: unknown; after: unknown }[] }).items;
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['user.create', 'grant.add', 'user.update', 'user.password_reset']));
    const update = actions.find((a) => a.action === 'user.update' && (a.after as { isActive?: boolean }).isActive === false);
    expect(update).toMatchObject({ actorUsername: 'qt.laichau', before: { isActive: true, fullName: 'Vàng Thị Biên' }, after: { isActive: false, fullName: 'Vàng Thị Biên Tập' } });
    const stored = await db.execute<{ hash: string }>(sql`select password_hash as hash from users where username = 'bientap.so'`);
    expect(stored.rows[0]?.hash).toMatch(/^\$argon2id\$/);
  });

  it('the Lào Cai admin cannot touch a Lai Châu account nor read its audit rows', async () => {
    const laoCai = await logInAs(app, 'qt.laocai');
    const [user] = (await app.inject({ method: 'GET', url: '/api/v1/users?q=bientap.so', headers: unitAdmin.headers })).json() as { id: number }[];
    const patch = await app.inject({ method: 'PATCH', url: `/api/v1/users/${user!.id}`, headers: laoCai.headers, payload: { fullName: 'Bị sửa' } });
    expect(patch.statusCode).toBe(404);
    const audit = (await app.inject({ method: 'GET', url: '/api/v1/audit', headers: laoCai.headers })).json() as { items: unknown[]; total: number };
    expect(audit.total).toBe(0);
  });

  it('removes a grant and audits it', async () => {
    const [user] = (await app.inject({ method: 'GET', url: '/api/v1/users?q=bientap.so', headers: unitAdmin.headers })).json() as { id: number; grants: { id: number }[] }[];
    const res = await app.inject({ method: 'DELETE', url: `/api/v1/users/${user!.id}/grants/${user!.grants[0]!.id}`, headers: unitAdmin.headers });
    expect(res.statusCode).toBe(204);
    const after = (await app.inject({ method: 'GET', url: '/api/v1/users?q=bientap.so', headers: unitAdmin.headers })).json() as { grants: unknown[] }[];
    expect(after[0]!.grants).toEqual([]);
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'grant.remove'`);
    expect(rows.rows[0]?.n).toBe(1);
  });
});
