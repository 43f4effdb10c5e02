import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { runAxe, settle } from '../support/axe.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';
import { buildDemoViewsCampaign } from '../support/campaign-fixtures.js';

/**
 * The campaign page (/ke-hoach/:id) and "Việc cần làm" (/viec-can-lam) in the browser, at 1280 and
 * 390 px: the time line with today marked, the progress rolled up through the implementing plan, the
 * unit × task grid with drill-down, the theme × channel matrix, the weekly chart with its text
 * equivalent, nothing wider than the screen, and no blocking axe finding.
 */
describe.skipIf(!haveChromium)('campaign views in the browser', () => {
  let rig: BrowserRig;
  let campaign: { id: number; code: string };
  beforeAll(async () => {
    rig = await startBrowserRig();
    campaign = await buildDemoViewsCampaign(rig.db);
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function openAs(username: string, width: number, url: string): Promise<Page> {
    const page = await rig.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await logInThroughPage(rig, page, username, demoPassword);
    await page.waitForURL(/\/trang-chu$/);
    await page.goto(rig.base + url);
    return page;
  }
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const blocking = async (page: Page, label: string) =>
    (await runAxe(page, label)).filter((f) => f.impact === 'critical' || f.impact === 'serious').map((f) => `${f.rule} ${f.targets.join(' ')}`);

  it('the province’s admin sees the plan’s time line, its progress rolled up through the department’s plan, drills down, and the matrix and chart', async () => {
    for (const width of [1280, 390]) {
      const page = await openAs('quantri.laichau', width, `/ke-hoach/${campaign.id}`);
      await expect.poll(() => page.getByTestId('campaign-title').textContent()).toBe('Kế hoạch tuyên truyền Đại hội XIV của Đảng');
      await page.getByTestId('timeline-today').waitFor();
      expect(await page.getByTestId('campaign-timeline').textContent()).toContain('Mốc: Đại hội XIV của Đảng');
      await page.getByTestId('progress-tasks').waitFor();
      // Lai Châu's subtree: the department's two tasks; the first rolled up over the three communes of its own plan (two acted).
      expect(await page.getByTestId('campaign-totals').textContent()).toContain('2 nhiệm vụ được giao · 1 đã hoàn thành · 0 quá hạn · 3/4 đơn vị đã thực hiện');
      const first = page.getByTestId('progress-task').first();
      expect(await first.getByTestId('progress-task-acted').textContent()).toBe('Số đơn vị đã thực hiện: 3/4');
      expect(await first.getByTestId('progress-task-quantities').textContent()).toContain('Số pano, áp phích, băng rôn: 20');
      expect(await first.textContent()).toContain('Chưa thực hiện (1): Phường Tân Phong');
      await page.getByTestId('campaign-matrix').locator('table').waitFor();
      expect(await page.getByTestId('campaign-matrix').textContent()).toContain('Cổ động trực quan');
      await page.getByTestId('campaign-weeks-chart').waitFor();
      expect(await page.getByTestId('campaign-weeks').locator('table caption').textContent()).toBe('Số hoạt động theo tuần và hình thức');
      await settle(page);
      expect(await overflow(page), `overflow at ${width}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(screenshots, `campaign-page-${width}.png`), fullPage: true });
      expect(await blocking(page, `/ke-hoach/${campaign.id} @${width}`)).toEqual([]);
      await page.close();
    }
  });

  it('the system admin drills down from the nation to a province and to its units', async () => {
    const page = await openAs('admin', 1280, `/ke-hoach/${campaign.id}`);
    await page.getByTestId('progress-grid').waitFor();
    const drill = page.getByTestId('grid-drill');
    expect(await drill.allTextContents()).toEqual(['Tỉnh ủy Lai Châu ›', 'Tỉnh ủy Lào Cai ›']);
    await drill.first().click();
    await expect.poll(async () => page.getByTestId('campaign-progress').locator('h2').textContent()).toContain('Tỉnh ủy Lai Châu');
    await expect.poll(async () => page.getByTestId('grid-drill').allTextContents()).toEqual(['Ủy ban nhân dân tỉnh Lai Châu ›']);
    await page.getByTestId('grid-drill').first().click();
    await expect.poll(async () => page.getByTestId('progress-grid').textContent()).toContain('Sở Văn hóa, Thể thao và Du lịch Lai Châu');
    await page.getByRole('button', { name: 'Toàn bộ' }).click();
    await expect.poll(async () => page.getByTestId('grid-drill').count()).toBe(2);
    await page.close();
  });

  it('“Việc cần làm” lists the department editor’s tasks due soon, each opening its task page', async () => {
    for (const width of [1280, 390]) {
      const page = await openAs('bientap.vhttdl', width, '/viec-can-lam');
      await page.getByTestId('todo-list').waitFor();
      const items = await page.getByTestId('todo-item').allTextContents();
      expect(items).toHaveLength(1);
      expect(items[0]).toContain('KH-DH14-1: Treo băng rôn, pano, áp phích chào mừng Đại hội');
      expect(items[0]).toContain('Đang thực hiện');
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await page.getByTestId('todo-item').getByRole('link').first().getAttribute('href')).toMatch(/^\/nhiem-vu\/\d+$/);
      expect(await blocking(page, `/viec-can-lam @${width}`)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, `todo-${width}.png`), fullPage: true });
      await page.close();
    }
  });
});
