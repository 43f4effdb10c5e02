import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/platform/db/schema/org.js';
import { buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';
import { accessTargets, buildAccessTargets, type AccessTarget } from '../support/access-targets.js';

/**
 * The access table: every role × action × target position relative to the unit the role is granted on.
 * Expected outcomes follow one rule: a grant holds for its unit's whole subtree and nothing else;
 * reading needs any role there, changing needs unit admin; outside the subtree nothing is even visible.
 */
const database = await createTestDatabase();
const { db } = database;
const app = await buildTestApp(db);

const targets = accessTargets;
type Target = AccessTarget;
const rolesUnderTest: Role[] = ['system_admin', 'unit_admin', 'editor', 'viewer'];
const actions = ['readUnit', 'listUnits', 'updateUnit', 'createChildUnit', 'createUser', 'grantRole', 'readAudit'] as const;
type Action = (typeof actions)[number];

const unitIds = {} as Record<Target, number>;
const sessions = {} as Record<Role, Session>;

beforeAll(async () => {
  const tree = await buildAccessTargets(db);
  Object.assign(unitIds, tree.unitIds);
  for (const role of rolesUnderTest) {
    const username = `${role.replace('_', '')}.table`;
    await buildUser(db, { username, role, unitId: unitIds.own });
    sessions[role] = await logInAs(app, username);
  }
  // One audit row on every target so reading the audit log has something to show or hide.
  for (const target of targets) {
    await db.execute(sql`insert into audit_log (action, entity_type, entity_id, unit_id) values ('unit.update', 'unit', ${String(unitIds[target])}, ${unitIds[target]})`);
  }
});

type Outcome = 'allowed' | 'forbidden' | 'hidden' | 'denied';

function expected(role: Role, action: Action, target: Target): Outcome {
  const inSubtree = target === 'own' || target === 'descendant';
  const visible = role === 'system_admin' || inSubtree;
  const admin = role === 'system_admin' || (role === 'unit_admin' && inSubtree);
  if (action === 'readUnit' || action === 'listUnits') return visible ? 'allowed' : 'hidden';
  if (action === 'readAudit') {
    if (role !== 'system_admin' && role !== 'unit_admin') return 'forbidden';
    return admin ? 'allowed' : 'hidden';
  }
  if (admin) return 'allowed';
  // Granting is refused before the target is even looked at when the account is not theirs to manage.
  if (action === 'grantRole') return 'denied';
  return visible ? 'forbidden' : 'hidden';
}

const auditCount = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log`)).rows[0]?.n ?? 0;

async function perform(role: Role, action: Action, target: Target): Promise<Outcome> {
  const headers = sessions[role].headers;
  const unitId = unitIds[target];
  const tag = randomBytes(3).toString('hex');
  const outcome = (status: number, okStatus: number) => {
    if (status === okStatus) return 'allowed' as const;
    if (status === 403) return 'forbidden' as const;
    if (status === 404) return 'hidden' as const;
    throw new Error(`unexpected status ${status}`);
  };
  switch (action) {
    case 'readUnit':
      return outcome((await app.inject({ method: 'GET', url: `/api/v1/units/${unitId}`, headers })).statusCode, 200);
    case 'listUnits': {
      const res = await app.inject({ method: 'GET', url: '/api/v1/units', headers });
      expect(res.statusCode).toBe(200);
      return (res.json() as { id: number }[]).some((u) => u.id === unitId) ? 'allowed' : 'hidden';
    }
    case 'updateUnit': {
      const before = await auditCount();
      const res = await app.inject({ method: 'PATCH', url: `/api/v1/units/${unitId}`, headers, payload: { abbreviation: `AB${tag}` } });
      const result = outcome(res.statusCode, 200);
      expect(await auditCount()).toBe(result === 'allowed' ? before + 1 : before);
      return result;
    }
    case 'createChildUnit': {
      const before = await auditCount();
      const res = await app.inject({ method: 'POST', url: '/api/v1/units', headers, payload: { code: `NEW-${tag}`, name: `Chi bộ ${tag}`, kind: 'party_cell', parentId: unitId } });
      const result = outcome(res.statusCode, 201);
      expect(await auditCount()).toBe(result === 'allowed' ? before + 1 : before);
      return result;
    }
    case 'createUser': {
      const res = await app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { username: `nv.${tag}`, fullName: 'Nhân viên', homeUnitId: unitId, password: 'Mat-khau-moi-123' } });
      return outcome(res.statusCode, 201);
    }
    case 'grantRole': {
      const grantee = await buildUser(db, { homeUnitId: unitIds.own });
      const res = await app.inject({ method: 'POST', url: `/api/v1/users/${grantee.id}/grants`, headers, payload: { role: 'viewer', unitId } });
      if (res.statusCode === 201) return 'allowed';
      expect([403, 404]).toContain(res.statusCode);
      return 'denied';
    }
    case 'readAudit': {
      const res = await app.inject({ method: 'GET', url: `/api/v1/audit?unitId=${unitId}&pageSize=500`, headers });
      if (res.statusCode === 403) return 'forbidden';
      expect(res.statusCode).toBe(200);
      const items = (res.json() as { items: { unitId: number }[] }).items;
      return items.some((i) => i.unitId === unitId) ? 'allowed' : 'hidden';
    }
  }
}

describe('access table: role × action × target', () => {
  const cases = rolesUnderTest.flatMap((role) => actions.flatMap((action) => targets.map((target) => ({ role, action, target }))));
  it.each(cases)('$role may $action on $target unit: as the rule says', async ({ role, action, target }) => {
    expect(await perform(role, action, target)).toBe(expected(role, action, target));
  });

  it('an account granted Lai Châu sees nothing of Lào Cai in the unit list or search', async () => {
    const headers = sessions.unit_admin.headers;
    const all = (await app.inject({ method: 'GET', url: '/api/v1/units', headers })).json() as { name: string }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((u) => u.name.includes('Lào Cai'))).toBe(false);
    const search = (await app.inject({ method: 'GET', url: '/api/v1/units?q=lao%20cai', headers })).json() as unknown[];
    expect(search).toEqual([]);
  });
});
