import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Browser journey (issue 15): a scanned PDF uploaded for registration shows the OCR's progress while
 * it is read, then its page images beside the fields (above them on a phone), and saves with its file.
 */
describe.skipIf(!haveChromium)('a scanned directive in the browser', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startBrowserRig();
  });
  afterAll(async () => {
    await rig?.close();
  });

  it('uploads scanned seed 004, sees the OCR progress, the page images beside the fields, and saves it', async () => {
    const scan = path.resolve(import.meta.dirname, '../fixtures/directives/scanned/004_a0fd7ee58ac0dcea.pdf');
    const page = await rig.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await logInThroughPage(rig, page, 'quantri.laichau', demoPassword);
    await page.waitForURL(/\/trang-chu/);

    await page.goto(rig.base + '/van-ban/dang-ky');
    await page.getByText('Tải tệp lên').click();
    await page.locator('input[type=file]').setInputFiles(scan);
    await page.getByTestId('directive-parse').click();
    const progress = page.getByTestId('directive-parse-progress');
    await expect.poll(() => progress.textContent(), { timeout: 30_000, interval: 100 }).toMatch(/Đang nhận dạng chữ bản scan: trang [12]\/2…/);

    const images = page.getByTestId('directive-scan-pages').locator('img');
    await expect.poll(() => images.count(), { timeout: 60_000 }).toBe(2);
    const form = page.getByTestId('directive-form');
    await expect.poll(async () => (await form.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).join('|')).toContain('-CV/ĐU');
    const [imageBox, formBox] = [await images.first().boundingBox(), await form.boundingBox()];
    expect(imageBox!.x + imageBox!.width).toBeLessThanOrEqual(formBox!.x); // beside the fields
    await page.screenshot({ path: path.join(screenshots, 'directive-scan-review.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    const [phoneImage, phoneForm] = [await images.first().boundingBox(), await form.boundingBox()];
    expect(phoneImage!.y + phoneImage!.height).toBeLessThanOrEqual(phoneForm!.y); // above them on a phone
    await page.screenshot({ path: path.join(screenshots, 'directive-scan-review-phone.png'), fullPage: true });

    await page.getByTestId('directive-save').click();
    await page.waitForURL(/\/van-ban\/\d+$/);
    const id = new URL(page.url()).pathname.split('/').at(-1);
    const file = await page.request.get(`${rig.base}/api/v1/directives/${id}/file`);
    expect(file.status()).toBe(200);
    expect((await file.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  }, 180_000);
});
