import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Issue 11, item 6 in the browser: the unit admin of Tỉnh ủy Lai Châu sets the signer of the
 * Department's reports in the unit form (desktop 1280 px and phone 390 px); the detail shows it,
 * the place is inherited from the province, and the change is stored and audited.
 */
describe.skipIf(!haveChromium)('the signer of a unit\'s reports in the unit form', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  for (const [width, height, name] of [[1280, 900, 'desktop'], [390, 844, 'phone']] as const) {
    it(`sets authority, title and name at ${width} px`, async () => {
      const page = await rig.context.newPage();
      await page.setViewportSize({ width, height });
      await logInThroughPage(rig, page, 'quantri.laichau', demoPassword);
      await page.waitForURL(/\/trang-chu/);
      await page.goto(rig.base + '/don-vi');
      await page.getByTestId('unit-search').fill('so van hoa lai chau');
      const tree = page.getByTestId('unit-tree');
      await tree.getByText('Sở Văn hóa, Thể thao và Du lịch Lai Châu', { exact: true }).first().click();
      const detail = page.getByTestId('unit-detail');
      await expect.poll(() => detail.textContent()).toContain('LCU-SVHTTDL');
      expect(await detail.textContent()).toContain('Theo đơn vị cấp trên');
      await detail.getByTestId('unit-edit').click();
      const form = page.getByTestId('unit-form');
      await form.getByText('Địa danh và người ký báo cáo').waitFor();
      expect(await form.getByLabel('Địa danh').inputValue()).toBe('');
      await form.getByLabel('Thẩm quyền ký').fill('KT. GIÁM ĐỐC');
      await form.getByLabel('Chức vụ người ký').fill('PHÓ GIÁM ĐỐC');
      await form.getByLabel('Họ và tên người ký').fill(`Nguyễn Văn An ${name}`);
      await form.getByLabel('Họ và tên người ký').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screenshots, `unit-signer-form-${name}.png`) });
      await page.getByTestId('unit-form-submit').click();
      await expect.poll(() => detail.textContent()).toContain(`KT. GIÁM ĐỐC – PHÓ GIÁM ĐỐC – Nguyễn Văn An ${name}`);
      await form.waitFor({ state: 'detached' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(screenshots, `unit-signer-detail-${name}.png`), fullPage: true });
      const stored = await rig.db.execute<{ signer_name: string; audits: number }>(
        sql`select signer_name, (select count(*)::int from audit_log where action = 'unit.update' and entity_id = units.id::text) as audits from units where code = 'LCU-SVHTTDL'`,
      );
      expect(stored.rows[0]?.signer_name).toBe(`Nguyễn Văn An ${name}`);
      expect(stored.rows[0]?.audits).toBeGreaterThan(0);
      await page.close();
    });
  }
});
