import type { Queryable } from '../../platform/db/database.js';
import type { Actor, Role } from '../../platform/access/roles.js';
import { isSystemAdmin } from '../../platform/access/roles.js';
import { requireSystemAdmin, requireUnitRole } from '../../platform/access/scope.js';
import { fail } from '../../platform/errors.js';
import { hasGrantsBeyond } from './repository-users.js';

/**
 * Who may manage accounts. A unit admin manages an account when its home unit lies in the admin's
 * subtree AND every grant the account holds lies there too and is not above unit admin: an account
 * holding a system-admin grant, or any grant outside the manager's scope (another province, an
 * ancestor), is answered exactly as an account the manager cannot see (NOT_FOUND). Otherwise a
 * manager could reset its password and log in as it. Only a system admin manages accounts without
 * a home unit and grants the system admin role.
 */
export async function requireAccountManager(db: Queryable, actor: Actor, homeUnitId: number | null): Promise<void> {
  if (homeUnitId === null) requireSystemAdmin(actor);
  else await requireUnitRole(db, actor, [homeUnitId], 'unit_admin');
}

/** requireAccountManager for an existing account, including the check of every grant it holds. */
export async function requireManageableAccount(db: Queryable, actor: Actor, account: { id: number; homeUnitId: number | null }): Promise<void> {
  if (account.homeUnitId === null && !isSystemAdmin(actor)) fail('ACCOUNT_NOT_FOUND');
  await requireAccountManager(db, actor, account.homeUnitId);
  if (await hasGrantsBeyond(db, actor, account.id)) fail('ACCOUNT_NOT_FOUND');
}

/** A role may be granted (or revoked) by someone who administers the unit (system admin for the system-wide role). */
export async function requireGrantable(db: Queryable, actor: Actor, role: Role, unitId: number | null): Promise<void> {
  if (role === 'system_admin' || unitId === null) {
    if (role !== 'system_admin' || unitId !== null) {
      fail('ROLE_UNIT_MISMATCH', [
        { path: ['unitId'], message: 'Chọn đơn vị phù hợp với vai trò' },
      ]);
    }
    requireSystemAdmin(actor);
  } else {
    await requireUnitRole(db, actor, [unitId], 'unit_admin');
  }
}

/** Nobody grants a role to themselves: rights are raised or widened only by someone else. */
export function assertNotSelfGrant(actor: Actor, userId: number): void {
  if (actor.userId !== null && actor.userId === userId) {
    fail('SELF_GRANT', { reason: 'SELF_GRANT' });
  }
}

export function assertNotSelfLockout(actor: Actor, userId: number, change: { isActive?: boolean | undefined }): void {
  if (actor.userId === userId && change.isActive === false) {
    fail('SELF_DEACTIVATE', [{ path: ['isActive'], message: 'Không thể tự khóa' }]);
  }
}

export { isSystemAdmin };
