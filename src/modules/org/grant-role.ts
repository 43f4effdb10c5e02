import type { Db } from '../../platform/db/database.js';
import type { Actor, Role } from '../../platform/access/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { assertNotSelfGrant, requireGrantable, requireManageableAccount } from './policy.js';
import { deleteGrant, insertGrant, selectGrantsOf, selectUser } from './repository-users.js';

/** Grants a role on a unit (valid for its whole subtree) to an account the actor manages, never to the actor. */
export async function grantRole(db: Db, options: { actor: Actor; userId: number; role: Role; unitId: number | null }) {
  const { actor, userId, role, unitId } = options;
  const id = await db.transaction(async (tx) => {
    const user = await selectUser(tx, userId);
    if (!user) fail('ACCOUNT_NOT_FOUND');
    await requireManageableAccount(tx, actor, user);
    await requireGrantable(tx, actor, role, unitId);
    assertNotSelfGrant(actor, userId);
    const existing = (await selectGrantsOf(tx, [userId])).find((g) => g.role === role && g.unitId === unitId);
    if (existing) fail('GRANT_EXISTS');
    const grantId = await insertGrant(tx, { userId, role, unitId, grantedByUserId: actor.userId });
    if (grantId === undefined) fail('UNEXPECTED');
    await recordAudit(tx, actor, { action: 'grant.add', entityType: 'role_grant', entityId: grantId, unitId, after: { userId, username: user.username, role, unitId } });
    return grantId;
  });
  const [grant] = (await selectGrantsOf(db, [userId])).filter((g) => g.id === id);
  if (!grant) fail('UNEXPECTED');
  const { userId: _userId, ...view } = grant;
  return view;
}

/** Removes a role grant from an account the actor manages, on a unit the actor administers. */
export async function revokeGrant(db: Db, options: { actor: Actor; userId: number; grantId: number }) {
  const { actor, userId, grantId } = options;
  await db.transaction(async (tx) => {
    const user = await selectUser(tx, userId);
    if (!user) fail('ACCOUNT_NOT_FOUND');
    await requireManageableAccount(tx, actor, user);
    const grant = (await selectGrantsOf(tx, [userId])).find((g) => g.id === grantId);
    if (!grant) fail('GRANT_NOT_FOUND');
    await requireGrantable(tx, actor, grant.role, grant.unitId);
    if (actor.userId === userId && grant.role === 'system_admin' && actor.grants.filter((g) => g.role === 'system_admin').length === 1) {
      fail('LAST_SYSTEM_ADMIN');
    }
    await deleteGrant(tx, userId, grantId);
    await recordAudit(tx, actor, { action: 'grant.remove', entityType: 'role_grant', entityId: grantId, unitId: grant.unitId, before: { userId, username: user.username, role: grant.role, unitId: grant.unitId } });
  });
}
