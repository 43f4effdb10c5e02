import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildApp, defaultWebRoot, type App } from '../../src/server/app.js';
import { parseConfig } from '../../src/platform/config/config.js';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { createTestDatabase } from './db.js';
import type { Db } from '../../src/platform/db/database.js';

/** Browser journeys: Debian's Chromium (or CHROMIUM_PATH) against the real app on a test database. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const haveChromium = existsSync(chromiumPath);
export const screenshots = path.resolve(import.meta.dirname, '../../test-results');

if (!haveChromium) {
  const line = '!'.repeat(78);
  console.warn(
    `\n${line}\n!! BROWSER SUITE SKIPPED: no Chromium at ${chromiumPath}.\n` +
      `!! Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.\n${line}\n`,
  );
}

const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserRig {
  base: string;
  db: Db;
  context: BrowserContext;
  close(): Promise<void>;
}

/** Serves the built web app on a fresh database with the demo units and accounts, and opens a fresh browser profile. */
export async function startBrowserRig(options: { timezoneId?: string } = {}): Promise<BrowserRig> {
  if (!existsSync(path.join(defaultWebRoot, 'index.html'))) throw new Error('The web app is not built: run `npm run build:web` (npm run test:e2e does).');
  const { db } = await createTestDatabase();
  await loadDemo(db);
  const app: App = await buildApp({ db, config: parseConfig({ LANTOA_LOG_LEVEL: 'silent' }), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const profile = await mkdtemp(path.join(os.tmpdir(), 'lantoa-chromium-'));
  await mkdir(screenshots, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args, locale: 'vi-VN', ...options });
  return {
    base,
    db,
    context,
    async close() {
      await context.close();
      await app.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Logs in through the login page from a clean cookie jar. */
export async function logInThroughPage(rig: BrowserRig, page: Page, username: string, password: string): Promise<void> {
  await rig.context.clearCookies();
  await page.goto(rig.base + '/');
  await page.waitForURL(/\/dang-nhap/);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
}

/**
 * Picks an option of the select with `data-testid=testId` (typing `search` first when given): a native
 * `<select>` (the public form's plain controls) by the option whose text contains `option`; a
 * combobox input with its own listbox (the public form's units) or an antd select by clicking the option.
 * On a busy machine a click can land on a dropdown that is still opening or closing, so the pick is
 * checked — the select must show the option — and made again if it did not take.
 */
export async function pickOption(page: Page, testId: string, option: string, search?: string): Promise<void> {
  const select = page.getByTestId(testId);
  const kind = await select.evaluate((el) => (el instanceof HTMLSelectElement ? 'native' : el instanceof HTMLInputElement ? 'combobox' : 'antd'));
  if (kind === 'native') return pickNativeOption(select, testId, option);
  const shown = () => (kind === 'combobox' ? select.inputValue() : select.textContent());
  const options = kind === 'combobox' ? page.locator('[role="option"]:visible') : page.locator('.ant-select-item-option:visible');
  for (let attempt = 0; attempt < 3; attempt++) {
    await select.click();
    if (search) await page.keyboard.type(search);
    // A short bound: an option that a re-render moved or hid is picked again, not waited on for 30 s.
    await options.filter({ hasText: option }).first().click({ timeout: 5_000 }).catch(() => undefined);
    if (kind === 'antd') await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden', timeout: 2_000 }).catch(() => page.keyboard.press('Escape'));
    if ((await shown())?.includes(option)) return;
  }
  throw new Error(`could not pick "${option}" in ${testId}`);
}

async function pickNativeOption(select: Locator, testId: string, option: string): Promise<void> {
  const value = await select.evaluate((el, text) => [...(el as HTMLSelectElement).options].find((o) => o.text.includes(text))?.value ?? null, option);
  if (value === null) throw new Error(`no option "${option}" in ${testId}`);
  await select.selectOption(value);
  const chosen = await select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.text ?? '');
  if (!chosen.includes(option)) throw new Error(`could not pick "${option}" in ${testId}`);
}
