/**
 * SQL of in-app notifications and the user's e-mail preference (tables in
 * schema/notifications.ts and users.email_notifications).
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';

/** One message, to listed users and/or the editors (editor or unit admin grants ON the unit) of listed units. */
export interface NotificationMessage {
  userIds?: readonly number[];
  unitEditorsOf?: readonly number[];
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Also by e-mail, to recipients who have an address and did not turn e-mail off. */
  email: boolean;
}

/**
 * Writes every message's notifications and queued e-mail in one statement: recipients are the
 * active users listed or holding an editor/unit-admin grant on a listed unit, each once per message.
 * `mailEnabled` false (no SMTP configured) queues no e-mail at all.
 */
export async function insertNotifications(
  db: Queryable,
  messages: readonly NotificationMessage[],
  options: { mailEnabled: boolean },
): Promise<{ notified: number; mailed: number }> {
  if (messages.length === 0) return { notified: 0, mailed: 0 };
  const payload = messages.map((m, i) => ({
    i,
    users: m.userIds ?? [],
    units: m.unitEditorsOf ?? [],
    kind: m.kind,
    title: m.title,
    body: m.body,
    link: m.link ?? null,
    email: m.email && options.mailEnabled,
  }));
  const result = await db.execute<{ notified: number; mailed: number }>(sql`
    with msg as (
      select * from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb)
        as m(i int, users int[], units int[], kind text, title text, body text, link text, email boolean)
    ),
    targets as (
      select r.*, nextval(pg_get_serial_sequence('notifications', 'id')) as id
      from (
        select distinct m.i, u.id as user_id, u.email as address, u.email_notifications
        from msg m join users u on u.is_active and (
          u.id = any(m.users)
          or exists (select 1 from role_grants g where g.user_id = u.id and g.unit_id = any(m.units) and g.role in ('editor', 'unit_admin')))
        order by m.i, u.id
      ) r
    ),
    inserted as (
      insert into notifications (id, user_id, kind, title, body, link) overriding system value
      select t.id, t.user_id, m.kind, m.title, m.body, m.link from targets t join msg m on m.i = t.i
      returning 1
    ),
    mailed as (
      insert into mail_outbox (notification_id, to_address, subject, body)
      select t.id, trim(t.address), m.title,
             m.body || case when m.link is null then '' else E'\n\nXem trong Lan Tỏa: ' || m.link end
                    || E'\n\n— Lan Tỏa (thư tự động; có thể tắt nhận thư ở trang Thông tin cá nhân)'
      from targets t join msg m on m.i = t.i
      where m.email and t.email_notifications and coalesce(trim(t.address), '') <> ''
      returning 1
    )
    select (select count(*) from inserted)::int as notified, (select count(*) from mailed)::int as mailed`);
  return result.rows[0] ?? { notified: 0, mailed: 0 };
}

export interface NotificationRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** A user's notifications, newest first (only unread ones when asked), and the unread count. */
export async function selectNotifications(db: Queryable, options: { userId: number; unreadOnly: boolean; limit: number }): Promise<{ items: NotificationRow[]; unread: number }> {
  const unreadFilter = options.unreadOnly ? sql`and read_at is null` : sql``;
  const rows = await db.execute<{ id: number; kind: string; title: string; body: string; link: string | null; created_at: string; read_at: string | null }>(sql`
    select id, kind, title, body, link, created_at, read_at from notifications
    where user_id = ${options.userId} ${unreadFilter} order by id desc limit ${options.limit}`);
  const count = await db.execute<{ unread: number }>(sql`select count(*)::int as unread from notifications where user_id = ${options.userId} and read_at is null`);
  return {
    items: rows.rows.map((r) => ({
      ...{ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link },
      createdAt: new Date(r.created_at),
      readAt: r.read_at === null ? null : new Date(r.read_at),
    })),
    unread: count.rows[0]?.unread ?? 0,
  };
}

/** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
export async function markNotificationRead(db: Queryable, options: { userId: number; id: number }): Promise<boolean> {
  const result = await db.execute(sql`
    update notifications set read_at = coalesce(read_at, now()) where id = ${options.id} and user_id = ${options.userId}`);
  return (result.rowCount ?? 0) > 0;
}

export async function markAllNotificationsRead(db: Queryable, userId: number): Promise<number> {
  const result = await db.execute(sql`update notifications set read_at = now() where user_id = ${userId} and read_at is null`);
  return result.rowCount ?? 0;
}

export async function selectPreferences(db: Queryable, userId: number): Promise<{ emailNotifications: boolean; email: string | null; homeUnitId: number | null } | undefined> {
  const result = await db.execute<{ email_notifications: boolean; email: string | null; home_unit_id: number | null }>(
    sql`select email_notifications, email, home_unit_id from users where id = ${userId}`,
  );
  const row = result.rows[0];
  return row && { emailNotifications: row.email_notifications, email: row.email, homeUnitId: row.home_unit_id };
}

export async function updatePreferences(db: Queryable, userId: number, changes: { emailNotifications?: boolean | undefined; email?: string | null | undefined }): Promise<void> {
  const sets = [];
  if (changes.emailNotifications !== undefined) sets.push(sql`email_notifications = ${changes.emailNotifications}`);
  if (changes.email !== undefined) sets.push(sql`email = ${changes.email}`);
  if (sets.length === 0) return;
  await db.execute(sql`update users set ${sql.join(sets, sql`, `)}, updated_at = now() where id = ${userId}`);
}
