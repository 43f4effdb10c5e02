import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { units, users } from './org.js';

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token; the token itself only lives in the cookie. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** One row per mutation, written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** The unit the change belongs to; audit browsing is scoped by its subtree. */
    unitId: integer('unit_id').references(() => units.id, { onDelete: 'set null' }),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [index('audit_log_unit_at_idx').on(t.unitId, t.at), index('audit_log_at_idx').on(t.at)],
);

/**
 * Login throttling per (account name, client address), and per client address alone (account
 * name '*'). A slot is taken atomically before a password is checked, so parallel guesses cannot
 * all pass the check; a successful login gives its slot back. Keyed by the name as typed (folded to
 * lower case), so unknown and known usernames are throttled alike, and a stranger at another
 * address cannot lock anyone out.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    accountKey: text('account_key').notNull(),
    client: text('client').notNull(),
    attempts: integer('attempts').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountKey, t.client] }), index('login_throttle_window_idx').on(t.windowStart)],
);
