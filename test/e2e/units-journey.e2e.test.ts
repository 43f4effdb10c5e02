import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Browser journey in Debian's Chromium: log in, open the unit tree, search "lai chau",
 * and save a screenshot — on a desktop and at phone width (360 px).
 */
describe.skipIf(!haveChromium)('unit tree journey in the browser', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig({ timezoneId: 'America/New_York' });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('shows a Vietnamese error for a wrong password', async () => {
    const page = await rig.context.newPage();
    await logInThroughPage(rig, page, 'quantri.laichau', 'sai-mat-khau');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('mật khẩu không đúng');
    await page.close();
  });

  it('logs in, opens the unit tree, finds Lai Châu by typing "lai chau", and shows its details', async () => {
    const page = await rig.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await logInThroughPage(rig, page, 'quantri.laichau', demoPassword);
    await page.waitForURL(/\/trang-chu/);
    await page.locator('.ant-menu').getByText('Đơn vị', { exact: true }).click();
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
    const page = await rig.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await logInThroughPage(rig, page, 'quantri.laichau', demoPassword);
    await page.waitForURL(/\/trang-chu/);
    await page.goto(rig.base + '/don-vi');
    await page.getByTestId('unit-search').fill('Lai Chau');
    const tree = page.getByTestId('unit-tree');
    await expect.poll(() => tree.textContent()).toContain('Tỉnh ủy Lai Châu');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshots, 'units-lai-chau-phone.png'), fullPage: true });
    await page.close();
  });
});
