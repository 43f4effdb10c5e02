import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Browser journey: paste seed 004 into the register form, save it without corrections, and find it in
 * the cascade under the directive it implements (134-CV/TU, not yet registered) with the party
 * organisations that have not acted. Pasting it again is refused with a link to the one registered.
 */
describe.skipIf(!haveChromium)('directive journey in the browser', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('pastes seed 004, saves it unchanged, sees it under 134-CV/TU with the units that have not acted, and cannot save it twice', async () => {
    const seed = await readFile(path.resolve(import.meta.dirname, '../../src/modules/directives/demo/seed-004-lai-chau-cong-van.txt'), 'utf8');
    const page = await rig.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, page, 'quantri.laichau', demoPassword);
    await page.waitForURL(/\/trang-chu/);

    await page.goto(rig.base + '/van-ban/dang-ky');
    await page.getByTestId('directive-paste').fill(seed);
    await page.getByTestId('directive-parse').click();
    const text = page.getByTestId('directive-text');
    await expect.poll(() => text.locator('mark').count()).toBeGreaterThan(5);
    const form = page.getByTestId('directive-form');
    await expect.poll(async () => (await form.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).join('|')).toContain('-CV/ĐU');
    await page.screenshot({ path: path.join(screenshots, 'directive-review.png'), fullPage: true });
    await page.getByTestId('directive-save').click();
    await page.waitForURL(/\/van-ban\/\d+$/);
    const registered = new URL(page.url()).pathname;

    await page.getByTestId('directive-cascade-link').click();
    await page.waitForURL(/\/chuoi$/);
    const tree = page.getByTestId('cascade-tree');
    await expect.poll(() => tree.textContent()).toContain('134-CV/TU');
    expect(await tree.textContent()).toContain('Chưa đăng ký');
    await page.getByText(/Chưa thực hiện/).first().waitFor();
    await page.screenshot({ path: path.join(screenshots, 'directive-cascade.png'), fullPage: true });

    // The same letter pasted again: nothing is saved, the page links to the directive already registered.
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(rig.base + '/van-ban/dang-ky');
      await page.getByTestId('directive-paste').fill(seed);
      await page.getByTestId('directive-parse').click();
      await page.getByTestId('directive-save').click();
      const warning = page.getByTestId('directive-already-registered');
      await expect.poll(() => warning.textContent()).toContain('Văn bản này đã được đăng ký: Công văn không số');
      expect(page.url()).toMatch(/\/van-ban\/dang-ky$/);
      await page.screenshot({ path: path.join(screenshots, `directive-already-registered-${width}.png`), fullPage: true });
    }
    await page.getByTestId('directive-already-registered').getByRole('link', { name: 'Mở văn bản đã đăng ký' }).click();
    await page.waitForURL((url) => url.pathname === registered);
    const register = await page.request.get(rig.base + '/api/v1/directives');
    expect(((await register.json()) as { total: number }).total).toBe(1);
    await page.close();
  });
});
