import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { submitWeeklyReport } from '../../src/modules/consultation/report/submit-weekly-report.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { buildSubmission } from '../support/factories.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Browser journey: the province's administrator opens the weekly report on the current week, jumps
 * through the week list to the week with feedback, long closed, and sees the communes that never sent
 * their report as "Quá hạn", and a warning that the province's own report, sent now, will be late.
 */
describe.skipIf(!haveChromium)('overdue weekly reports in the browser', () => {
  let rig: BrowserRig;
  let province: number;
  const oldWeek = '2025-11-12';

  beforeAll(async () => {
    rig = await startBrowserRig();
    const created = await createConsultation(rig.db, {
      actor: cliActor(),
      input: { code: 'DH14', title: 'Lấy ý kiến góp ý vào dự thảo các văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Dự thảo Báo cáo chính trị' }], opensAt: new Date('2025-10-15T00:00:00+07:00') },
    });
    const ids = (await rig.db.execute<{ code: string; id: number }>(sql`select code, id from units where code in ('LCU-X-TAMDUONG', 'LCU-UBND')`)).rows;
    const commune = ids.find((r) => r.code === 'LCU-X-TAMDUONG')!.id;
    province = ids.find((r) => r.code === 'LCU-UBND')!.id;
    await buildSubmission(rig.db, { consultationId: created.id, unitId: commune, submittedAt: new Date('2025-11-10T09:00:00+07:00'), opinions: [{ documentId: created.documents[0]!.id }] });
    await submitWeeklyReport(rig.db, { actor: cliActor(), consultationCode: 'DH14', unitId: commune, periodEnd: oldWeek, now: new Date('2025-11-10T10:00:00+07:00') });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('opens on the current week, jumps to the week with feedback, shows "Quá hạn" and the late warning', async () => {
    const admin = await rig.context.newPage();
    await admin.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, admin, 'quantri.laichau', demoPassword);
    await admin.waitForURL(/\/trang-chu/);
    await admin.goto(`${rig.base}/gop-y-tong-hop?dot=DH14&don-vi=${province}`);
    const week = admin.getByTestId('report-week');
    await expect.poll(() => week.textContent()).toContain('tuần hiện tại');

    // The week list puts the weeks with feedback first: one click jumps to the old week.
    await week.click();
    await admin.locator('.ant-select-item-group:visible').filter({ hasText: 'Tuần có góp ý' }).waitFor();
    await admin.locator('.ant-select-item-option:visible').filter({ hasText: '12/11/2025' }).first().click();
    await admin.waitForURL(new RegExp(`tuan=${oldWeek}`));

    const children = admin.getByTestId('report-children');
    const row = (name: string) => children.locator('tr').filter({ hasText: name });
    await expect.poll(() => row('Xã Tam Đường').textContent()).toContain('Đã gửi');
    await expect.poll(() => children.getByText('Quá hạn', { exact: true }).count()).toBeGreaterThan(0);
    expect(await children.getByText('Chưa gửi', { exact: true }).count()).toBe(0);
    expect(await admin.getByTestId('report-overdue').textContent()).toContain('sẽ được ghi nhận là gửi muộn');
    expect(await admin.getByTestId('report-submit').textContent()).toContain('Gửi báo cáo (muộn)');
    await admin.screenshot({ path: path.join(screenshots, 'overdue-report-1280.png'), fullPage: true });

    await admin.setViewportSize({ width: 390, height: 844 });
    await admin.getByTestId('report-overdue').waitFor();
    await admin.screenshot({ path: path.join(screenshots, 'overdue-report-390.png'), fullPage: true });
  });
});
