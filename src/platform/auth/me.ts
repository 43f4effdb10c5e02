import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { roleGrants, units, users } from '../db/schema/index.js';
import { fail } from '../errors.js';
import { roleRank } from '../access/roles.js';

/** The signed-in user's own profile, grants (with unit names) and what the UI may offer them. */
export async function loadMe(db: Queryable, userId: number) {
  const [user] = await db
    .select({ id: users.id, username: users.username, fullName: users.fullName, email: users.email, homeUnitId: users.homeUnitId })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) fail('SESSION_REQUIRED');
  const grants = await db
    .select({ id: roleGrants.id, role: roleGrants.role, unitId: roleGrants.unitId, unitCode: units.code, unitName: units.name })
    .from(roleGrants)
    .leftJoin(units, eq(units.id, roleGrants.unitId))
    .where(eq(roleGrants.userId, userId))
    .orderBy(roleGrants.id);
  const admin = grants.some((g) => roleRank[g.role] <= roleRank.unit_admin);
  return {
    ...user,
    grants,
    permissions: {
      manageUnits: admin,
      manageUsers: admin,
      viewAudit: admin,
      isSystemAdmin: grants.some((g) => g.role === 'system_admin'),
    },
  };
}
