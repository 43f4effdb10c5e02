import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { users } from '../db/schema/index.js';
import { fail } from '../errors.js';
import { recordAudit } from '../audit/audit.js';
import type { Actor } from '../access/roles.js';
import { decoyPasswordHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { createSession, deleteUserSessions, type NewSession } from './sessions.js';
import { releaseLoginSlots, takeLoginSlots, throttleKey } from './login-throttle.js';

/**
 * Checks a username and password and opens a session. Attempts are throttled per (name, client) and
 * per client before the password is checked (see login-throttle.ts); an unknown name, a wrong
 * password and a disabled account all get the same INVALID_CREDENTIALS after the same work.
 */
export async function logIn(
  db: Db,
  input: { username: string; password: string; ip: string | null; userAgent: string | null; sessionHours: number },
): Promise<NewSession & { userId: number }> {
  const key = throttleKey(input.username, input.ip);
  await takeLoginSlots(db, key);
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username.trim()})`);
  const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !ok || !user.isActive) fail('CREDENTIALS_INVALID');
  // Failures are counted in login_throttle only; the account's own lock columns are no longer written.
  const session = await createSession(db, { userId: user.id, hours: input.sessionHours, ip: input.ip, userAgent: input.userAgent });
  await releaseLoginSlots(db, key);
  return { ...session, userId: user.id };
}

export function assertPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    fail('PASSWORD_TOO_SHORT', [
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
  if (actor.userId === null) fail('SESSION_REQUIRED');
  const userId = actor.userId;
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) fail('SESSION_REQUIRED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    fail('PASSWORD_CURRENT_WRONG', [
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
