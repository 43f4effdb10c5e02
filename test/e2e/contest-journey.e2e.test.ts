import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { parseConfig } from '../../src/platform/config/config.js';
import { startJobRunner, type JobRunner } from '../../src/platform/jobs/index.js';
import { backgroundWork } from '../../src/server/background-work.js';
import { waitUntil } from '../support/wait.js';
import { haveChromium, logInThroughPage, pickOption, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';
import { defineE2EContest, E2E_CONTEST, e2eQuestions } from '../support/contest-web-fixtures.js';

/**
 * Browser journey of a quiz contest (issue 14, item 11): on a 390 px page a person registers, starts
 * an attempt, answers some questions, RELOADS, continues with the same questions and the same server
 * clock, answers the rest and submits; no answer the browser received during the attempt holds the
 * key. The round's closing instant is then moved into the past, and the organiser (demo account
 * quantri.laichau) closes it, confirms the results, and the public winners page and the unit
 * participation show the person.
 */
const PERSON = 'Lò Thị Dự Thi';

/** Clicks the options that answer the question shown in `card` (its text names the question); `wrong` picks a wrong one. */
async function answer(page: Page, position: number, wrong = false): Promise<void> {
  const card = page.getByTestId(`question-${position}`);
  const text = (await card.locator('legend').textContent()) ?? '';
  const q = e2eQuestions.find((x) => text.includes(x.text));
  if (!q) throw new Error(`unknown question: ${text}`);
  const picks = wrong ? [q.options.findIndex((_, i) => !q.correct.includes(i))] : q.correct;
  for (const i of picks) await card.locator('label').filter({ hasText: q.options[i]! }).click();
  await expect.poll(() => page.getByTestId(`save-${position}`).textContent()).toBe('Đã lưu');
}

const clockSeconds = async (page: Page) => {
  const [m, s] = ((await page.getByTestId('attempt-clock').textContent()) ?? '0:0').split(':').map(Number);
  return m! * 60 + s!;
};

describe.skipIf(!haveChromium)('contest journey in the browser', () => {
  let rig: BrowserRig;
  let contestId: number;
  let runner: JobRunner | undefined;

  beforeAll(async () => {
    rig = await startBrowserRig();
    contestId = (await defineE2EContest(rig.db)).id;
  });
  afterAll(async () => {
    await runner?.stop();
    await rig?.close();
  });

  async function takePart(phone: Page, bodies: string[]): Promise<string[]> {
    await phone.goto(`${rig.base}/thi/${E2E_CONTEST}`);
    await phone.getByTestId('registration').waitFor();
    await phone.screenshot({ path: path.join(screenshots, 'contest-home-390.png'), fullPage: true });
    await phone.getByTestId('reg-name').fill(PERSON);
    await phone.getByTestId('reg-phone').fill('0912 345 678');
    await phone.getByTestId('unit-search').fill('tam duong');
    await expect.poll(() => phone.getByTestId('unit-select').locator('option').filter({ hasText: 'Xã Tam Đường' }).count()).toBeGreaterThan(0);
    await pickOption(phone, 'unit-select', 'Xã Tam Đường');
    await pickOption(phone, 'reg-group', 'Đảng viên');
    await phone.getByTestId('reg-consent').check();
    await phone.getByTestId('reg-submit').click();
    await expect.poll(() => phone.getByTestId('participant').textContent()).toContain(PERSON);
    await phone.getByTestId('enter-1').click();
    await phone.getByTestId('attempt-begin').click();
    await phone.getByTestId('attempt').waitFor();
    const texts = await phone.locator('[data-testid^="question-"] legend').allTextContents();
    expect(texts).toHaveLength(5);
    await answer(phone, 0);
    await answer(phone, 1, true);
    expect(bodies.length).toBeGreaterThan(0);
    return texts;
  }

  it('register, answer, reload and continue, submit on a phone; the organiser closes the round and sees the winners and the participation', async () => {
    const phone = await rig.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    const bodies: string[] = [];
    phone.on('response', (r) => {
      if (r.url().includes('/api/v1/public/')) void r.text().then((t) => bodies.push(t)).catch(() => undefined);
    });
    const texts = await takePart(phone, bodies);
    const before = await clockSeconds(phone);
    expect(before).toBeGreaterThan(500);
    expect(before).toBeLessThanOrEqual(600);
    await phone.screenshot({ path: path.join(screenshots, 'contest-attempt-390.png'), fullPage: true });

    // A reload continues the same attempt: the same questions, the answers saved, the server's clock (not a new 10 minutes).
    await phone.reload();
    await phone.getByTestId('attempt').waitFor();
    expect(await phone.locator('[data-testid^="question-"] legend').allTextContents()).toEqual(texts);
    expect(await phone.getByTestId('question-0').locator('input:checked').count()).toBeGreaterThan(0);
    expect(await phone.getByTestId('save-0').textContent()).toBe('Đã lưu');
    const after = await clockSeconds(phone);
    expect(after).toBeLessThanOrEqual(before);
    expect(after).toBeGreaterThan(before - 60);

    for (const position of [2, 3, 4]) await answer(phone, position);
    await phone.getByTestId('prediction').fill('3');
    await phone.getByTestId('submit').click();
    await phone.getByTestId('submit-yes').click();
    await expect.poll(() => phone.getByTestId('attempt-score').textContent()).toBe('4/5 câu đúng');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await phone.screenshot({ path: path.join(screenshots, 'contest-result-390.png'), fullPage: true });
    // Nothing the page received during the attempt holds the key or the explanations.
    for (const body of bodies) {
      expect(body).not.toMatch(/"correct"|"explanation"|correctPositions/);
      expect(body).not.toContain('Giải thích của câu');
    }

    runner = await startJobRunner(rig.db, { ...backgroundWork(parseConfig({ LANTOA_LOG_LEVEL: 'silent' })), jobs: [], pollMs: 50, onError: () => undefined });
    // The round's closing instant is now past (the closing computation may run once closesAt + grace has passed).
    await rig.db.execute(sql`update contest_rounds set closes_at = now() - interval '1 minute' where contest_id = ${contestId} and number = 1`);
    const organiser = await rig.context.newPage();
    await organiser.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, organiser, 'quantri.laichau', demoPassword);
    await organiser.waitForURL(/\/trang-chu/);
    await organiser.goto(`${rig.base}/cuoc-thi`);
    await organiser.getByTestId('contest-row').filter({ hasText: 'Cuộc thi thử' }).click();
    await organiser.getByTestId('round-link-1').click();
    await organiser.getByTestId('round-close').click();
    await organiser.getByRole('button', { name: 'Tính kết quả', exact: true }).click();
    await expect.poll(() => organiser.getByTestId('round-results').textContent()).toContain(PERSON);
    expect(await organiser.getByTestId('round-figures').textContent()).toMatch(/Số người\s*1/);
    // The suspicious patterns are computed off the hot path (event contest-round.closed): the results are confirmed after.
    await waitUntil(async () => (await rig.db.execute<{ done: boolean }>(sql`select flags_computed_at is not null as done from contest_rounds where contest_id = ${contestId} and number = 1`)).rows[0]?.done === true);
    await organiser.reload();
    await organiser.getByTestId('round-confirm').click();
    await organiser.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await expect.poll(() => organiser.getByTestId('round-confirm').count()).toBe(0);
    await organiser.screenshot({ path: path.join(screenshots, 'contest-round-1280.png'), fullPage: true });

    await phone.goto(`${rig.base}/thi/${E2E_CONTEST}/vong/1/ket-qua`);
    await expect.poll(() => phone.getByTestId('winners-table').textContent()).toContain(PERSON);
    expect(await phone.getByTestId('winners-table').textContent()).toContain('0912***678');
    expect(await phone.getByTestId('winners-facts').textContent()).toMatch(/Số người dự thi\s*1/);
    await expect.poll(() => phone.getByTestId('my-rank').textContent()).toBe('Bạn xếp hạng 1/1.');
    await phone.screenshot({ path: path.join(screenshots, 'contest-winners-390.png'), fullPage: true });
    await phone.setViewportSize({ width: 1280, height: 900 });
    await phone.screenshot({ path: path.join(screenshots, 'contest-winners-1280.png'), fullPage: true });

    await organiser.goto(`${rig.base}/cuoc-thi/${contestId}/tham-gia`);
    const table = organiser.getByTestId('participation-table');
    await expect.poll(() => table.textContent()).toContain('Tỉnh ủy Lai Châu');
    const root = table.locator('tr.ant-table-row').filter({ hasText: 'Tỉnh ủy Lai Châu' }).first();
    await expect.poll(() => root.locator('td').nth(1).textContent()).toBe('1');
    await organiser.getByTestId('participation-chart').waitFor();
    await organiser.screenshot({ path: path.join(screenshots, 'contest-participation-1280.png'), fullPage: true });
    await organiser.setViewportSize({ width: 390, height: 844 });
    await organiser.screenshot({ path: path.join(screenshots, 'contest-participation-390.png'), fullPage: true });

    // The bank: the eight questions, and an import with a bad row lists the row's line (nothing saved).
    await organiser.setViewportSize({ width: 1280, height: 900 });
    await organiser.goto(`${rig.base}/cuoc-thi/${contestId}/cau-hoi`);
    await expect.poll(() => organiser.getByTestId('question-table').locator('tr.ant-table-row').count()).toBe(8);
    const csv = 'question,option_a,option_b,option_c,option_d,option_e,option_f,correct,topic,difficulty,source\nCâu hỏi đúng?,Có,Không,,,,,A,Đại hội,easy,Văn kiện\nCâu hỏi thiếu phương án?,Có,,,,,,A,Đại hội,easy,Văn kiện\n';
    await organiser.getByTestId('question-import').locator('input[type=file]').setInputFiles({ name: 'cau-hoi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => organiser.getByTestId('question-import-rejected').textContent()).toContain('3');
    expect(await organiser.getByTestId('question-table').locator('tr.ant-table-row').count()).toBe(8);
    await organiser.screenshot({ path: path.join(screenshots, 'contest-bank-1280.png'), fullPage: true });
  });
});
