import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { createUser } from './create-user.js';
import { grantRole } from './grant-role.js';
import { resetUserPassword } from './reset-user-password.js';
import { selectGrantsOf, selectUserByUsername } from './repository-users.js';

/**
 * `lantoa users create-admin`: creates a system administrator, or — if the username exists —
 * resets its password and makes sure it holds the system admin role (a recovery path for operators).
 */
export async function createAdmin(db: Db, options: { actor: Actor; username: string; password: string; fullName?: string | undefined }) {
  const { actor } = options;
  const existing = await selectUserByUsername(db, options.username);
  if (existing) {
    await resetUserPassword(db, { actor, userId: existing.id, newPassword: options.password });
    const grants = await selectGrantsOf(db, [existing.id]);
    if (!grants.some((g) => g.role === 'system_admin')) await grantRole(db, { actor, userId: existing.id, role: 'system_admin', unitId: null });
    return { userId: existing.id, created: false };
  }
  const user = await createUser(db, {
    actor,
    input: { username: options.username, fullName: options.fullName ?? 'Quản trị hệ thống', email: null, homeUnitId: null, password: options.password },
  });
  await grantRole(db, { actor, userId: user.id, role: 'system_admin', unitId: null });
  return { userId: user.id, created: true };
}
