import type { Tx } from '../db/database.js';
import { mailSettings } from '../mail/settings.js';
import { insertNotifications, type NotificationMessage } from './repository.js';

export type { NotificationMessage } from './repository.js';

/**
 * Notifies users, inside the caller's transaction (nothing is sent for work that rolled back):
 * one in-app notification per recipient and message — the listed users and the editors and unit
 * admins holding a grant ON the listed units (`unitEditorsOf`) — and, for messages marked `email`,
 * one queued e-mail per recipient who has an address and has not turned e-mail off, when e-mail is
 * configured (LANTOA_SMTP_URL). The `mail.deliver` job sends the queue. Set-based: one statement
 * for any number of messages.
 */
export async function notify(tx: Tx, messages: NotificationMessage | readonly NotificationMessage[]): Promise<{ notified: number; mailed: number }> {
  const list = Array.isArray(messages) ? (messages as readonly NotificationMessage[]) : [messages as NotificationMessage];
  return insertNotifications(tx, list, { mailEnabled: mailSettings() !== null });
}
