import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { documentSections } from '../../src/modules/consultation/tables.js';
import { periodAt } from '../../src/platform/time/index.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { buildSubmission, buildUser, TEST_PASSWORD } from '../support/factories.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Browser journey: a commune editor finds an opinion by searching without accents, picks it as
 * representative with a note and sees it in the week's report; the UBND above carries it up; the
 * picker works on a phone-sized screen.
 */
describe.skipIf(!haveChromium)('representative opinions in the browser', () => {
  let rig: BrowserRig;
  let commune: number;
  let ubnd: number;
  let periodEnd: string;
  const TEXT = 'Đề nghị bổ sung giải pháp chuyển đổi số cụ thể cho các xã vùng cao.';

  beforeAll(async () => {
    rig = await startBrowserRig();
    const created = await createConsultation(rig.db, {
      actor: cliActor(),
      input: { code: 'DH14', title: 'Lấy ý kiến góp ý vào dự thảo các văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Dự thảo Báo cáo chính trị' }], opensAt: new Date('2025-10-15T00:00:00+07:00') },
    });
    const documentId = created.documents[0]!.id;
    await rig.db.insert(documentSections).values([
      { documentId, ref: 'I', heading: 'Kết quả thực hiện Nghị quyết Đại hội XIII', position: 0 },
      { documentId, ref: 'II', heading: 'Khoa học, công nghệ và chuyển đổi số', position: 1 },
    ]);
    const ids = (await rig.db.execute<{ code: string; id: number }>(sql`select code, id from units where code in ('LCU-X-TAMDUONG', 'LCU-UBND')`)).rows;
    commune = ids.find((r) => r.code === 'LCU-X-TAMDUONG')!.id;
    ubnd = ids.find((r) => r.code === 'LCU-UBND')!.id;
    await buildUser(rig.db, { username: 'bientap.tamduong', role: 'editor', unitId: commune, fullName: 'Lò Văn Biên' });
    const period = periodAt({ kind: 'weekly', weekday: 3, time: '16:00' }, new Date());
    periodEnd = period.closingDate;
    const at = (minutesAgo: number) => new Date(Math.max(period.start.getTime(), Date.now() - minutesAgo * 60_000));
    await buildSubmission(rig.db, { consultationId: created.id, unitId: commune, submittedAt: at(30), channel: 'letter', opinions: [{ documentId, sectionRef: 'II', stance: 'partial', body: TEXT }] });
    await buildSubmission(rig.db, { consultationId: created.id, unitId: commune, submittedAt: at(20), opinions: [{ documentId, sectionRef: 'I', stance: 'agree', body: 'Tán thành đánh giá kết quả nhiệm kỳ.' }] });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('an editor searches, picks with a note and sees the opinion in the report; the level above carries it up', async () => {
    const editor = await rig.context.newPage();
    await editor.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, editor, 'bientap.tamduong', TEST_PASSWORD);
    await editor.waitForURL(/\/trang-chu/);
    await editor.goto(`${rig.base}/gop-y-tong-hop?dot=DH14&don-vi=${commune}&tuan=${periodEnd}`);
    const card = editor.getByTestId('representatives-card');
    await expect.poll(() => card.textContent()).toContain('Đơn vị chưa chọn ý kiến tiêu biểu nào trong tuần.');

    await editor.getByTestId('representatives-open-picker').click();
    const picker = editor.getByTestId('representative-picker');
    await expect.poll(() => picker.getByTestId('candidate').count()).toBe(2);
    await editor.getByTestId('candidate-search').fill('chuyen doi so xa vung cao');
    await editor.getByTestId('candidate-search').press('Enter');
    await expect.poll(() => picker.getByTestId('candidate').count()).toBe(1);
    const candidate = picker.getByTestId('candidate').first();
    expect(await candidate.textContent()).toContain(TEXT);
    expect(await candidate.textContent()).toContain('II. Khoa học, công nghệ và chuyển đổi số');
    await candidate.getByTestId('candidate-pick').click();
    await candidate.getByTestId('pick-note').fill('Nhiều đảng viên cùng nêu.');
    await candidate.getByTestId('pick-confirm').click();
    await expect.poll(() => candidate.textContent()).toContain('Đã chọn');
    await editor.keyboard.press('Escape');
    await picker.waitFor({ state: 'hidden' });

    const own = editor.getByTestId('representatives-own');
    await expect.poll(() => own.textContent()).toContain(`“${TEXT}”`);
    const ownText = await own.textContent();
    expect(ownText).toContain('Dự thảo Báo cáo chính trị');
    expect(ownText).toContain('II. Khoa học, công nghệ và chuyển đổi số');
    expect(ownText).toContain('Nhiều đảng viên cùng nêu.');
    expect(ownText).toContain('Đồng ý một phần');
    await editor.screenshot({ path: path.join(screenshots, 'representatives-commune.png'), fullPage: true });

    // On a phone the picker fills the screen without sideways scrolling; the search is kept to pick several in a row.
    await editor.setViewportSize({ width: 360, height: 740 });
    await editor.getByTestId('representatives-open-picker').click();
    expect(await editor.getByTestId('candidate-search').inputValue()).toBe('chuyen doi so xa vung cao');
    await expect.poll(() => editor.getByTestId('candidate').count()).toBe(1);
    await editor.getByTestId('candidate-search').fill('');
    await editor.getByTestId('candidate-search').press('Enter');
    await expect.poll(() => editor.getByTestId('candidate').count()).toBe(2);
    expect(await editor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await editor.screenshot({ path: path.join(screenshots, 'representatives-picker-phone.png') });
    await editor.keyboard.press('Escape');

    const admin = await rig.context.newPage();
    await admin.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, admin, 'quantri.laichau', demoPassword);
    await admin.waitForURL(/\/trang-chu/);
    await admin.goto(`${rig.base}/gop-y-tong-hop?dot=DH14&don-vi=${ubnd}&tuan=${periodEnd}`);
    const child = admin.getByTestId('representatives-child').filter({ hasText: 'Xã Tam Đường' });
    await expect.poll(() => child.textContent()).toContain(TEXT);
    await child.getByTestId('representative-carry-up').click();
    const ubndOwn = admin.getByTestId('representatives-own');
    await expect.poll(() => ubndOwn.textContent()).toContain(TEXT);
    expect(await ubndOwn.textContent()).toContain('Đơn vị chọn: Xã Tam Đường');
    await expect.poll(() => child.textContent()).toContain('Đã đưa lên');
  });
});
