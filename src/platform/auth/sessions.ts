import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { roleGrants, sessions, users } from '../db/schema/index.js';
import type { Actor, Grant } from '../access/roles.js';

export const SESSION_COOKIE = 'lantoa_session';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Queryable,
  input: { userId: number; hours: number; ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + input.hours * 3_600_000);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId: input.userId,
    csrfToken,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

export interface SessionContext {
  actor: Actor;
  csrfToken: string;
}

export async function loadGrants(db: Queryable, userId: number): Promise<Grant[]> {
  return db
    .select({ id: roleGrants.id, role: roleGrants.role, unitId: roleGrants.unitId, grantedByUserId: roleGrants.grantedByUserId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId))
    .orderBy(roleGrants.id);
}

/** The signed-in actor behind a session token, or null if the session is unknown, expired or the account disabled. */
export async function resolveSession(db: Queryable, token: string, ip: string | null): Promise<SessionContext | null> {
  const rows = await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(sessions.tokenHash, sha256(token)), gt(sessions.expiresAt, sql`now()`)))
    .returning({ userId: sessions.userId, csrfToken: sessions.csrfToken });
  const session = rows[0];
  if (!session) return null;
  const [user] = await db
    .select({ id: users.id, username: users.username, isActive: users.isActive })
    .from(users)
    .where(eq(users.id, session.userId));
  if (!user || !user.isActive) return null;
  const grants = await loadGrants(db, user.id);
  return { actor: { userId: user.id, username: user.username, grants, ip }, csrfToken: session.csrfToken };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

/** Ends every session of a user except, optionally, the one given (after a password change). */
export async function deleteUserSessions(db: Queryable, userId: number, keepToken?: string): Promise<void> {
  const keep = keepToken ? sha256(keepToken) : '';
  await db.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${keep}`));
}

export async function purgeExpiredSessions(db: Queryable): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
