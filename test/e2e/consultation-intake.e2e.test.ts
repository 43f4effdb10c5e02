import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { eraseExpiredContacts } from '../../src/modules/consultation/intake/contacts.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { buildUser, TEST_PASSWORD } from '../support/factories.js';
import { haveChromium, logInThroughPage, pickOption, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

const NAME = 'Hoàng Thị Thư';
const PHONE = '0912345678';
const ID_NUMBER = '012345678901';

/** Picks an option of the antd select with this test id. */
/** Types a Vietnam date and time into an antd date picker and confirms it. */
async function typeDateTime(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId).locator('input').or(page.locator(`input[data-testid="${testId}"]`)).first();
  await input.click();
  await input.press('Control+A');
  await input.pressSequentially(value);
  await page.locator('.ant-picker-dropdown:visible').getByRole('button', { name: 'OK' }).click();
}

/** The status of `GET …/contact` for the signed-in user of this page, and whether its body names the contributor. */
async function contactStatus(page: Page, submissionId: number): Promise<{ status: number; named: boolean }> {
  return page.evaluate(async ([id, name]) => {
    const response = await fetch(`/api/v1/consultations/DH14/submissions/${id}/contact`);
    return { status: response.status, named: (await response.text()).includes(name as string) };
  }, [submissionId, NAME] as const);
}

/**
 * Browser journey: a commune editor types in a letter with two opinions and a contact and the minutes
 * of a meeting, sees both in the unit's recent list and reveals the contact (audited); the province
 * above sees the list without the contact action; another unit's editor sees neither.
 */
