import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { loadCampaignsDemo } from '../../src/modules/campaigns/demo/load-demo.js';
import { loadDirectivesDemo } from '../../src/modules/directives/load-demo.js';
import { createUser } from '../../src/modules/org/create-user.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { grantRole } from '../../src/modules/org/grant-role.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/** A 1×1 PNG: the photo a commune's editor takes of its display. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const COMMUNES = ['Phường Tân Phong', 'Phường Đoàn Kết', 'Xã Tam Đường', 'Xã Sìn Hồ', 'Xã Phong Thổ'];

/**
 * Browser journey of issue 12 (item 11): the province (Lai Châu's demo administrator) opens seed 003,
 * "Lập kế hoạch từ văn bản", confirms the proposed plan without retyping it and every commune gets its
 * task; Xã Tam Đường's editor records an activity with a photo and marks the task done; the province
 * sees the commune done and the quantities added up.
 */
describe.skipIf(!haveChromium)('campaign journey in the browser', () => {
  let rig: BrowserRig;
  let seed003: number;
  /** The demo plans, loaded once by the first test that needs them. */
  let campaignsDemo: Promise<void> | null = null;
  const withCampaignsDemo = () => (campaignsDemo ??= loadCampaignsDemo(rig.db));
  beforeAll(async () => {
    rig = await startBrowserRig();
    await loadDirectivesDemo(rig.db);
    const q = async (query: ReturnType<typeof sql>) => (await rig.db.execute<{ id: number }>(query)).rows[0]!.id;
    seed003 = await q(sql`select d.id from directives d join units u on u.id = d.owner_unit_id where u.code = 'LCU-SVHTTDL'`);
    const commune = await q(sql`select id from units where code = 'LCU-X-TAMDUONG'`);
    const user = await createUser(rig.db, { actor: cliActor(), input: { username: 'bientap.tamduong', fullName: 'Lù Văn Đường', email: null, homeUnitId: commune, password: demoPassword } });
    await grantRole(rig.db, { actor: cliActor(), userId: user.id, role: 'editor', unitId: commune });
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('the province confirms seed 003 as proposed, a commune records an activity with a photo and closes its task, the province sees it', async () => {
    const page = await rig.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, page, 'quantri.laichau', demoPassword);
    await page.waitForURL(/\/trang-chu/);

    // From the directive's page: the proposal beside the text, the group expanded to the province's communes.
    await page.goto(`${rig.base}/van-ban/${seed003}`);
    await page.getByTestId('directive-make-campaign').click();
    await page.waitForURL(/\/ke-hoach\/moi\?vanBan=\d+$/);
    const text = page.getByTestId('campaign-text');
    await expect.poll(() => text.locator('mark').count(), { timeout: 20_000 }).toBeGreaterThan(10);
    await expect.poll(() => page.getByTestId('campaign-phases').locator('[data-field^="phase."]').count()).toBe(3);
    const matches = page.getByTestId('assignment-matches');
    await expect.poll(async () => (await matches.allTextContents()).join(' | ')).toContain('UBND các xã, phường → 5 đơn vị');
    // A click on a marked assignment in the text brings its row into view.
    await text.locator('mark[data-hl^="assignment."]').first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? '')).toMatch(/^assignment\.\d+$/);
    await page.screenshot({ path: path.join(screenshots, 'campaign-review-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(screenshots, 'campaign-review-390.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByTestId('campaign-confirm').click();
    await page.waitForURL(/\/ke-hoach\/\d+$/, { timeout: 20_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: path.join(screenshots, 'campaign-confirm-failed.png'), fullPage: true });
      throw error;
    });
    const campaignId = Number(new URL(page.url()).pathname.split('/').pop());
    const tasks = await rig.db.execute<{ id: number; unit: string }>(sql`select t.id, u.name as unit from campaign_tasks t join units u on u.id = t.unit_id where t.campaign_id = ${campaignId}`);
    for (const commune of COMMUNES) expect(tasks.rows.map((t) => t.unit), commune).toContain(commune);
    await page.goto(`${rig.base}/ke-hoach`);
    await expect.poll(() => page.getByTestId('campaign-row').first().textContent()).toContain(`${tasks.rows.length} nhiệm vụ`);

    // Xã Tam Đường's editor, on a phone: its task, an activity with a photo, then done.
    const taskId = tasks.rows.find((t) => t.unit === 'Xã Tam Đường')!.id;
    const phone = await rig.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await logInThroughPage(rig, phone, 'bientap.tamduong', demoPassword);
    await phone.waitForURL(/\/trang-chu/);
    await phone.goto(`${rig.base}/nhiem-vu/${taskId}`);
    await phone.getByTestId('activity-form').waitFor();
    expect(await phone.locator('input[type=file]').getAttribute('accept')).toBe('image/*,.pdf,.docx');
    await phone.getByTestId('activity-title').fill('Treo băng rôn chào mừng Đại hội tại trung tâm xã');
    await phone.getByTestId('activity-quantity-displays').fill('12');
    await phone.getByTestId('activity-quantity-attendees').fill('150');
    await phone.locator('input[type=file]').setInputFiles({ name: 'bang-ron.png', mimeType: 'image/png', buffer: PHOTO });
    await phone.getByTestId('activity-save').click();
    const item = phone.getByTestId('activity-item');
    await expect.poll(() => item.first().textContent(), { timeout: 15_000 }).toContain('Treo băng rôn chào mừng Đại hội');
    await expect.poll(() => item.first().locator('img').count()).toBe(1);
    await expect.poll(() => item.first().getByTestId('activity-quantities').textContent()).toContain('Số pano, áp phích, băng rôn: 12');
    await phone.getByTestId('task-done-note').fill('Đã treo đủ băng rôn theo kế hoạch.');
    await phone.getByTestId('task-mark-done').click();
    await expect.poll(() => phone.getByTestId('task-status').textContent()).toBe('Đã hoàn thành');
    await phone.screenshot({ path: path.join(screenshots, 'campaign-task-390.png'), fullPage: true });
    await phone.close();

    // The province (signed in again: the commune's login took this browser's session) reads the commune's task: done, and what it did.
    await logInThroughPage(rig, page, 'quantri.laichau', demoPassword);
    await page.waitForURL(/\/trang-chu/);
    await page.goto(`${rig.base}/nhiem-vu/${taskId}`);
    await expect.poll(() => page.getByTestId('task-status').textContent()).toBe('Đã hoàn thành');
    await expect.poll(() => page.getByTestId('activity-quantities').first().textContent()).toContain('Số người dự: 150');
    expect(await page.getByRole('banner').textContent()).toContain('Nguyễn Văn Quản');
    await page.screenshot({ path: path.join(screenshots, 'campaign-task-1280.png'), fullPage: true });
    await page.goto(`${rig.base}/ke-hoach`);
    await expect.poll(() => page.getByTestId('campaign-row').first().getByTestId('campaign-counts').textContent()).toContain('1 đã hoàn thành');

    // The plan's page: the communes' assignment counts one done and adds up what was recorded; down the tree, Xã Tam Đường is done.
    await page.getByTestId('campaign-row').first().getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname === `/ke-hoach/${campaignId}`);
    // The one assignment with a task done is the communes' (5 units).
    const communesTask = page.getByTestId('progress-task').filter({ hasText: 'Đã hoàn thành: 1' });
    await expect.poll(() => communesTask.first().textContent(), { timeout: 15_000 }).toContain('Số đơn vị được giao: 5');
    await expect.poll(() => communesTask.first().getByTestId('progress-task-quantities').textContent()).toMatch(/Số pano, áp phích, băng rôn: 12.*Số người dự: 150|Số người dự: 150.*Số pano, áp phích, băng rôn: 12/);
    await page.getByTestId('grid-drill').filter({ hasText: /^Ủy ban nhân dân tỉnh Lai Châu/ }).click();
    const row = page.getByTestId('progress-grid').locator('tr').filter({ hasText: 'Xã Tam Đường' });
    await expect.poll(() => row.textContent()).toContain('Đã hoàn thành');
    await page.screenshot({ path: path.join(screenshots, 'campaign-journey-progress-1280.png'), fullPage: true });
    await page.close();
  });

  it('the home page lists the tasks of the demo plans that are due, and a link opens the task page', async () => {
    // The demo's plan asks the provincial portal for work already overdue; an editor of the portal signs in.
    await withCampaignsDemo();
    const portal = (await rig.db.execute<{ id: number }>(sql`select id from units where code = 'LCU-CTTDT'`)).rows[0]!.id;
    const user = await createUser(rig.db, { actor: cliActor(), input: { username: 'bientap.cttdt', fullName: 'Vàng Thị Cổng', email: null, homeUnitId: portal, password: demoPassword } });
    await grantRole(rig.db, { actor: cliActor(), userId: user.id, role: 'editor', unitId: portal });
    const page = await rig.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await logInThroughPage(rig, page, 'bientap.cttdt', demoPassword);
    await page.waitForURL(/\/trang-chu/);
    const links = page.getByTestId('home-item').locator('a[href^="/nhiem-vu/"]');
    await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const href = (await links.first().getAttribute('href'))!;
    await links.first().click();
    await page.waitForURL((url) => url.pathname === href);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Nhiệm vụ của Cổng Thông tin điện tử tỉnh Lai Châu');
    expect(await page.getByTestId('task-status').textContent()).toBe('Quá hạn');
    // Its editor may record what the portal did.
    await page.getByTestId('activity-form').waitFor();
    await page.close();
  });

  it('a department that received a task drafts its implementing plan in one step, the tasks of its children tied to the task it implements', async () => {
    const page = await rig.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await withCampaignsDemo();
    await logInThroughPage(rig, page, 'admin', demoPassword);
    await page.waitForURL(/\/trang-chu/);
    const received = (await rig.db.execute<{ id: number; campaign_id: number }>(sql`
      select t.id, t.campaign_id from campaign_tasks t join units u on u.id = t.unit_id join campaigns c on c.id = t.campaign_id
      where u.code = 'LCA-SVHTTDL' and c.parent_campaign_id is null order by t.id limit 1`)).rows[0]!;
    await page.goto(`${rig.base}/nhiem-vu/${received.id}`);
    await page.getByTestId('task-implementing-plan').click();
    await page.waitForURL(/\/ke-hoach\/moi\?tu=\d+&donVi=\d+$/);
    await expect.poll(() => page.getByLabel('Căn cứ (văn bản gốc)').inputValue(), { timeout: 15_000 }).toMatch(/^Thực hiện Kế hoạch số /);
    expect(await page.getByTestId('campaign-assignments').locator('[data-field^="assignment."]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshots, 'campaign-implementing-1280.png'), fullPage: true });
    await page.getByTestId('campaign-confirm').click();
    await page.waitForURL(/\/ke-hoach\/\d+$/, { timeout: 20_000 });
    const created = Number(new URL(page.url()).pathname.split('/').pop());
    const rows = (await rig.db.execute<{ parent_campaign_id: number; parent_task_id: number | null }>(sql`
      select c.parent_campaign_id, t.parent_task_id from campaigns c join campaign_tasks t on t.campaign_id = c.id where c.id = ${created}`)).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.parent_campaign_id === received.campaign_id && r.parent_task_id === received.id)).toBe(true);
    await page.close();
  });
});
