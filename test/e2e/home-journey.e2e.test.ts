import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCampaignsDemo } from '../../src/modules/campaigns/demo/load-demo.js';
import { loadConsultationDemo } from '../../src/modules/consultation/load-demo.js';
import { loadDirectivesDemo } from '../../src/modules/directives/load-demo.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Browser journey (issue 11, item 7): each demo account logs in and lands on "Trang chủ", which says
 * what its units must do — or that nothing is due — at desktop and phone width; a link opens the page
 * that deals with the item.
 */
describe.skipIf(!haveChromium)('home page journey in the browser', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
    await loadDirectivesDemo(rig.db);
    await loadConsultationDemo(rig.db);
    await loadCampaignsDemo(rig.db);
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function landAs(username: string, width: number): Promise<Page> {
    const page = await rig.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await logInThroughPage(rig, page, username, demoPassword);
    await page.waitForURL(/\/trang-chu$/);
    await page.getByRole('heading', { name: 'Việc cần làm' }).waitFor();
    await page.locator('[data-testid="home-group"], [data-testid="home-empty"]').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${username} at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(screenshots, `home-${username}-${width}.png`), fullPage: true });
    return page;
  }
  const groupTitles = (page: Page) => page.getByTestId('home-group').locator('.ant-card-head-title').allTextContents();

  it('shows the editor of the Department its weekly report due, with its deadline, and the link opens the report', async () => {
    for (const width of [390, 1280]) {
      const page = await landAs('bientap.vhttdl', width);
      expect(await groupTitles(page)).toContainEqual(expect.stringMatching(/^Báo cáo phải gửi \(1\)$/));
      // The Department's task of the province's campaign plan, due within the week.
      expect(await groupTitles(page)).toContainEqual(expect.stringMatching(/^Nhiệm vụ kế hoạch tuyên truyền \(\d+\)$/));
      const report = page.getByTestId('home-item').filter({ hasText: 'Gửi báo cáo tổng hợp tuần' });
      expect(await report.textContent()).toMatch(/Sở Văn hóa, Thể thao và Du lịch.*Hạn: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      if (width === 1280) {
        await report.getByRole('link').click();
        await page.waitForURL(/\/gop-y-tong-hop\?dot=DH14&don-vi=\d+&tuan=\d{4}-\d{2}-\d{2}$/);
        await page.getByTestId('report-kpis').waitFor();
      }
      await page.close();
    }
  });

  it('shows the province’s admin and the system admin what their top units must do, overdue first', async () => {
    for (const username of ['quantri.laichau', 'admin']) {
      for (const width of [390, 1280]) {
        const page = await landAs(username, width);
        expect(await page.getByTestId('home-item').count(), username).toBeGreaterThan(0);
        for (const group of await page.getByTestId('home-group').all()) {
          const items = await group.getByTestId('home-item').allTextContents();
          const firstOnTime = items.findIndex((t) => !t.startsWith('Quá hạn'));
          expect(items.slice(firstOnTime === -1 ? items.length : firstOnTime).some((t) => t.startsWith('Quá hạn')), username).toBe(false);
        }
        await page.close();
      }
    }
  });

  it('tells the viewer of Lào Cai that nothing is due: a viewer acts on nothing', async () => {
    for (const width of [390, 1280]) {
      const page = await landAs('xem.laocai', width);
      expect(await page.getByTestId('home-empty').textContent()).toContain('Không có việc nào đến hạn với bạn: tài khoản chỉ có quyền xem');
      expect(await page.getByTestId('home-item').count()).toBe(0);
      await page.close();
    }
  });
});
