import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsultationDemo } from '../../src/modules/consultation/load-demo.js';
import { loadDirectivesDemo } from '../../src/modules/directives/load-demo.js';
import { demoAccounts, demoPassword } from '../../src/modules/org/demo-data.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Screens that fit and say who did what (issue 11, item 8), on the demo workspace as each demo
 * account: nothing cut off at 1440 and 1280 px (every table's last column within its box and the
 * window), no action behind a sideways scroll on a 390 px phone; a viewer sees no button it cannot
 * use; Enter in a unit picker takes what was typed; the staff intake speaks of the contributor; the
 * audit log names people and objects.
 */

/** What does not fit on the page now: the page wider than the window, a table cut (desktop) or an action out of sight (phone). */
function misfits(page: Page, phone: boolean): Promise<string[]> {
  return page.evaluate((phone) => {
    const out: string[] = [];
    const vw = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > vw + 1) out.push(`the page is ${document.documentElement.scrollWidth} px wide in ${vw}`);
    for (const wrapper of Array.from(document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body'))) {
      const box = wrapper.getBoundingClientRect();
      const name = wrapper.closest('[data-testid]')?.getAttribute('data-testid') ?? 'table';
      if (!phone) {
        if (wrapper.scrollWidth > wrapper.clientWidth + 1) out.push(`${name} scrolls sideways: ${wrapper.scrollWidth} px in ${wrapper.clientWidth}`);
        const last = Array.from(wrapper.querySelectorAll('thead th')).at(-1);
        if (last && last.getBoundingClientRect().right > Math.min(box.right, vw) + 1) out.push(`${name}: last column "${last.textContent}" cut off`);
      }
      for (const action of Array.from(wrapper.querySelectorAll('button, a'))) {
        const r = action.getBoundingClientRect();
        if (r.width > 0 && r.right > Math.min(box.right, vw) + 1) out.push(`${name}: "${(action.textContent ?? '').trim().slice(0, 40)}" out of sight`);
      }
    }
    return [...new Set(out)].slice(0, 6);
  }, phone);
}

describe.skipIf(!haveChromium)('screens in the browser', () => {
  let rig: BrowserRig;
  let directiveId: number;
  beforeAll(async () => {
    rig = await startBrowserRig();
    await loadDirectivesDemo(rig.db);
    await loadConsultationDemo(rig.db);
    directiveId = (await rig.db.execute<{ id: number }>(sql`select min(id)::int as id from directives`)).rows[0]!.id;
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function logIn(username: string, width: number): Promise<Page> {
    const page = await rig.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await logInThroughPage(rig, page, username, demoPassword);
    await page.waitForURL(/\/trang-chu/);
    return page;
  }

  async function open(page: Page, address: string): Promise<void> {
    await page.goto(rig.base + address);
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  }

  it('fits every page at 1440 and 1280 px, and keeps every table action in sight at 390 px, for each demo account', async () => {
    const addresses = ['/trang-chu', '/don-vi', '/van-ban', `/van-ban/${directiveId}`, `/van-ban/${directiveId}/chuoi`, '/gop-y-tong-hop', '/gop-y-tiep-nhan', '/tai-khoan', '/nhat-ky', '/ca-nhan'];
    const found: string[] = [];
    for (const { username } of demoAccounts) {
      for (const width of [1440, 1280, 390]) {
        const page = await logIn(username, width);
        for (const address of addresses) {
          await open(page, address);
          for (const problem of await misfits(page, width < 768)) found.push(`${username} ${width} px ${address}: ${problem}`);
        }
        if (username === 'admin') {
          await open(page, '/tai-khoan');
          await page.screenshot({ path: path.join(screenshots, `screens-accounts-${width}.png`), fullPage: true });
        }
        await page.close();
      }
    }
    expect(found).toEqual([]);
  }, 900_000);

  it('shows a viewer no button it cannot use, and an editor the ones it can', async () => {
    const viewer = await logIn('xem.laocai', 1280);
    await open(viewer, '/van-ban');
    await viewer.getByTestId('directive-table').waitFor();
    expect(await viewer.getByTestId('directive-register').count()).toBe(0);
    expect(await viewer.getByRole('menuitem', { name: 'Tiếp nhận góp ý' }).count()).toBe(0);
    await open(viewer, '/van-ban/dang-ky');
    await viewer.getByText('Bạn không có quyền xem trang này').waitFor();
    await open(viewer, '/gop-y-tong-hop');
    await viewer.getByTestId('report-kpis').waitFor();
    expect(await viewer.getByTestId('report-submit').count()).toBe(0);
    expect(await viewer.getByTestId('report-not-sent').count()).toBe(1);
    expect(await viewer.getByTestId('representatives-open-picker').count()).toBe(0);
    await open(viewer, '/don-vi');
    expect(await viewer.getByTestId('unit-import').count()).toBe(0);
    expect(await viewer.getByTestId('unit-edit').count()).toBe(0);
    await viewer.close();

    const editor = await logIn('bientap.vhttdl', 1280);
    await open(editor, '/van-ban');
    await editor.getByTestId('directive-register').waitFor();
    await open(editor, '/gop-y-tong-hop');
    await editor.getByTestId('report-submit').waitFor();
    await editor.close();
  }, 120_000);

  it('takes, on Enter in a unit picker, the unit that matches what was typed, not the parent highlighted above it', async () => {
    const page = await logIn('admin', 1280);
    await open(page, '/gop-y-tong-hop');
    await page.getByTestId('report-kpis').waitFor();
    await page.getByTestId('report-unit').click();
    await page.keyboard.type('tam duong');
    await page.locator('.ant-select-tree-treenode:visible').filter({ hasText: 'Xã Tam Đường' }).first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('report-unit').textContent()).toContain('Xã Tam Đường');
    const [unit] = (await rig.db.execute<{ id: number }>(sql`select id from units where code = 'LCU-X-TAMDUONG'`)).rows;
    await page.waitForURL(new RegExp(`don-vi=${unit!.id}(&|$)`));
    await page.close();
  }, 60_000);

  it('speaks of the contributor in the staff intake form, never "Ý kiến của bạn"', async () => {
    const page = await logIn('bientap.vhttdl', 1280);
    await open(page, '/gop-y-tiep-nhan');
    await page.getByTestId('letter-form').waitFor();
    expect(await page.getByTestId('letter-form').textContent()).toContain('Ý kiến của người góp ý');
    expect(await page.locator('main, body').first().textContent()).not.toContain('Ý kiến của bạn');
    await page.close();
  }, 60_000);

  it('names people and objects in the audit log: the command line, account holders, directives by number', async () => {
    const page = await logIn('admin', 1440);
    await open(page, '/nhat-ky');
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Dòng lệnh (quản trị)');
    expect(text).not.toMatch(/cli:|public:web/);
    expect(text).not.toMatch(/Văn bản #\d|Đơn vị #\d|Tài khoản #\d/);
    const subject = table.getByTestId('audit-subject').getByRole('link').first();
    const href = await subject.getAttribute('href');
    expect(href).toMatch(/^\/(van-ban|du-thao|don-vi|tai-khoan|gop-y-tong-hop)/);
    await page.screenshot({ path: path.join(screenshots, 'screens-audit-1440.png'), fullPage: true });
    await page.close();
  }, 60_000);
});
