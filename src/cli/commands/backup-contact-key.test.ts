import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackupHeader } from '../../platform/db/backup/format.js';
import { afterBackup, afterRestore, fingerprintOf, readContactKey } from './backup-contact-key.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});
const dataDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-key-'));
  dirs.push(dir);
  return dir;
};
const header = (key: string, included: boolean) => ({ contactKeyFingerprint: fingerprintOf(key), contactKey: included ? key : null }) as BackupHeader;

describe('the contact key around backups', () => {
  const key = randomBytes(32).toString('base64');

  it('backup: warns that the key is not in the file, or that the file now holds it', () => {
    const inUse = { key, fingerprint: fingerprintOf(key), source: 'contact.key' };
    expect(afterBackup(inUse, false).join('\n')).toContain('KHÔNG nằm trong bản sao lưu');
    expect(afterBackup(inUse, true).join('\n')).toContain('giữ nó bí mật');
    expect(afterBackup(null, false)).toEqual([]);
  });

  it('restore: puts an included key in place when none is configured', async () => {
    const dir = await dataDir();
    expect(afterRestore({ dataDir: dir, contactKey: undefined }, header(key, true)).join('\n')).toContain('Đã đặt khóa liên hệ');
    expect((await readFile(path.join(dir, 'contact.key'), 'utf8')).trim()).toBe(key);
    expect(readContactKey({ dataDir: dir, contactKey: undefined })?.fingerprint).toBe(fingerprintOf(key));
  });

  it('restore: says which key is missing, or that the key in use is another one', async () => {
    const dir = await dataDir();
    expect(afterRestore({ dataDir: dir, contactKey: undefined }, header(key, false)).join('\n')).toContain(fingerprintOf(key));
    await writeFile(path.join(dir, 'contact.key'), randomBytes(32).toString('base64'));
    expect(afterRestore({ dataDir: dir, contactKey: undefined }, header(key, true)).join('\n')).toContain('khác khóa của bản sao lưu');
  });
});
