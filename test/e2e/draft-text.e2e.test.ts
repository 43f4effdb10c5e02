import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { loadDirectivesDemo } from '../../src/modules/directives/load-demo.js';
import { startDraft } from '../../src/modules/directives/drafts.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Browser check (issue 11, item 2): a draft of a unit without an abbreviation (a Party cell) opens at
 * /du-thao/N with the "Thực hiện …" opening written out and the number field asking for the symbol;
 * once the symbol is typed the draft saves. Desktop and phone width.
 */
describe.skipIf(!haveChromium)('implementing draft text in the browser', () => {
  let rig: BrowserRig;
  let draftId: number;
  beforeAll(async () => {
    rig = await startBrowserRig();
    await loadDirectivesDemo(rig.db);
    const id = async (q: ReturnType<typeof sql>) => (await rig.db.execute<{ id: number }>(q)).rows[0]!.id;
    const parent = await id(sql`select d.id from directives d join units u on u.id = d.owner_unit_id where u.code = 'LCU-DU-UBND'`);
    const unitId = await id(sql`select id from units where code = 'LCU-CB-SVHTTDL'`);
    draftId = (await startDraft(rig.db, { actor: cliActor(), directiveId: parent, unitId })).id;
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('asks the Party cell for its symbol and saves once it is typed', async () => {
    for (const width of [390, 1280]) {
      const page = await rig.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await logInThroughPage(rig, page, 'quantri.laichau', demoPassword);
      await page.waitForURL(/\/trang-chu$/);
      await page.goto(`${rig.base}/du-thao/${draftId}`);
      await page.getByTestId('draft-form').waitFor();
      await page.getByText('Đơn vị chưa có chữ viết tắt').waitFor();
      expect(await page.getByLabel('Trích yếu').inputValue()).toMatch(/^Đẩy mạnh tuyên truyền/u);
      expect(await page.locator('textarea').filter({ hasText: 'Thực hiện Công văn' }).first().inputValue()).toMatch(
        /^Thực hiện Công văn \(chưa ghi số\) tháng 10\/2025 của Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh về .*, Chi bộ Sở Văn hóa, Thể thao và Du lịch Lai Châu triển khai thực hiện một số nội dung sau:$/u,
      );
      expect(await page.getByLabel('Số, ký hiệu').inputValue()).toBe('');
      await page.screenshot({ path: path.join(screenshots, `draft-text-asks-symbol-${width}.png`), fullPage: true });
      if (width === 1280) {
        await page.getByLabel('Số, ký hiệu').fill('-CV/CB');
        await page.getByTestId('draft-save').click();
        await page.getByText('Đã lưu dự thảo.').waitFor();
        expect(await page.getByText('Đơn vị chưa có chữ viết tắt').count()).toBe(0);
      }
      await page.close();
    }
  });
});
