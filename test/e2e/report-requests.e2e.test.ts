import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { haveChromium, logInThroughPage, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Issue 11, item 9: the report page on a first visit. Its figures need the session, the consultations,
 * the units and the report; the report used to be asked for only once the consultations and the units
 * had arrived (which the page's code, itself loaded after the session, asked for): three requests in a
 * row. Now the session's answer starts the three others together, and the page takes the report
 * already under way instead of asking again.
 */
describe.skipIf(!haveChromium)('the report page’s first requests', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
    await createConsultation(rig.db, {
      actor: cliActor(),
      input: { code: 'DH14', title: 'Lấy ý kiến góp ý vào dự thảo các văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Dự thảo Báo cáo chính trị' }], opensAt: new Date('2025-10-15T00:00:00+07:00') },
    });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('asks for the report alongside the consultations and the units, once', async () => {
    const page = await rig.context.newPage();
    await logInThroughPage(rig, page, 'quantri.laichau', demoPassword);
    await page.waitForURL(/\/trang-chu/);
    const sent = new Map<string, number[]>();
    const done = new Map<string, number[]>();
    const kind = (url: string) => {
      const { pathname } = new URL(url);
      if (pathname === '/api/v1/consultations') return 'consultations';
      if (pathname === '/api/v1/units') return 'units';
      if (/^\/api\/v1\/consultations\/DH14\/reports\/\d+$/.test(pathname)) return 'report';
      return null;
    };
    const note = (into: Map<string, number[]>) => (request: { url: () => string }) => {
      const k = kind(request.url());
      if (k) into.set(k, [...(into.get(k) ?? []), performance.now()]);
    };
    page.on('request', note(sent));
    page.on('requestfinished', note(done));
    await page.goto(rig.base + '/gop-y-tong-hop?dot=DH14');
    await page.getByTestId('report-kpis').waitFor();
    await page.waitForLoadState('networkidle');

    expect(sent.get('report')?.length, 'one request for the report').toBe(1);
    const reportSent = sent.get('report')?.[0] ?? Infinity;
    // Before, the report could only be asked for once both lists had arrived.
    const listsDone = Math.max(done.get('consultations')?.[0] ?? Infinity, done.get('units')?.[0] ?? Infinity);
    expect(reportSent, `report asked at ${reportSent.toFixed(0)} ms, lists arrived by ${listsDone.toFixed(0)} ms`).toBeLessThan(listsDone);
    await page.close();
  });
});
