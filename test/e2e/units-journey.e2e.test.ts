import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, defaultWebRoot, type App } from '../../src/platform/http/app.js';
import { parseConfig } from '../../src/platform/config/config.js';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { createTestDatabase } from '../support/db.js';

/**
 * Browser journey in Debian's Chromium: log in, open the unit tree, search "lai chau",
 * and save a screenshot — on a desktop and at phone width (360 px).
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromiumPath);
if (!haveChromium) {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! BROWSER SUITE SKIPPED: no Chromium at ${chromiumPath}.\n` +
      `!! Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.\n${line}\n`,
  );
}

const screenshots = path.resolve(import.meta.dirname, '../../test-results');
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!haveChromium)('unit tree journey in the browser', () => {
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
    context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args, locale: 'vi-VN', timezoneId: 'America/New_York' });
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function logIn(page: Page, username: string, password: string) {
    await context.clearCookies();
    await page.goto(base + '/');
    await page.waitForURL(/\/dang-nhap/);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
  }

  it('shows a Vietnamese error for a wrong password', async () => {
    const page = await context.newPage();
    await logIn(page, 'quantri.laichau', 'sai-mat-khau');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('mật khẩu không đúng');
    await page.close();
  });

  it('logs in, opens the unit tree, finds Lai Châu by typing "lai chau", and shows its details', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await logIn(page, 'quantri.laichau', demoPassword);
    await page.waitForURL(/\/don-vi/);
    const tree = page.getByTestId('unit-tree');
    await expect.poll(() => tree.textContent()).toContain('Tỉnh ủy Lai Châu');
    expect(await tree.textContent()).not.toContain('Lào Cai');

    await page.getByTestId('unit-search').fill('lai chau');
    await expect.poll(() => tree.textContent()).toContain('Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu');
    expect(await tree.textContent()).not.toContain('Xã Tam Đường'); // filtered to matches and their ancestors

    await tree.getByText('Ban Tuyên giáo và Dân vận Tỉnh ủy Lai Châu').first().click();
    const detail = page.getByTestId('unit-detail');
    await expect.poll(() => detail.textContent()).toContain('LCU-BTGDVTU');
    expect(await detail.textContent()).toContain('BTGDVTU');
    await page.screenshot({ path: path.join(screenshots, 'units-lai-chau-desktop.png'), fullPage: true });
    await page.close();
  });

  it('works at phone width: the tree and search fit in 360 px', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await logIn(page, 'quantri.laichau', demoPassword);
    await page.waitForURL(/\/don-vi/);
    await page.getByTestId('unit-search').fill('Lai Chau');
    const tree = page.getByTestId('unit-tree');
    await expect.poll(() => tree.textContent()).toContain('Tỉnh ủy Lai Châu');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshots, 'units-lai-chau-phone.png'), fullPage: true });
    await page.close();
  });
});
