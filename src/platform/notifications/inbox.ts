import type { Actor } from '../access/roles.js';
import type { Db } from '../db/database.js';
import { fail } from '../errors.js';
import { markAllNotificationsRead, markNotificationRead, selectNotifications } from './repository.js';

function userOf(actor: Actor): number {
  if (actor.userId === null) fail('SESSION_REQUIRED');
  return actor.userId;
}

/** The signed-in user's notifications (newest 100, or only the unread ones) with the unread count. */
export function listNotifications(db: Db, options: { actor: Actor; unreadOnly: boolean; limit?: number }) {
  return selectNotifications(db, { userId: userOf(options.actor), unreadOnly: options.unreadOnly, limit: options.limit ?? 100 });
}

/** Marks one of one's own notifications read (someone else's is NOT_FOUND). */
export async function readNotification(db: Db, options: { actor: Actor; id: number }): Promise<void> {
  if (!(await markNotificationRead(db, { userId: userOf(options.actor), id: options.id }))) fail('NOTIFICATION_NOT_FOUND');
}

export async function readAllNotifications(db: Db, options: { actor: Actor }): Promise<{ marked: number }> {
  return { marked: await markAllNotificationsRead(db, userOf(options.actor)) };
}
