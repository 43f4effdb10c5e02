import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/platform/config/config.js';
import { buildApp, type App } from '../../src/server/app.js';
import { precompressDir } from '../../scripts/precompress.js';
import { createTestDatabase } from '../support/db.js';

/**
 * The built web app as a phone gets it: the brotli or gzip copy written at build time (with
 * Content-Encoding and Vary), a year of immutable caching for hashed assets/, and `no-cache` for
 * index.html and the SPA fallback so that a new deployment is seen at once.
 */
const { db } = await createTestDatabase();
const script = `export const greeting = ${JSON.stringify('Xin chào, Lan Tỏa! '.repeat(200))};\n`;
const html = `<!doctype html><html lang="vi"><head><title>Lan Tỏa</title><script type="module" src="/assets/index-AbC123xy.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(60)}</body></html>`;
let webRoot: string;
let app: App;

beforeAll(async () => {
  webRoot = await mkdtemp(path.join(os.tmpdir(), 'lantoa-web-'));
  await mkdir(path.join(webRoot, 'assets'));
  await writeFile(path.join(webRoot, 'index.html'), html);
  await writeFile(path.join(webRoot, 'assets', 'index-AbC123xy.js'), script);
  await precompressDir(webRoot);
  app = await buildApp({ db, config: parseConfig({ LANTOA_DATA_DIR: '/nonexistent', LANTOA_LOG_LEVEL: 'silent' }), logger: false, webRoot });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await rm(webRoot, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('serving the built web app', () => {
  it('sends the brotli copy of a hashed script to a browser that accepts it, cached for a year', async () => {
    const res = await get('/assets/index-AbC123xy.js', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(script.length / 5);
  });

  it('sends the gzip copy when only gzip is accepted, and the file itself when nothing is', async () => {
    const gz = await get('/assets/index-AbC123xy.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/accept-encoding/i);
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/index-AbC123xy.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(script);
  });

  it('revalidates index.html every time, at / and as the fallback of a page address, compressed too', async () => {
    for (const url of ['/', '/index.html', '/dang-nhap', '/gop-y/DH14']) {
      const res = await get(url, 'gzip, br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(res.rawPayload).toString(), url).toBe(html);
    }
  });

  it('answers a build file that is not there (a stale chunk after a new deployment) with a plain 404, not the page', async () => {
    const res = await get('/assets/ConsultationsPage-Old12345.js', 'gzip, br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe('Không tìm thấy tệp.');
  });
});

describe('security headers', () => {
  it('sends the content security policy and the other helmet headers on the page, the API and an error', async () => {
    for (const url of ['/', '/api/health', '/api/v1/no-such-route']) {
      const response = await get(url);
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp, url).toContain("img-src 'self' data: blob:");
      expect(csp, url).not.toContain('upgrade-insecure-requests');
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
    }
  });
});
