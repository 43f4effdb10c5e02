import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { periodAt } from '../../src/platform/time/index.js';
import { createUser } from '../../src/modules/org/create-user.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { grantRole } from '../../src/modules/org/grant-role.js';
import { openCurrentPeriods } from '../../src/modules/reports/periods/index.js';
import { defineRegime, scheduleOf } from '../../src/modules/reports/regimes/index.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const REASON = 'Thiếu số hội nghị của chi bộ';
const indicators = [
  { code: 'HN', label: 'Số hội nghị, buổi sinh hoạt', unitOfMeasure: 'cuộc', type: 'integer' as const, aggregation: 'sum' as const, required: true },
  { code: 'NG', label: 'Số lượt người tham dự', unitOfMeasure: 'lượt', type: 'integer' as const, aggregation: 'sum' as const },
];

/**
 * Browser journey of issue 13 (item 12): Sơn La's weekly party report — a cell's editor fills and
 * submits, the committee's editor returns it with a reason, the cell sees the reason and resubmits, the
 * committee consolidates and submits before its deadline, the province sees the reporting rate and the
 * added-up figures. The regime's cut-off is tomorrow 23:00 (Vietnam time), so every deadline of the
 * period is at least a day away whenever the test runs.
 */
describe.skipIf(!haveChromium)('periodic report journey in the browser', () => {
  let rig: BrowserRig;
  let regimeId: number;
  let periodEnd: string;
  const unitIds = new Map<string, number>();
  const reportUrl = (code: string) => `${rig.base}/bao-cao/che-do/${regimeId}/ky/${periodEnd}/don-vi/${unitIds.get(code)}`;

  beforeAll(async () => {
    rig = await startBrowserRig();
    const rows = (await rig.db.execute<{ code: string; id: number }>(sql`select code, id from units where code like 'SLA-%'`)).rows;
    for (const r of rows) unitIds.set(r.code, r.id);
    const accounts = [
      { username: 'bientap.cbtonghop', fullName: 'Cầm Thị Hợp', unit: 'SLA-CB-TONGHOP', role: 'editor' as const },
      { username: 'bientap.duvp', fullName: 'Lò Văn Phòng', unit: 'SLA-DU-VPUBND', role: 'editor' as const },
      { username: 'xem.duubnd', fullName: 'Quàng Thị Xem', unit: 'SLA-DU-UBND', role: 'viewer' as const },
    ];
    for (const a of accounts) {
      const user = await createUser(rig.db, { actor: cliActor(), input: { username: a.username, fullName: a.fullName, email: null, homeUnitId: unitIds.get(a.unit)!, password: demoPassword } });
      await grantRole(rig.db, { actor: cliActor(), userId: user.id, role: a.role, unitId: unitIds.get(a.unit)! });
    }
    const tomorrow = new Date(Date.now() + 7 * 3600_000 + 24 * 3600_000);
    const frequency = { kind: 'weekly' as const, weekday: WEEKDAYS[tomorrow.getUTCDay()]!, time: '23:00' };
    periodEnd = periodAt(scheduleOf(frequency), new Date())!.closingDate;
    const defined = await defineRegime(rig.db, {
      actor: cliActor(),
      definition: {
        code: 'SLA-BC-TUAN',
        name: 'Báo cáo tuần của Đảng ủy UBND tỉnh Sơn La',
        issuerUnit: 'SLA-DU-UBND',
        type: 'periodic',
        frequency,
        reportingUnitKinds: ['party_committee', 'party_cell'],
        form: {
          sections: [{ title: 'Số liệu', indicators }],
          relations: [{ left: 'NG', op: '>=', right: 'HN' }],
          outline: ['Kết quả', 'Đề xuất'],
        },
        outline: ['Kết quả', 'Đề xuất'],
      },
    });
    regimeId = defined.id;
    // What the reports.open-periods job does: the current period opens with its expected units.
    await openCurrentPeriods(rig.db);
  });
  afterAll(async () => {
    await rig?.close();
  });

  async function submitReport(page: Page) {
    await page.getByTestId('report-submit').click();
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
  }

  async function fill(page: Page, code: string, value: string) {
    const input = page.locator(`#chi-tieu-${code}`);
    await input.fill(value);
    await input.blur();
  }

  it('cell submits, committee returns, cell resubmits, committee consolidates and submits, province sees the rate and the sums', async () => {
    const page = await rig.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });

    // The cell's editor: the regime is listed; the period's report, a relation broken then fixed, autosaved, submitted.
    await logInThroughPage(rig, page, 'bientap.cbtonghop', demoPassword);
    await page.waitForURL(/\/trang-chu/);
    await page.goto(`${rig.base}/bao-cao`);
    await expect.poll(() => page.getByTestId('regimes').textContent()).toContain('Báo cáo tuần của Đảng ủy UBND tỉnh Sơn La');
    await page.goto(reportUrl('SLA-CB-TONGHOP'));
    await fill(page, 'HN', '2');
    await fill(page, 'NG', '1');
    await page.getByTestId('narrative-0').fill('Chi bộ tổ chức 2 buổi sinh hoạt chuyên đề.');
    await expect.poll(() => page.getByTestId('autosave').textContent(), { timeout: 15_000 }).toContain('Đã lưu lúc');
    await submitReport(page);
    await expect.poll(() => page.getByTestId('field-NG').textContent()).toContain('phải không nhỏ hơn');
    await fill(page, 'NG', '40');
    await submitReport(page);
    await expect.poll(() => page.getByTestId('versions').textContent(), { timeout: 15_000 }).toContain('Phiên bản 1');
    await page.screenshot({ path: path.join(screenshots, 'report-fill-1280.png'), fullPage: true });

    // The committee's editor: the cell on time, returned with a reason from the cell's report.
    await logInThroughPage(rig, page, 'bientap.duvp', demoPassword);
    await page.waitForURL(/\/trang-chu/);
    await page.goto(reportUrl('SLA-DU-VPUBND'));
    const cell = page.locator('[data-testid="child-row"][data-unit="SLA-CB-TONGHOP"]');
    await expect.poll(() => cell.textContent()).toContain('Đúng hạn');
    await cell.getByRole('link').click();
    await page.waitForURL(/don-vi\/\d+$/);
    await page.getByTestId('review-return').click();
    await page.getByTestId('review-reason').fill(REASON);
    await page.getByTestId('review-confirm').click();
    await expect.poll(() => page.getByTestId('versions').textContent()).toContain('Bị trả lại');

    // The cell sees the reason (on a phone too) and sends version 2.
    await logInThroughPage(rig, page, 'bientap.cbtonghop', demoPassword);
    await page.waitForURL(/\/trang-chu/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(reportUrl('SLA-CB-TONGHOP'));
    await expect.poll(() => page.getByTestId('returned-reason').textContent()).toContain(REASON);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(screenshots, 'report-fill-390.png'), fullPage: true });
    await fill(page, 'HN', '3');
    await submitReport(page);
    await expect.poll(() => page.getByTestId('versions').textContent(), { timeout: 15_000 }).toContain('Phiên bản 2');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The committee: the consolidated table counts the cell's version 2; its own figures, the drafted narrative, submitted on time.
    await logInThroughPage(rig, page, 'bientap.duvp', demoPassword);
    await page.waitForURL(/\/trang-chu/);
    await page.goto(reportUrl('SLA-DU-VPUBND'));
    await expect.poll(() => page.getByTestId('total-HN').textContent()).toContain('3');
    await fill(page, 'HN', '1');
    await fill(page, 'NG', '10');
    if (await page.getByTestId('narrative-draft').isVisible()) await page.getByTestId('narrative-draft').click();
    await submitReport(page);
    await expect.poll(() => page.getByTestId('versions').textContent(), { timeout: 15_000 }).toContain('Đúng hạn');

    // The province: 1 of 1 committees reported; inside the committee 1 of 3 cells; the figures added up.
    await logInThroughPage(rig, page, 'xem.duubnd', demoPassword);
    await page.waitForURL(/\/trang-chu/);
    await page.goto(`${rig.base}/bao-cao/che-do/${regimeId}`);
    await expect.poll(() => page.getByTestId('reporting-rate').textContent(), { timeout: 15_000 }).toContain('100 %');
    await page.getByTestId('monitoring-drill').first().click();
    await expect.poll(() => page.getByTestId('reporting-rate').textContent()).toContain('33,3 %');
    await expect.poll(() => page.getByTestId('rates-chart').count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: path.join(screenshots, 'report-regime-1280.png'), fullPage: true });
    await page.goto(reportUrl('SLA-DU-UBND'));
    await expect.poll(() => page.getByTestId('total-HN').textContent()).toBe('4');
    await expect.poll(() => page.getByTestId('total-NG').textContent()).toBe('50');
    await page.close();
  });
});
