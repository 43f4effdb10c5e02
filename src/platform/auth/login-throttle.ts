import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { appError, type AppError } from '../errors.js';

/**
 * Login throttling (table `login_throttle`). Two kinds of slot, each taken atomically BEFORE the
 * password is checked, so parallel guesses cannot all slip past the limit:
 *  - per (account name as typed, client address): at most ACCOUNT_CLIENT_LIMIT attempts a window;
 *  - per client address over every name ('*'): at most CLIENT_LIMIT attempts a window (name spraying).
 * A successful login gives both slots back. Keyed by the name as typed, never by whether an account
 * exists, so unknown and known names are answered alike; keyed by client, so nobody elsewhere can
 * lock an account out for its owner. Windows are fixed: they start at the first attempt and last
 * WINDOW_MINUTES.
 */
export const ACCOUNT_CLIENT_LIMIT = 5;
export const CLIENT_LIMIT = 50;
export const WINDOW_MINUTES = 15;
const ANY_ACCOUNT = '*';

export interface ThrottleKey {
  accountKey: string;
  client: string;
}

export function throttleKey(username: string, ip: string | null): ThrottleKey {
  // '*' is not a valid username character, so no typed name can collide with the client-wide slot.
  return { accountKey: username.trim().toLowerCase().slice(0, 100), client: ip ?? 'unknown' };
}

async function takeSlot(db: Queryable, accountKey: string, client: string): Promise<{ attempts: number; retryAfter: number }> {
  const result = await db.execute<{ attempts: number; retry_after: number }>(sql`
    insert into login_throttle as t (account_key, client, attempts, window_start)
    values (${accountKey}, ${client}, 1, now())
    on conflict (account_key, client) do update set
      attempts = case when t.window_start <= now() - make_interval(mins => ${WINDOW_MINUTES}) then 1 else t.attempts + 1 end,
      window_start = case when t.window_start <= now() - make_interval(mins => ${WINDOW_MINUTES}) then now() else t.window_start end
    returning attempts, ceil(extract(epoch from (window_start + make_interval(mins => ${WINDOW_MINUTES}) - now())))::int as retry_after`);
  const row = result.rows[0];
  return { attempts: row?.attempts ?? Number.MAX_SAFE_INTEGER, retryAfter: Math.max(1, row?.retry_after ?? WINDOW_MINUTES * 60) };
}

function throttled(retryAfterSeconds: number): AppError {
  return appError('LOGIN_THROTTLED', { retryAfterSeconds, retryAt: new Date(Date.now() + retryAfterSeconds * 1000).toISOString() });
}

/** Takes this attempt's slots or throws LOGIN_THROTTLED (429) without the password being looked at. */
export async function takeLoginSlots(db: Queryable, key: ThrottleKey): Promise<void> {
  const client = await takeSlot(db, ANY_ACCOUNT, key.client);
  if (client.attempts > CLIENT_LIMIT) throw throttled(client.retryAfter);
  const account = await takeSlot(db, key.accountKey, key.client);
  if (account.attempts > ACCOUNT_CLIENT_LIMIT) throw throttled(account.retryAfter);
}

/** After a successful login: the account's slot is cleared and the client's slot given back. */
export async function releaseLoginSlots(db: Queryable, key: ThrottleKey): Promise<void> {
  await db.execute(sql`delete from login_throttle where account_key = ${key.accountKey} and client = ${key.client}`);
  await db.execute(sql`update login_throttle set attempts = greatest(attempts - 1, 0) where account_key = ${ANY_ACCOUNT} and client = ${key.client}`);
  // Old windows are of no use to anyone; clear them now and then (cheap: indexed by window_start).
  await db.execute(sql`delete from login_throttle where window_start < now() - interval '1 day'`);
}
