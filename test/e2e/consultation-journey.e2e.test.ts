import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { periodAt } from '../../src/platform/time/index.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';
import { haveChromium, logInThroughPage, pickOption, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Browser journey: a citizen sends two opinions from a phone-sized page; the commune's editor sees them
 * and submits the weekly report; the province sees the commune as submitted with the figures added up.
 */
describe.skipIf(!haveChromium)('consultation journey in the browser', () => {
  let rig: BrowserRig;
  let commune: number;
  let province: number;
  let periodEnd: string;

  beforeAll(async () => {
    rig = await startBrowserRig();
    await createConsultation(rig.db, {
      actor: cliActor(),
      input: { code: 'DH14', title: 'Lấy ý kiến góp ý vào dự thảo các văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Dự thảo Báo cáo chính trị' }], opensAt: new Date('2025-10-15T00:00:00+07:00') },
    });
    const ids = (await rig.db.execute<{ code: string; id: number }>(sql`select code, id from units where code in ('LCU-X-TAMDUONG', 'LCU-UBND')`)).rows;
    commune = ids.find((r) => r.code === 'LCU-X-TAMDUONG')!.id;
    province = ids.find((r) => r.code === 'LCU-UBND')!.id;
    await buildUser(rig.db, { username: 'bientap.tamduong', role: 'editor', unitId: commune, fullName: 'Lò Văn Biên' });
    periodEnd = periodAt({ kind: 'weekly', weekday: 3, time: '16:00' }, new Date()).closingDate;
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('two opinions from a phone reach the commune’s report, which the province then sees as submitted', async () => {
    const phone = await rig.context.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    await phone.goto(rig.base + '/gop-y/DH14');
    await phone.getByTestId('opinion-stance-0').getByText('Tán thành', { exact: true }).click();
    await phone.getByTestId('opinion-text-0').fill('Tán thành, đề nghị bổ sung giải pháp chuyển đổi số ở cấp xã.');
    await phone.getByRole('button', { name: /Thêm ý kiến/ }).click();
    await phone.getByTestId('opinion-stance-1').getByText('Đồng ý một phần').click();
    await phone.getByTestId('opinion-text-1').fill('Cần làm rõ vai trò của chi bộ thôn, bản.');
    await pickOption(phone, 'public-unit', 'Xã Tam Đường', 'tam duong');
    await pickOption(phone, 'public-group', 'Đảng viên');
    await phone.getByTestId('public-submit').click();
    await phone.getByTestId('public-done').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: path.join(screenshots, 'consultation-public-done.png'), fullPage: true });

    const editor = await rig.context.newPage();
    await editor.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, editor, 'bientap.tamduong', TEST_PASSWORD);
    await editor.waitForURL(/\/trang-chu/);
    await editor.goto(`${rig.base}/gop-y-tong-hop?dot=DH14&don-vi=${commune}&tuan=${periodEnd}`);
    const kpis = editor.getByTestId('report-kpis');
    await expect.poll(() => kpis.textContent()).toMatch(/Lượt góp ý\s*1/);
    expect(await kpis.textContent()).toMatch(/Ý kiến\s*2/);
    await editor.getByTestId('report-submit').click();
    await editor.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect.poll(() => editor.getByText(/Đã gửi/).count()).toBeGreaterThan(0);

    const admin = await rig.context.newPage();
    await admin.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, admin, 'quantri.laichau', demoPassword);
    await admin.waitForURL(/\/trang-chu/);
    await admin.goto(`${rig.base}/gop-y-tong-hop?dot=DH14&don-vi=${province}&tuan=${periodEnd}`);
    const children = admin.getByTestId('report-children');
    await expect.poll(() => children.textContent()).toContain('Xã Tam Đường');
    const row = children.locator('tr').filter({ hasText: 'Xã Tam Đường' });
    await expect.poll(() => row.textContent()).toMatch(/Đã gửi|Gửi muộn/);
    await expect.poll(() => admin.getByTestId('report-kpis').textContent()).toMatch(/Ý kiến\s*2/);
    await admin.screenshot({ path: path.join(screenshots, 'consultation-province.png'), fullPage: true });
  });
});
