import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.js';

/** The build step behind `preCompressed` serving: a .gz and a .br beside each text asset worth compressing. */
describe('precompressDir', () => {
  let dir: string;
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes gzip and brotli copies of scripts, styles and HTML that decompress to the file itself', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-precompress-'));
    await mkdir(path.join(dir, 'assets'));
    const script = 'export const x = "Lan Tỏa — góp ý";\n'.repeat(100);
    await writeFile(path.join(dir, 'assets', 'index-abc.js'), script);
    await writeFile(path.join(dir, 'assets', 'app-abc.css'), 'body { margin: 0 }\n'.repeat(100));
    await writeFile(path.join(dir, 'index.html'), '<p>Lan Tỏa</p>\n'.repeat(100));

    const totals = await precompressDir(dir);

    expect(totals.files).toBe(3);
    expect(zlib.gunzipSync(await readFile(path.join(dir, 'assets', 'index-abc.js.gz'))).toString()).toBe(script);
    expect(zlib.brotliDecompressSync(await readFile(path.join(dir, 'assets', 'index-abc.js.br'))).toString()).toBe(script);
    for (const file of ['assets/app-abc.css', 'index.html']) {
      expect(existsSync(path.join(dir, file + '.gz')), file).toBe(true);
      expect(existsSync(path.join(dir, file + '.br')), file).toBe(true);
    }
    expect(totals.brotliBytes).toBeLessThan(totals.bytes / 10);
  });

  it('leaves tiny files, binary files and incompressible data alone', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lantoa-precompress-'));
    await writeFile(path.join(dir, 'tiny.js'), 'export {};\n');
    await writeFile(path.join(dir, 'logo.png'), Buffer.alloc(4096, 1));
    await writeFile(path.join(dir, 'random.json'), randomBytes(4096));

    const totals = await precompressDir(dir);

    expect(existsSync(path.join(dir, 'tiny.js.gz'))).toBe(false);
    expect(existsSync(path.join(dir, 'logo.png.gz'))).toBe(false);
    expect(existsSync(path.join(dir, 'random.json.gz'))).toBe(false);
    expect(existsSync(path.join(dir, 'random.json.br'))).toBe(false);
    expect(totals.files).toBe(1);
  });
});