describe.skipIf(!haveChromium)('staff intake in the browser', () => {
  let rig: BrowserRig;
  let commune: number;
  let openingDay: string;

  beforeAll(async () => {
    rig = await startBrowserRig({ timezoneId: 'Europe/Paris' });
    // The consultation opened at noon (Vietnam time) ten days ago.
    openingDay = new Date(Date.now() - 10 * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    await createConsultation(rig.db, {
      actor: cliActor(),
      input: {
        code: 'DH14',
        title: 'Lấy ý kiến góp ý vào dự thảo các văn kiện Đại hội XIV',
        documents: [
          { code: 'BCCT', title: 'Dự thảo Báo cáo chính trị' },
          { code: 'DLD', title: 'Dự thảo Điều lệ Đảng (sửa đổi)' },
        ],
        opensAt: new Date(`${openingDay}T12:00:00+07:00`),
      },
    });
    const [bcct] = (await rig.db.execute<{ id: number }>(sql`select d.id from consultation_documents d where d.code = 'BCCT'`)).rows;
    await rig.db.execute(sql`insert into document_sections (document_id, ref, heading, position) values (${bcct!.id}, 'I', 'Đánh giá tình hình', 1), (${bcct!.id}, 'II', 'Phương hướng', 2)`);
    const [row] = (await rig.db.execute<{ id: number }>(sql`select id from units where code = 'LCU-X-TAMDUONG'`)).rows;
    commune = row!.id;
    await buildUser(rig.db, { username: 'bientap.tamduong', role: 'editor', unitId: commune, fullName: 'Lò Văn Biên' });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('a commune editor records a letter and a meeting, sees them and reveals the contact; others cannot', async () => {
    const editor = await rig.context.newPage();
    await editor.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, editor, 'bientap.tamduong', TEST_PASSWORD);
    await editor.waitForURL(/\/trang-chu/);
    await editor.getByRole('menuitem', { name: 'Tiếp nhận góp ý' }).click();
    await editor.waitForURL(/\/gop-y-tiep-nhan/);
    // The pickers default to the consultation and the editor's unit.
    await expect.poll(() => editor.getByTestId('intake-unit').textContent()).toContain('Xã Tam Đường');
    await editor.getByTestId('letter-form').waitFor();
    expect(await editor.getByTestId('recent-submissions').textContent()).toContain('chưa tiếp nhận góp ý nào');

    // A letter with two opinions and the sender's contact details.
    await editor.getByTestId('letter-channel').getByText('Thư', { exact: true }).click();
    await pickOption(editor, 'letter-group', 'Nhân dân');
    await pickOption(editor, 'letter-opinion-section-0', 'Đánh giá tình hình');
    await editor.getByTestId('letter-opinion-stance-0').getByText('Đồng ý một phần').click();
    await editor.getByTestId('letter-opinion-text-0').fill('Đề nghị bổ sung đánh giá về chuyển đổi số ở cơ sở.');
    await editor.getByTestId('letter-opinion-add').click();
    await pickOption(editor, 'letter-opinion-document-1', 'Điều lệ Đảng');
    await editor.getByTestId('letter-opinion-stance-1').getByText('Không nêu').click();
    await editor.getByTestId('letter-opinion-text-1').fill('Góp ý về nhiệm vụ của chi bộ thôn, bản.');
    await editor.getByTestId('letter-name').fill(NAME);
    await editor.getByTestId('letter-phone').fill(PHONE);
    await editor.getByTestId('letter-id-number').fill(ID_NUMBER);
    expect(await editor.getByTestId('letter-form').textContent()).toContain('mã hóa, chỉ lưu tại đơn vị tiếp nhận');
    await editor.getByTestId('letter-consent').click();
    await editor.getByTestId('letter-save').click();
    await editor.getByText('Đã ghi nhận một lượt góp ý gồm 2 ý kiến.').waitFor();
    // The form is empty again; the pickers stay.
    await expect.poll(() => editor.getByTestId('letter-opinion-text-0').inputValue()).toBe('');
    expect(await editor.getByTestId('letter-opinion-card-1').count()).toBe(0);
    expect(await editor.getByTestId('letter-name').inputValue()).toBe('');
    expect(await editor.getByTestId('intake-unit').textContent()).toContain('Xã Tam Đường');

    // The minutes of a meeting: a time before the opening is refused by the server, next to the field.
    await editor.getByRole('tab', { name: 'Hội nghị, tọa đàm' }).click();
    await editor.getByTestId('meeting-kind').getByText('Tọa đàm').click();
    await editor.getByTestId('meeting-title').fill('Tọa đàm lấy ý kiến cựu chiến binh xã Tam Đường');
    await editor.getByTestId('meeting-attendees').fill('40');
    await pickOption(editor, 'meeting-group', 'Đảng viên');
    await editor.getByTestId('meeting-opinion-stance-0').getByText('Tán thành', { exact: true }).click();
    await editor.getByTestId('meeting-opinion-text-0').fill('Nhất trí cao với dự thảo.');
    await editor.getByTestId('meeting-opinion-add').click();
    await editor.getByTestId('meeting-opinion-stance-1').getByText('Không tán thành').click();
    await editor.getByTestId('meeting-opinion-text-1').fill('Chưa tán thành việc gộp hai nhiệm vụ, vì khó thực hiện ở cơ sở.');
    const [y, m, d] = openingDay.split('-');
    await typeDateTime(editor, 'meeting-held-at', `${d}/${m}/${y} 08:00`);
    await editor.getByTestId('meeting-save').click();
    const heldAtItem = editor.locator('.ant-form-item').filter({ hasText: 'Thời gian tổ chức' });
    await expect.poll(() => heldAtItem.textContent()).toContain('Thời điểm phải từ lúc bắt đầu đợt lấy ý kiến.');
    await typeDateTime(editor, 'meeting-held-at', `${d}/${m}/${y} 14:30`);
    await editor.getByTestId('meeting-save').click();
    // The letter's own notice may still be on screen: the meeting's save shows as its form emptied.
    await expect.poll(() => editor.getByTestId('meeting-title').inputValue()).toBe('');
    await editor.getByText('Đã ghi nhận một lượt góp ý gồm 2 ý kiến.').first().waitFor();
    expect(await editor.getByTestId('meeting-form').locator('.ant-form-item-explain-error').count()).toBe(0);

    // Both appear in the unit's list, newest first.
    const stored = (await rig.db.execute<{ id: number; channel: string; submitted_at: Date }>(sql`select id, channel, submitted_at from submissions where unit_id = ${commune} order by id desc`)).rows;
    expect(stored.map((r) => r.channel)).toEqual(['meeting', 'letter']);
    const [meetingRow, letterRow] = stored;
    expect(new Date(meetingRow!.submitted_at).toISOString()).toBe(new Date(`${openingDay}T14:30:00+07:00`).toISOString());
    const letterOpinions = (
      await rig.db.execute<{ contributor_group: string; self_submitted: boolean; code: string; section_ref: string | null; stance: string }>(sql`
        select s.contributor_group, s.self_submitted, d.code, o.section_ref, o.stance from opinions o
        join submissions s on s.id = o.submission_id join consultation_documents d on d.id = o.document_id
        where s.id = ${letterRow!.id} order by o.id`)
    ).rows;
    expect(letterOpinions).toEqual([
      { contributor_group: 'nhan_dan', self_submitted: false, code: 'BCCT', section_ref: 'I', stance: 'partial' },
      { contributor_group: 'nhan_dan', self_submitted: false, code: 'DLD', section_ref: null, stance: 'none' },
    ]);
    const meetingCard = editor.getByTestId(`recent-item-${meetingRow!.id}`);
    const letterCard = editor.getByTestId(`recent-item-${letterRow!.id}`);
    await expect.poll(() => meetingCard.textContent()).toContain('Tọa đàm: Tọa đàm lấy ý kiến cựu chiến binh xã Tam Đường');
    expect(await meetingCard.textContent()).toContain('40 người dự');
    expect(await meetingCard.getByText('Xem thông tin liên hệ').count()).toBe(0);
    const letterText = await letterCard.textContent();
    expect(letterText).toContain('Thư');
    expect(letterText).toContain('2 ý kiến');
    expect(letterText).toContain('Dự thảo Báo cáo chính trị, phần I');
    expect(letterText).toContain('Góp ý về nhiệm vụ của chi bộ thôn, bản.');
    expect(letterText).not.toContain(PHONE);
    await editor.screenshot({ path: path.join(screenshots, 'consultation-intake.png'), fullPage: true });

    // Revealing the contact asks first, because the viewing is recorded.
    await letterCard.getByRole('button', { name: /Xem thông tin liên hệ/ }).click();
    await editor.getByText('Việc xem được ghi vào nhật ký thao tác').waitFor();
    await editor.getByRole('button', { name: 'Xem và ghi nhật ký' }).click();
    const contact = editor.getByTestId(`contact-${letterRow!.id}`);
    await expect.poll(() => contact.textContent()).toContain(NAME);
    expect(await contact.textContent()).toContain(PHONE);
    expect(await contact.textContent()).toContain(ID_NUMBER);
    const audits = (await rig.db.execute<{ actor_username: string }>(sql`select actor_username from audit_log where action = 'consultation.contact_view'`)).rows;
    expect(audits.map((a) => a.actor_username)).toEqual(['bientap.tamduong']);

    // At phone width the page fits the screen.
    await editor.setViewportSize({ width: 360, height: 740 });
    await editor.reload();
    await editor.getByTestId('letter-form').waitFor();
    await letterCard.waitFor();
    expect(await editor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await editor.screenshot({ path: path.join(screenshots, 'consultation-intake-phone.png'), fullPage: true });

    // After the retention period the list says the contact was erased.
    await eraseExpiredContacts(rig.db, { retentionDays: 1, now: new Date(Date.now() + 2 * 86_400_000) });
    await editor.reload();
    await expect.poll(() => letterCard.textContent()).toContain('Đã xóa theo thời hạn lưu giữ');
    expect(await letterCard.getByText('Xem thông tin liên hệ').count()).toBe(0);

    // The province above the commune sees the list but not the contact action, and the API refuses it.
    const admin = await rig.context.newPage();
    await admin.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, admin, 'quantri.laichau', demoPassword);
    await admin.waitForURL(/\/trang-chu/);
    await admin.goto(`${rig.base}/gop-y-tiep-nhan?dot=DH14&don-vi=${commune}`);
    const adminLetter = admin.getByTestId(`recent-item-${letterRow!.id}`);
    await expect.poll(() => adminLetter.textContent()).toContain('2 ý kiến');
    expect(await admin.getByText('Xem thông tin liên hệ').count()).toBe(0);
    expect(await admin.getByText('Đã xóa theo thời hạn lưu giữ').count()).toBe(0);
    expect(await contactStatus(admin, letterRow!.id)).toEqual({ status: 403, named: false });

    // An editor of another unit cannot pick the commune, and neither the list nor the contact is shown to them.
    const other = await rig.context.newPage();
    await other.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, other, 'bientap.vhttdl', demoPassword);
    await other.waitForURL(/\/trang-chu/);
    await other.goto(`${rig.base}/gop-y-tiep-nhan?dot=DH14&don-vi=${commune}`);
    await other.getByText('Chưa tải được dữ liệu').waitFor();
    expect(await other.getByTestId(`recent-item-${letterRow!.id}`).count()).toBe(0);
    expect(await other.getByText('Xem thông tin liên hệ').count()).toBe(0);
    expect(await contactStatus(other, letterRow!.id)).toEqual({ status: 404, named: false });
  });
});
