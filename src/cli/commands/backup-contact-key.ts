import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../platform/config/config.js';
import { CONTACT_KEY_FILE } from '../../platform/crypto/index.js';
import type { BackupHeader } from '../../platform/db/backup/format.js';

/**
 * The contact key and backups. The key that seals contributors' contact details is not in the
 * database; a backup records its fingerprint, and holds the key itself only when asked
 * (--include-contact-key), because whoever holds both can read every contact detail.
 */
export interface ContactKeyInUse {
  /** Base64 text of the key. */
  key: string;
  fingerprint: string;
  /** Where it comes from, for messages. */
  source: string;
}

export const fingerprintOf = (base64: string) => createHash('sha256').update(Buffer.from(base64.trim(), 'base64')).digest('hex').slice(0, 16);

/** The key in use, without generating one (unlike the server, which makes it on first use). */
export function readContactKey(config: Pick<Config, 'dataDir' | 'contactKey'>): ContactKeyInUse | null {
  if (config.contactKey) return { key: config.contactKey, fingerprint: fingerprintOf(config.contactKey), source: 'LANTOA_CONTACT_KEY' };
  const file = path.join(config.dataDir, CONTACT_KEY_FILE);
  try {
    const key = readFileSync(file, 'utf8').trim();
    return { key, fingerprint: fingerprintOf(key), source: file };
  } catch {
    return null;
  }
}

/** What to say after a backup about the contact key. */
export function afterBackup(key: ContactKeyInUse | null, included: boolean): string[] {
  if (!key) return [];
  if (included) {
    return [
      `Bản sao lưu có chứa khóa liên hệ (${key.source}): ai có tệp này đọc được thông tin liên hệ của người góp ý — hãy giữ nó bí mật như chính khóa.`,
      `The backup contains the contact key: whoever holds the file can read contributors' contact details; keep it as secret as the key.`,
    ];
  }
  return [
    `Chú ý: khóa liên hệ (${key.source}, dấu ${key.fingerprint}) KHÔNG nằm trong bản sao lưu. Hãy sao lưu riêng khóa này (cất ở nơi khác); ` +
      `thiếu nó thì không đọc được thông tin liên hệ đã lưu. Dùng --include-contact-key để đưa khóa vào tệp.`,
    `Note: the contact key (${key.source}, fingerprint ${key.fingerprint}) is NOT in the backup; back it up separately (kept apart), ` +
      `or use --include-contact-key.`,
  ];
}

/** After a restore: puts the backup's key in place when none is configured, and checks the key in use. */
export function afterRestore(config: Pick<Config, 'dataDir' | 'contactKey'>, header: BackupHeader): string[] {
  const wanted = header.contactKeyFingerprint;
  if (!wanted) return [];
  const current = readContactKey(config);
  if (!current && header.contactKey) {
    const file = path.join(config.dataDir, CONTACT_KEY_FILE);
    writeFileSync(file, header.contactKey.trim() + '\n', { mode: 0o600, flag: 'wx' });
    return [`Đã đặt khóa liên hệ từ bản sao lưu vào ${file}. / the contact key from the backup was written to ${file}.`];
  }
  if (!current) {
    return [
      `Chú ý: chưa có khóa liên hệ (dấu ${wanted}). Hãy chép tệp contact.key đã sao lưu riêng vào ${path.join(config.dataDir, CONTACT_KEY_FILE)} ` +
        `(hoặc đặt LANTOA_CONTACT_KEY) trước khi chạy lantoa start; nếu không, thông tin liên hệ đã khôi phục không đọc được.`,
      `Note: no contact key yet (fingerprint ${wanted}): put the separately kept contact.key in place (or set LANTOA_CONTACT_KEY) before lantoa start.`,
    ];
  }
  if (current.fingerprint !== wanted) {
    return [
      `Cảnh báo: khóa liên hệ đang dùng (${current.source}, dấu ${current.fingerprint}) khác khóa của bản sao lưu (dấu ${wanted}); ` +
        `thông tin liên hệ đã khôi phục sẽ không đọc được cho tới khi đặt đúng khóa.`,
      `Warning: the contact key in use (fingerprint ${current.fingerprint}) is not the backup's (${wanted}); restored contact details stay unreadable until the right key is in place.`,
    ];
  }
  return [];
}
