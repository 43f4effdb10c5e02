import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { KEY_BYTES } from './seal.js';

export const CONTACT_KEY_FILE = 'contact.key';

export class ContactKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContactKeyError';
  }
}

function decode(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new ContactKeyError(`${source}: khóa phải là ${KEY_BYTES} byte mã hóa base64 / the key must be ${KEY_BYTES} bytes in base64 (got ${key.length})`);
  }
  return key;
}

/**
 * The key that seals contributors' contact details: `LANTOA_CONTACT_KEY` (base64 of 32 bytes) when
 * set; otherwise `<LANTOA_DATA_DIR>/contact.key`, generated at first use with mode 600 and kept
 * (also with DATABASE_URL: the key never goes into the database it protects). Losing the key makes
 * the stored contact details unreadable; nothing else depends on it.
 */
export function loadContactKey(config: Pick<Config, 'dataDir' | 'contactKey'>): Buffer {
  if (config.contactKey) return decode(config.contactKey, 'LANTOA_CONTACT_KEY');
  const file = path.join(config.dataDir, CONTACT_KEY_FILE);
  try {
    return readKeyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(KEY_BYTES).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeyFile(file);
}

function readKeyFile(file: string): Buffer {
  const key = decode(readFileSync(file, 'utf8'), file);
  // Keep the file private even if it was copied in with looser permissions.
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return key;
}

const cache = new Map<string, Buffer>();

/**
 * A memoised `loadContactKey` for a server: nothing is read or generated until the first contact
 * detail is sealed or shown, so processes that never touch contacts never create the key file.
 */
export function contactKeyProvider(config: Pick<Config, 'dataDir' | 'contactKey'>): () => Buffer {
  const id = config.contactKey ? `env:${config.contactKey}` : `file:${config.dataDir}`;
  return () => {
    let key = cache.get(id);
    if (!key) {
      key = loadContactKey(config);
      cache.set(id, key);
    }
    return key;
  };
}
