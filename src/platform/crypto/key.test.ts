import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.js';
import { contactKeyProvider, ContactKeyError, loadContactKey } from './key.js';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'lantoa-key-'));

describe('loadContactKey', () => {
  it('uses LANTOA_CONTACT_KEY when set, writing nothing', () => {
    const dir = tempDir();
    const raw = randomBytes(32);
    const key = loadContactKey(parseConfig({ LANTOA_CONTACT_KEY: raw.toString('base64'), LANTOA_DATA_DIR: dir }));
    expect(key.equals(raw)).toBe(true);
    expect(() => statSync(path.join(dir, 'contact.key'))).toThrow();
  });

  it('rejects a key of the wrong length at configuration time', () => {
    expect(() => parseConfig({ LANTOA_CONTACT_KEY: randomBytes(16).toString('base64') })).toThrow(/LANTOA_CONTACT_KEY/);
  });

  it('generates the key once in the data directory with mode 600, also with DATABASE_URL', () => {
    const dir = path.join(tempDir(), 'nested');
    const config = parseConfig({ LANTOA_DATA_DIR: dir, DATABASE_URL: 'postgres://u:p@db/lantoa' });
    const first = loadContactKey(config);
    expect(first.length).toBe(32);
    const file = path.join(dir, 'contact.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    expect(loadContactKey(config).equals(first)).toBe(true);
  });

  it('refuses a damaged key file rather than replacing it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'contact.key'), 'not a key\n', { mode: 0o600 });
    expect(() => loadContactKey(parseConfig({ LANTOA_DATA_DIR: dir }))).toThrow(ContactKeyError);
  });

  it('does nothing until the key is first needed', () => {
    const dir = path.join(tempDir(), 'lazy');
    const provide = contactKeyProvider(parseConfig({ LANTOA_DATA_DIR: dir }));
    expect(() => statSync(dir)).toThrow();
    expect(provide().equals(provide())).toBe(true);
    expect(statSync(path.join(dir, 'contact.key')).isFile()).toBe(true);
  });
});
