import type { Queryable } from '../../platform/db/database.js';
import type { Actor, Role } from '../../platform/access/roles.js';
import { isSystemAdmin } from '../../platform/access/roles.js';
import { requireSystemAdmin, requireUnitRole } from '../../platform/access/scope.js';
import { AppError } from '../../platform/errors.js';

/**
 * Who may manage accounts: a unit admin manages the accounts whose home unit lies in their subtree
 * and grants roles (up to unit admin) on units of that subtree; only a system admin manages accounts
 * without a home unit and grants the system admin role.
 */
export async function requireAccountManager(db: Queryable, actor: Actor, homeUnitId: number | null): Promise<void> {
  if (homeUnitId === null) requireSystemAdmin(actor);
  else await requireUnitRole(db, actor, [homeUnitId], 'unit_admin');
}

export async function requireGrantable(db: Queryable, actor: Actor, role: Role, unitId: number | null): Promise<void> {
  if (role === 'system_admin' || unitId === null) {
    if (role !== 'system_admin' || unitId !== null) {
      throw new AppError('VALIDATION_FAILED', 'Vai trò quản trị hệ thống áp dụng cho toàn hệ thống; các vai trò khác phải gắn với một đơn vị.', [
        { path: ['unitId'], message: 'Chọn đơn vị phù hợp với vai trò' },
      ]);
    }
    requireSystemAdmin(actor);
    return;
  }
  await requireUnitRole(db, actor, [unitId], 'unit_admin');
}

export function assertNotSelfLockout(actor: Actor, userId: number, change: { isActive?: boolean | undefined }): void {
  if (actor.userId === userId && change.isActive === false) {
    throw new AppError('VALIDATION_FAILED', 'Bạn không thể tự khóa tài khoản của chính mình.', [{ path: ['isActive'], message: 'Không thể tự khóa' }]);
  }
}

export { isSystemAdmin };
