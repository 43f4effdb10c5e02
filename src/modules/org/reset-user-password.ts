import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { assertPasswordStrength } from '../../platform/auth/login.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import { fail } from '../../platform/errors.js';
import { requireManageableAccount } from './policy.js';
import { selectUser, updateUserPassword } from './repository-users.js';

/** An account manager sets a new password: the account is unlocked and its sessions end. */
export async function resetUserPassword(db: Db, options: { actor: Actor; userId: number; newPassword: string }) {
  const { actor, userId } = options;
  assertPasswordStrength(options.newPassword);
  const passwordHash = await hashPassword(options.newPassword);
  await db.transaction(async (tx) => {
    const user = await selectUser(tx, userId);
    if (!user) fail('ACCOUNT_NOT_FOUND');
    await requireManageableAccount(tx, actor, user);
    await updateUserPassword(tx, userId, passwordHash);
    await deleteUserSessions(tx, userId);
    await recordAudit(tx, actor, { action: 'user.password_reset', entityType: 'user', entityId: userId, unitId: user.homeUnitId });
  });
}
