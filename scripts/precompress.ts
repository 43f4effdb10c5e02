/**
 * Precompression of the built web app: next to every text asset of dist/web (JavaScript, CSS,
 * HTML, SVG, JSON) a `.gz` (gzip level 9) and a `.br` (brotli quality 11) copy, written once at
 * build time so that the server never compresses on the fly (@fastify/static `preCompressed`
 * picks the copy the browser accepts). A copy that would not be smaller is not written.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

const compressible = /\.(?:js|mjs|css|html|svg|json|txt)$/;
/** Below this, the headers outweigh the saving. */
const minBytes = 512;

export interface PrecompressTotals {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Writes `<file>.gz` and `<file>.br` for each compressible file under `dir`; returns the totals. */
export async function precompressDir(dir: string): Promise<PrecompressTotals> {
  const totals: PrecompressTotals = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  for (const file of await filesUnder(dir)) {
    if (!compressible.test(file)) continue;
    const content = await readFile(file);
    if (content.length < minBytes) continue;
    const [gz, br] = await Promise.all([
      gzip(content, { level: 9 }),
      brotli(content, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
    ]);
    totals.files++;
    totals.bytes += content.length;
    if (gz.length < content.length) {
      await writeFile(file + '.gz', gz);
      totals.gzipBytes += gz.length;
    }
    if (br.length < content.length) {
      await writeFile(file + '.br', br);
      totals.brotliBytes += br.length;
    }
  }
  return totals;
}

/** The vite plugin: precompresses the output directory once the bundle is written. */
export function precompress(): Plugin {
  return {
    name: 'lantoa-precompress',
    apply: 'build',
    async writeBundle(options) {
      if (!options.dir) return;
      const t = await precompressDir(options.dir);
      const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
      this.info(`precompressed ${t.files} files: ${kB(t.bytes)} → gzip ${kB(t.gzipBytes)}, brotli ${kB(t.brotliBytes)}`);
    },
  };
}
