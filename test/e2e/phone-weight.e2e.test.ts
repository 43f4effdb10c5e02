import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { haveChromium, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';

/**
 * Issue 11, item 9: the JavaScript a phone downloads to show the login page and the public form,
 * counted as the gzip size (level 9) of every script the page requests, whatever encoding the
 * server chose. Before the split every page loaded React and the whole of antd: 475 KB gzip for
 * the login page; with antd split by route, 234 KB (login) and 314 KB (public form) — antd's Form
 * alone, with React, its router and react-query, weighs 208 KB gzip. The two pages are now plain
 * HTML forms without antd (about 119 KB and 130 KB): the budget of 200 KB holds each —
 * see README "Speed on a phone".
 */
const KB = 1024;
const loginBudget = 200 * KB;
const publicFormBudget = 200 * KB;

/** The gzip size of the scripts a cold visit of `url` requests, and their names. */
async function scriptWeight(page: Page, url: string, ready: () => Promise<unknown>): Promise<{ gzip: number; files: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const bodies: Promise<{ name: string; size: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const name = new URL(response.url()).pathname;
    bodies.push(response.body().then((body) => ({ name, size: zlib.gzipSync(body, { level: 9 }).length })));
  });
  await page.goto(url);
  await ready();
  await page.waitForLoadState('networkidle');
  const scripts = await Promise.all(bodies);
  return { gzip: scripts.reduce((sum, s) => sum + s.size, 0), files: scripts.map((s) => s.name) };
}

describe.skipIf(!haveChromium)('what a phone downloads for the first pages', () => {
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

  it('the login page loads no table, date picker, tree or upload code, within its budget', async () => {
    const page = await rig.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const weight = await scriptWeight(page, rig.base + '/dang-nhap', () => page.getByLabel('Tên đăng nhập').waitFor());
    await page.screenshot({ path: path.join(screenshots, 'login-390.png'), fullPage: true });
    expect.soft(weight.files.join(' ')).not.toMatch(/antd-|table|date-picker|tree|upload/i);
    expect(weight.gzip, `${(weight.gzip / KB).toFixed(0)} KB gzip: ${weight.files.join(', ')}`).toBeLessThanOrEqual(loginBudget);
    await page.close();
  });

  it('the public form loads within its budget', async () => {
    const page = await rig.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const weight = await scriptWeight(page, rig.base + '/gop-y/DH14', () => page.getByTestId('public-submit').waitFor());
    expect.soft(weight.files.join(' ')).not.toMatch(/antd-|table|date-picker|tree|upload/i);
    expect(weight.gzip, `${(weight.gzip / KB).toFixed(0)} KB gzip: ${weight.files.join(', ')}`).toBeLessThanOrEqual(publicFormBudget);
    await page.close();
  });
});
