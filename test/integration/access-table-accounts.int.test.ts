import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/platform/db/schema/org.js';
import { buildGrant, buildUnit, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * The access table for account management: manager × action × the grants the target account holds.
 * Every target's home unit lies in the manager's subtree; what differs is what the account holds.
 * Rule: a unit admin acts on an account only if every grant it holds lies in the admin's subtree and
 * is not above unit admin; otherwise the answer is exactly that of an account it cannot see (404),
 * nothing changes and no audit row is written. A system admin manages every account. Nobody grants a
 * role to themselves.
 */
const database = await createTestDatabase();
const { db } = database;
const app = await buildTestApp(db);

const holdings = ['inScope', 'grantAbove', 'otherProvince', 'systemAdmin'] as const;
type Holding = (typeof holdings)[number];
const managers = ['system_admin', 'unit_admin', 'editor'] as const satisfies readonly Role[];
type Manager = (typeof managers)[number];
const actions = ['resetPassword', 'deactivate', 'rename', 'grantRole', 'revokeGrant', 'listed'] as const;
type Action = (typeof actions)[number];
type Outcome = 'allowed' | 'hidden' | 'forbidden';

const units = {} as Record<'province' | 'own' | 'child' | 'otherProvince', number>;
const sessions = {} as Record<Manager, Session>;
let counter = 0;

beforeAll(async () => {
  const root = await buildUnit(db, { code: 'TW', name: 'Ban Chấp hành Trung ương', kind: 'central' });
  const province = await buildUnit(db, { code: 'LCU-TU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee', parentId: root.id });
  const own = await buildUnit(db, { code: 'LCU-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch Lai Châu', kind: 'department', parentId: province.id });
  const child = await buildUnit(db, { code: 'LCU-TTVH', name: 'Trung tâm Văn hóa tỉnh Lai Châu', kind: 'other', parentId: own.id });
  const laoCai = await buildUnit(db, { code: 'LCA-TU', name: 'Tỉnh ủy Lào Cai', kind: 'party_committee', parentId: root.id });
  Object.assign(units, { province: province.id, own: own.id, child: child.id, otherProvince: laoCai.id });
  for (const role of managers) {
    const username = `${role.replace('_', '')}.manager`;
    await buildUser(db, { username, role, unitId: own.id });
    sessions[role] = await logInAs(app, username);
  }
});

/** A fresh account whose home unit is the manager's child unit, holding an in-scope grant and `holding`. */
async function buildTarget(holding: Holding) {
  const user = await buildUser(db, { username: `dich.${holding.toLowerCase()}.${++counter}`, role: 'editor', unitId: units.child });
  if (holding === 'grantAbove') await buildGrant(db, { userId: user.id, role: 'unit_admin', unitId: units.province });
  if (holding === 'otherProvince') await buildGrant(db, { userId: user.id, role: 'viewer', unitId: units.otherProvince });
  if (holding === 'systemAdmin') await buildGrant(db, { userId: user.id, role: 'system_admin' });
  const [grant] = (await db.execute<{ id: number }>(sql`select id from role_grants where user_id = ${user.id} and role = 'editor'`)).rows;
  return { ...user, editorGrantId: grant?.id as number };
}

function expected(manager: Manager, holding: Holding): Outcome {
  if (manager === 'system_admin') return 'allowed';
  if (manager === 'editor') return 'forbidden';
  return holding === 'inScope' ? 'allowed' : 'hidden';
}

const auditCount = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`)).rows[0]?.n ?? 0;

function outcomeOf(status: number, ok: number, body: string): Outcome {
  if (status === ok) return 'allowed';
  if (status === 403) return 'forbidden';
  if (status === 404) {
    // Hidden means hidden: nothing in the answer names the account's units or grants.
    expect(body).not.toMatch(/unitId|Lào Cai|Lai Châu|system_admin|unit_admin/);
    expect((JSON.parse(body) as { details?: unknown }).details).toBeUndefined();
    return 'hidden';
  }
  throw new Error(`unexpected status ${status}: ${body}`);
}

async function perform(manager: Manager, action: Action, target: Awaited<ReturnType<typeof buildTarget>>): Promise<Outcome> {
  const headers = sessions[manager].headers;
  const base = `/api/v1/users/${target.id}`;
  switch (action) {
    case 'resetPassword': {
      const res = await app.inject({ method: 'POST', url: `${base}/password`, headers, payload: { newPassword: 'Mat-khau-cua-ke-gian-9' } });
      const result = outcomeOf(res.statusCode, 204, res.body);
      // The account still opens with its own password unless the reset was allowed.
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: target.username, password: TEST_PASSWORD } });
      expect(login.statusCode).toBe(result === 'allowed' ? 401 : 200);
      return result;
    }
    case 'deactivate': {
      const res = await app.inject({ method: 'PATCH', url: base, headers, payload: { isActive: false } });
      return outcomeOf(res.statusCode, 200, res.body);
    }
    case 'rename': {
      const res = await app.inject({ method: 'PATCH', url: base, headers, payload: { fullName: 'Tên bị đổi' } });
      return outcomeOf(res.statusCode, 200, res.body);
    }
    case 'grantRole': {
      const res = await app.inject({ method: 'POST', url: `${base}/grants`, headers, payload: { role: 'viewer', unitId: units.own } });
      return outcomeOf(res.statusCode, 201, res.body);
    }
    case 'revokeGrant': {
      const res = await app.inject({ method: 'DELETE', url: `${base}/grants/${target.editorGrantId}`, headers });
      return outcomeOf(res.statusCode, 204, res.body);
    }
    case 'listed': {
      const res = await app.inject({ method: 'GET', url: '/api/v1/users', headers });
      if (res.statusCode === 403) return 'forbidden';
      expect(res.statusCode).toBe(200);
      const list = res.json() as { id: number; grants: { unitId: number | null; role: string }[] }[];
      const scope = new Set([units.own, units.child]);
      if (manager === 'unit_admin') {
        // No list entry ever shows a grant outside the caller's scope.
        for (const user of list) for (const g of user.grants) expect(g.unitId !== null && scope.has(g.unitId)).toBe(true);
      }
      return list.some((u) => u.id === target.id) ? 'allowed' : 'hidden';
    }
  }
}

describe('access table: account manager × action × grants the account holds', () => {
  const cases = managers.flatMap((manager) => actions.flatMap((action) => holdings.map((holding) => ({ manager, action, holding }))));
  it.each(cases)('$manager may $action an account holding $holding: as the rule says', async ({ manager, action, holding }) => {
    const target = await buildTarget(holding);
    const before = await auditCount();
    const result = await perform(manager, action, target);
    expect(result).toBe(expected(manager, holding));
    if (action !== 'listed') expect(await auditCount()).toBe(result === 'allowed' ? before + 1 : before);
  });
});

describe('nobody grants a role to themselves', () => {
  it.each(['unit_admin', 'system_admin'] as const)('a %s granting itself a role gets 403 and nothing changes', async (manager) => {
    const me = (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: sessions[manager].headers })).json() as { user: { id: number } };
    const before = await auditCount();
    const res = await app.inject({ method: 'POST', url: `/api/v1/users/${me.user.id}/grants`, headers: sessions[manager].headers, payload: { role: 'editor', unitId: units.child } });
    expect(res.statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it('a unit admin cannot grant a role above its own or outside its scope', async () => {
    const target = await buildTarget('inScope');
    const headers = sessions.unit_admin.headers;
    const asSystem = await app.inject({ method: 'POST', url: `/api/v1/users/${target.id}/grants`, headers, payload: { role: 'system_admin', unitId: null } });
    expect(asSystem.statusCode).toBe(403);
    const onParent = await app.inject({ method: 'POST', url: `/api/v1/users/${target.id}/grants`, headers, payload: { role: 'viewer', unitId: units.province } });
    expect(onParent.statusCode).toBe(404);
    const elsewhere = await app.inject({ method: 'POST', url: `/api/v1/users/${target.id}/grants`, headers, payload: { role: 'viewer', unitId: units.otherProvince } });
    expect(elsewhere.statusCode).toBe(404);
    expect((elsewhere.json() as { details?: unknown }).details).toBeUndefined();
  });

  it('a grant records who made it', async () => {
    const target = await buildTarget('inScope');
    const res = await app.inject({ method: 'POST', url: `/api/v1/users/${target.id}/grants`, headers: sessions.unit_admin.headers, payload: { role: 'viewer', unitId: units.own } });
    expect(res.statusCode).toBe(201);
    const { id } = res.json() as { id: number };
    const row = (await db.execute<{ granted_by: string }>(sql`select u.username as granted_by from role_grants g join users u on u.id = g.granted_by_user_id where g.id = ${id}`)).rows[0];
    expect(row?.granted_by).toBe('unitadmin.manager');
  });

  it("answers an account of another province with a bare 404: no id, code or name of its unit", async () => {
    const stranger = await buildUser(db, { username: 'nguoi.laocai', role: 'editor', unitId: units.otherProvince });
    const headers = sessions.unit_admin.headers;
    for (const res of [
      await app.inject({ method: 'PATCH', url: `/api/v1/users/${stranger.id}`, headers, payload: { fullName: 'X' } }),
      await app.inject({ method: 'POST', url: `/api/v1/users/${stranger.id}/password`, headers, payload: { newPassword: 'Mat-khau-moi-1234' } }),
      await app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { username: 'moi.laocai', fullName: 'Mới', homeUnitId: units.otherProvince, password: 'Mat-khau-moi-1234' } }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect((res.json() as { details?: unknown }).details).toBeUndefined();
      expect(res.body).not.toMatch(/Lào Cai|LCA-TU/);
    }
  });
});
