import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, defaultWebRoot, type App } from '../../src/platform/http/app.js';
import { parseConfig } from '../../src/platform/config/config.js';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { createTestDatabase } from '../support/db.js';

/**
 * Browser journey: paste seed 004 into the register form, save it without corrections, and find it in
 * the cascade under the directive it implements (134-CV/TU, not yet registered) with the party
 * organisations that have not acted.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
if (!haveChromium) console.warn(`\n!!! BROWSER SUITE SKIPPED: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH) !!!\n`);
const screenshots = path.resolve(import.meta.dirname, '../../test-results');
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!haveChromium)('directive journey in the browser', () => {
  let app: App;
  let base: string;
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    if (!existsSync(path.join(defaultWebRoot, 'index.html'))) throw new Error('The web app is not built: run `npm run build:web` (npm run test:e2e does).');
    const { db } = await createTestDatabase();
    await loadDemo(db);
    app = await buildApp({ db, config: parseConfig({ LANTOA_LOG_LEVEL: 'silent' }), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    profile = await mkdtemp(path.join(os.tmpdir(), 'lantoa-chromium-'));
    await mkdir(screenshots, { recursive: true });
    context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args, locale: 'vi-VN' });
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('pastes seed 004, saves it unchanged and sees it under 134-CV/TU with the units that have not acted', async () => {
    const seed = await readFile(path.resolve(import.meta.dirname, '../../src/modules/directives/demo/seed-004-lai-chau-cong-van.txt'), 'utf8');
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(base + '/dang-nhap');
    await page.getByLabel('Tên đăng nhập').fill('quantri.laichau');
    await page.getByLabel('Mật khẩu').fill(demoPassword);
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.waitForURL(/\/don-vi/);

    await page.goto(base + '/van-ban/dang-ky');
    await page.getByTestId('directive-paste').fill(seed);
    await page.getByTestId('directive-parse').click();
    const text = page.getByTestId('directive-text');
    await expect.poll(() => text.locator('mark').count()).toBeGreaterThan(5);
    const form = page.getByTestId('directive-form');
    await expect.poll(async () => (await form.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).join('|')).toContain('-CV/ĐU');
    await page.screenshot({ path: path.join(screenshots, 'directive-review.png'), fullPage: true });
    await page.getByTestId('directive-save').click();
    await page.waitForURL(/\/van-ban\/\d+$/);

    await page.getByTestId('directive-cascade-link').click();
    await page.waitForURL(/\/chuoi$/);
    const tree = page.getByTestId('cascade-tree');
    await expect.poll(() => tree.textContent()).toContain('134-CV/TU');
    expect(await tree.textContent()).toContain('Chưa đăng ký');
    await page.getByText(/Chưa thực hiện/).first().waitFor();
    await page.screenshot({ path: path.join(screenshots, 'directive-cascade.png'), fullPage: true });
    await page.close();
  });
});
