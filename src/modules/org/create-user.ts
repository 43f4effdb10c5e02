import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { assertPasswordStrength } from '../../platform/auth/login.js';
import { fail } from '../../platform/errors.js';
import { normalizeVi } from '../../platform/vn/index.js';
import { requireAccountManager } from './policy.js';
import { insertUser, selectUserByUsername } from './repository-users.js';
import { getManagedUser } from './list-users.js';
import type { CreateUserInput } from './schemas.js';

/** Creates an account whose home unit the actor administers. Roles are granted separately. */
export async function createUser(db: Db, options: { actor: Actor; input: CreateUserInput }) {
  const { actor, input } = options;
  await requireAccountManager(db, actor, input.homeUnitId);
  assertPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction(async (tx) => {
    if (await selectUserByUsername(tx, input.username)) {
      fail('USERNAME_TAKEN', { field: 'username', username: input.username });
    }
    const userId = await insertUser(tx, { username: input.username, fullName: normalizeVi(input.fullName), email: input.email ?? null, homeUnitId: input.homeUnitId, passwordHash });
    if (userId === undefined) fail('UNEXPECTED');
    await recordAudit(tx, actor, {
      action: 'user.create',
      entityType: 'user',
      entityId: userId,
      unitId: input.homeUnitId,
      after: { username: input.username, fullName: input.fullName, email: input.email ?? null, homeUnitId: input.homeUnitId },
    });
    return userId;
  });
  return getManagedUser(db, actor, id);
}
