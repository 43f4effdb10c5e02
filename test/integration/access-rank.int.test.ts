import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleRank, type Actor, type Role } from '../../src/platform/access/roles.js';
import { actorRankValues, effectiveRoles, unitRankSql } from '../../src/platform/access/scope.js';
import { prepareStatement, runPrepared } from '../../src/platform/db/prepared.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';

/**
 * The access check a submit makes inside its first statement (`unitRankSql`, a prepared statement)
 * gives, for every unit, the rank `effectiveRoles` (requireUnitRole) gives — for random trees and grants.
 */
const { db } = await createTestDatabase();

const rankOf = prepareStatement('test.unit-rank', sql`select ${unitRankSql(sql`${sql.placeholder('unitId')}::int`)} as rank`);
const roles: Role[] = ['unit_admin', 'editor', 'viewer'];

const treeArb = fc.array(fc.nat(), { minLength: 1, maxLength: 12 });
const grantArb = fc.record({ unit: fc.nat(), role: fc.constantFrom(...roles) });
const actorArb = fc.record({ admin: fc.boolean(), grants: fc.array(grantArb, { maxLength: 4 }) });

let run = 0;

describe('unitRankSql', () => {
  it('equals effectiveRoles on every unit (and a missing one) for random trees and grants, system admins included', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, actorArb, async (parents, plan) => {
        run++;
        const ids: number[] = [];
        for (const [i, p] of parents.entries()) {
          const parentId = i === 0 || p % (i + 1) === i ? null : (ids[p % i] as number);
          ids.push((await buildUnit(db, { code: `AR${run}-${i}`, parentId })).id);
        }
        const grants = plan.grants.map((g, k) => ({ id: k + 1, role: g.role, unitId: ids[g.unit % ids.length] as number }));
        const actor: Actor = { userId: 1, username: 'thu', ip: null, grants: plan.admin ? [...grants, { id: 99, role: 'system_admin', unitId: null }] : grants };
        const expected = await effectiveRoles(db, actor, ids);
        for (const unitId of [...ids, 2_000_000_000]) {
          const [row] = await runPrepared<{ rank: number | null }>(db, rankOf, { ...actorRankValues(actor), unitId });
          const role = expected.get(unitId);
          expect({ unitId, rank: row?.rank ?? null }).toEqual({ unitId, rank: role === undefined ? null : roleRank[role] });
        }
      }),
      { numRuns: 40 },
    );
  });
});
