import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { prepareStatement, runPrepared } from '../db/prepared.js';
import { roleGrants, sessions } from '../db/schema/index.js';
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

/** How stale `sessions.last_seen_at` may get: a request writes it only when older than this (a write per request would make every read a commit). */
const LAST_SEEN_GRANULARITY = '1 minute';

/**
 * A session's user and grants in one statement (run on every /api request): the live session, its
 * active user, the user's grants as JSON, and `last_seen_at` moved to now when it is a minute old.
 */
const resolveSessionStatement = prepareStatement(
  'auth.resolve-session',
  sql`with s as (
      select user_id, csrf_token from sessions where token_hash = ${sql.placeholder('tokenHash')} and expires_at > now()
    ), touched as (
      update sessions set last_seen_at = now()
      where token_hash = ${sql.placeholder('tokenHash')} and expires_at > now() and last_seen_at < now() - ${LAST_SEEN_GRANULARITY}::interval
    )
    select s.csrf_token, u.id, u.username,
      coalesce((select json_agg(json_build_object('id', g.id, 'role', g.role, 'unitId', g.unit_id, 'grantedByUserId', g.granted_by_user_id) order by g.id)
                from role_grants g where g.user_id = u.id), '[]'::json) as grants
    from s join users u on u.id = s.user_id and u.is_active`,
);

/** The signed-in actor behind a session token, or null if the session is unknown, expired or the account disabled. */
export async function resolveSession(db: Queryable, token: string, ip: string | null): Promise<SessionContext | null> {
  const [row] = await runPrepared<{ csrf_token: string; id: number; username: string; grants: Grant[] }>(db, resolveSessionStatement, { tokenHash: sha256(token) });
  if (!row) return null;
  return { actor: { userId: row.id, username: row.username, grants: row.grants, ip }, csrfToken: row.csrf_token };
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
