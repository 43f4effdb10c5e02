import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { users } from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.js';
import type { Actor } from '../access/roles.js';
import { decoyPasswordHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { createSession, deleteUserSessions, type NewSession } from './sessions.js';

/** After this many failed logins in a row the account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export async function logIn(
  db: Db,
  input: { username: string; password: string; ip: string | null; userAgent: string | null; sessionHours: number },
): Promise<NewSession & { userId: number }> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username.trim()})`);
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new AppError('ACCOUNT_LOCKED', undefined, { lockedUntil: user.lockedUntil.toISOString() });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok || !user.isActive) {
    if (!ok) {
      // Count the failure atomically; lock the account once the limit is reached.
      await db
        .update(users)
        .set({
          failedLogins: sql`${users.failedLogins} + 1`,
          lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS}
            then now() + make_interval(mins => ${LOCK_MINUTES}) else ${users.lockedUntil} end`,
        })
        .where(eq(users.id, user.id));
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    const session = await createSession(tx, {
      userId: user.id,
      hours: input.sessionHours,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return { ...session, userId: user.id };
  });
}

export function assertPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('VALIDATION_FAILED', `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`, [
      { path: ['newPassword'], message: `Ít nhất ${MIN_PASSWORD_LENGTH} ký tự` },
    ]);
  }
}

/** The signed-in user changes their own password; other sessions of the account end. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; sessionToken: string },
): Promise<void> {
  if (actor.userId === null) throw new AppError('UNAUTHENTICATED');
  const userId = actor.userId;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', [
      { path: ['currentPassword'], message: 'Mật khẩu hiện tại không đúng' },
    ]);
  }
  assertPasswordStrength(input.newPassword);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(users.id, userId));
    await deleteUserSessions(tx, userId, input.sessionToken);
    await recordAudit(tx, actor, {
      action: 'auth.password_change',
      entityType: 'user',
      entityId: userId,
      unitId: user.homeUnitId,
    });
  });
}
