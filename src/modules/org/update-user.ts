import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { deleteUserSessions } from '../../platform/auth/sessions.js';
import { fail } from '../../platform/errors.js';
import { normalizeVi } from '../../platform/vn/index.js';
import { assertNotSelfLockout, requireAccountManager, requireManageableAccount } from './policy.js';
import { selectUser, updateUserFields } from './repository-users.js';
import { getManagedUser } from './list-users.js';
import { changedFields } from './present.js';
import type { UpdateUserInput } from './schemas.js';

/** Edits an account the actor manages; disabling it ends its sessions. */
export async function updateUser(db: Db, options: { actor: Actor; userId: number; input: UpdateUserInput }) {
  const { actor, userId, input } = options;
  assertNotSelfLockout(actor, userId, input);
  await db.transaction(async (tx) => {
    const current = await selectUser(tx, userId);
    if (!current) fail('ACCOUNT_NOT_FOUND');
    await requireManageableAccount(tx, actor, current);
    if (input.homeUnitId !== undefined && input.homeUnitId !== current.homeUnitId) await requireAccountManager(tx, actor, input.homeUnitId);
    const before = { fullName: current.fullName, email: current.email, isActive: current.isActive, homeUnitId: current.homeUnitId };
    const next = { ...input, fullName: input.fullName === undefined ? undefined : normalizeVi(input.fullName) };
    const diff = changedFields(before, next);
    if (Object.keys(diff.after).length === 0) return;
    await updateUserFields(tx, userId, diff.after);
    if (diff.after.isActive === false) await deleteUserSessions(tx, userId);
    await recordAudit(tx, actor, { action: 'user.update', entityType: 'user', entityId: userId, unitId: next.homeUnitId ?? current.homeUnitId, ...diff });
  });
  return getManagedUser(db, actor, userId);
}
