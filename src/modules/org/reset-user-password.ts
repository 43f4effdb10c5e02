import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { users } from '../../platform/db/schema/index.js';
import type { Actor } from '../../platform/access/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { assertPasswordStrength } from '../../platform/auth/login.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import { fail } from '../../platform/errors.js';
import { requireManageableAccount } from './policy.js';
import { selectUser } from './repository.js';

/** An account manager sets a new password: the account is unlocked and its sessions end. */
export async function resetUserPassword(db: Db, options: { actor: Actor; userId: number; newPassword: string }) {
  const { actor, userId } = options;
  assertPasswordStrength(options.newPassword);
  const passwordHash = await hashPassword(options.newPassword);
  await db.transaction(async (tx) => {
    const user = await selectUser(tx, userId);
    if (!user) fail('ACCOUNT_NOT_FOUND');
    await requireManageableAccount(tx, actor, user);
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    await deleteUserSessions(tx, userId);
    await recordAudit(tx, actor, { action: 'user.password_reset', entityType: 'user', entityId: userId, unitId: user.homeUnitId });
  });
}
