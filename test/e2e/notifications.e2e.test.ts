import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { notify } from '../../src/platform/notifications/index.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Browser journey of notifications: the bell shows the unread count, /thong-bao lists them, opening
 * one marks it read and goes to its page, "Đánh dấu tất cả đã đọc" clears the count; the profile
 * page turns e-mail off.
 */
describe.skipIf(!haveChromium)('notifications in the browser', () => {
  let rig: BrowserRig;
  let userId = 0;
  beforeAll(async () => {
    rig = await startBrowserRig();
    const rows = await rig.db.execute<{ id: number }>(sql`select id from users where username = 'bientap.vhttdl'`);
    userId = rows.rows[0]!.id;
    await rig.db.transaction((tx) =>
      notify(tx, [
        { userIds: [userId], kind: 'reports.reminder', title: 'Nhắc hạn gửi báo cáo: Báo cáo tháng', body: 'Sở chưa gửi báo cáo tháng.\nHạn gửi: 16:00 Thứ Tư, 12/11/2025.', link: '/trang-chu', email: true },
        { userIds: [userId], kind: 'reports.returned', title: 'Báo cáo bị trả lại: Báo cáo tuần', body: 'Lý do: thiếu số liệu.', link: '/ca-nhan', email: true },
      ]),
    );
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('counts the unread on the bell, lists them, marks them read', async () => {
    for (const width of [390, 1280]) {
      const page = await rig.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await logInThroughPage(rig, page, 'bientap.vhttdl', demoPassword);
      await page.waitForURL(/\/trang-chu$/);
      if (width === 390) {
        await page.getByRole('link', { name: 'Thông báo: 2 chưa đọc' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        await page.getByTestId('notification-bell').click();
        await page.waitForURL(/\/thong-bao$/);
        await page.getByTestId('notification').first().waitFor();
        expect(await page.getByTestId('notification').allTextContents()).toEqual([
          expect.stringContaining('Báo cáo bị trả lại: Báo cáo tuần'),
          expect.stringContaining('Nhắc hạn gửi báo cáo: Báo cáo tháng'),
        ]);
        await page.screenshot({ path: path.join(screenshots, `notifications-${width}.png`), fullPage: true });
        await page.getByText('Nhắc hạn gửi báo cáo: Báo cáo tháng').click();
        await page.waitForURL(/\/trang-chu$/);
        await page.getByRole('link', { name: 'Thông báo: 1 chưa đọc' }).waitFor();
      } else {
        await page.getByRole('link', { name: 'Thông báo: 1 chưa đọc' }).click();
        await page.waitForURL(/\/thong-bao$/);
        await page.getByTestId('read-all').click();
        await page.getByRole('link', { name: 'Thông báo', exact: true }).waitFor();
        expect(await page.getByText('Mới', { exact: true }).count()).toBe(0);
      }
      await page.close();
    }
  });

  it('turns e-mail notifications off from the profile page', async () => {
    const page = await rig.context.newPage();
    await logInThroughPage(rig, page, 'bientap.vhttdl', demoPassword);
    await page.waitForURL(/\/trang-chu$/);
    await page.goto(rig.base + '/ca-nhan');
    const toggle = page.getByTestId('email-notifications');
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await page.getByText('Đã tắt nhận thông báo qua thư điện tử.').waitFor();
    const rows = await rig.db.execute<{ on: boolean }>(sql`select email_notifications as on from users where id = ${userId}`);
    expect(rows.rows[0]!.on).toBe(false);
    await page.close();
  });
});
