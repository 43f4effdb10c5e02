import type { Actor } from '../access/roles.js';
import { recordAudit } from '../audit/audit.js';
import type { Db, Tx } from '../db/database.js';
import { fail } from '../errors.js';
import { mailSettings } from '../mail/settings.js';
import { selectPreferences, updatePreferences } from './repository.js';

export interface Preferences {
  emailNotifications: boolean;
  email: string | null;
  /** Whether the server sends e-mail at all (LANTOA_SMTP_URL set). */
  emailAvailable: boolean;
}

function userOf(actor: Actor): number {
  if (actor.userId === null) fail('SESSION_REQUIRED');
  return actor.userId;
}

export async function loadPreferences(db: Db | Tx, options: { actor: Actor }): Promise<Preferences> {
  const row = await selectPreferences(db, userOf(options.actor));
  if (!row) fail('SESSION_REQUIRED');
  return { emailNotifications: row.emailNotifications, email: row.email, emailAvailable: mailSettings() !== null };
}

/** One's own e-mail choice (and address); in-app notifications are always on. Audited. */
export async function savePreferences(db: Db, options: { actor: Actor; emailNotifications?: boolean | undefined; email?: string | null | undefined }): Promise<Preferences> {
  const { actor } = options;
  const userId = userOf(actor);
  const email = options.email === undefined ? undefined : options.email === null || options.email.trim() === '' ? null : options.email.trim();
  return db.transaction(async (tx) => {
    const before = await selectPreferences(tx, userId);
    if (!before) fail('SESSION_REQUIRED');
    await updatePreferences(tx, userId, { emailNotifications: options.emailNotifications, email });
    const after = await loadPreferences(tx, { actor });
    await recordAudit(tx, actor, {
      action: 'auth.preferences',
      entityType: 'user',
      entityId: userId,
      unitId: before.homeUnitId,
      before: { emailNotifications: before.emailNotifications, email: before.email },
      after: { emailNotifications: after.emailNotifications, email: after.email },
    });
    return after;
  });
}
