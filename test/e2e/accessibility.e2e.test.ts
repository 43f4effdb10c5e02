import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { loadCampaignsDemo } from '../../src/modules/campaigns/demo/load-demo.js';
import { loadConsultationDemo } from '../../src/modules/consultation/load-demo.js';
import { loadDirectivesDemo } from '../../src/modules/directives/load-demo.js';
import { startDraft } from '../../src/modules/directives/drafts.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { runAxe, settle, type AxeFinding } from '../support/axe.js';
import { buildDemoViewsCampaign } from '../support/campaign-fixtures.js';
import { haveChromium, logInThroughPage, screenshots, startBrowserRig, type BrowserRig } from '../support/browser.js';
import { defineAccessibilityRegime } from '../support/report-fixtures.js';
import { defineE2EContest, E2E_CONTEST } from '../support/contest-web-fixtures.js';

/**
 * Accessibility (issue 11, item 9): axe-core (WCAG 2.1 A/AA and best practices) on every page, at
 * 1280 px and 390 px, as each demo account, and on the login page and the public form. No critical or
 * serious violation is allowed, nor the moderate ones that break the page's outline (no `h1`, no
 * `<main>`, content outside landmarks); each page also has its own title and a skip link.
 * One browser; each page is loaded once and checked at both widths by resizing it.
 */
const WIDTHS = [1280, 390] as const;
/** Moderate rules held to the same bar as serious ones: one h1, one main, everything in a landmark. */
const REQUIRED_RULES = new Set(['page-has-heading-one', 'landmark-one-main', 'landmark-no-duplicate-main', 'region', 'skip-link']);
/** A field's error message: antd's, or that of the plain forms of the login page and the public form (src/web/components/plain). */
const FIELD_ERROR = '.ant-form-item-explain-error, .lt-field-error';
const blocking = (f: AxeFinding) => f.impact === 'critical' || f.impact === 'serious' || REQUIRED_RULES.has(f.rule);

/** The demo's signed-in pages; `:d` is a directive the account's units see, `:draft` a draft, `:c` a campaign every account sees. */
const SIGNED_IN_PAGES = ['/trang-chu', '/don-vi', '/van-ban', '/van-ban/dang-ky', '/van-ban/:d', '/van-ban/:d/chuoi', '/du-thao', '/du-thao/:draft', '/dot-lay-y-kien', '/dot-lay-y-kien/moi', '/dot-lay-y-kien/DH14', '/dot-lay-y-kien/DH14/in', '/gop-y-tong-hop', '/gop-y-tiep-nhan', '/tai-khoan', '/nhat-ky', '/ca-nhan', '/ke-hoach/:c', '/viec-can-lam'];
/** The campaign pages to create and act (issue 12): `:task` is a task of the demo plans the account sees. */
const CAMPAIGN_PAGES = ['/ke-hoach', '/ke-hoach/moi', '/ke-hoach/moi?vanBan=:d', '/nhiem-vu/:task'];
/** The periodic report pages (issue 13): `:regime` a weekly regime of Lai Châu's party cells, `:closing` its current period, `:unit` the account's report unit. */
const REPORT_PAGES = ['/bao-cao', '/bao-cao/che-do/moi', '/bao-cao/che-do/:regime', '/bao-cao/che-do/:regime/ky/:closing/don-vi/:unit'];
/** The contest pages (issue 14) for the accounts that see the test contest (organised by LCU-TU): `:contest` its id. */
const CONTEST_PAGES = ['/cuoc-thi', '/cuoc-thi/moi', '/cuoc-thi/:contest', '/cuoc-thi/:contest/sua', '/cuoc-thi/:contest/cau-hoi', '/cuoc-thi/:contest/vong/1', '/cuoc-thi/:contest/tham-gia'];
/** The public contest pages (no login), phone first. */
const PUBLIC_CONTEST_PAGES = [`/thi/${E2E_CONTEST}`, `/thi/${E2E_CONTEST}/vong/1`, `/thi/${E2E_CONTEST}/on-tap`];
/** Each demo account, the unit owning a directive it may read, the unit of a task it sees, the unit whose periodic report it opens. */
const ACCOUNTS = [
  { username: 'admin', directiveOwner: 'LCU-DU-UBND', taskUnit: 'LCU-X-TAMDUONG', reportUnit: 'LCU-CB-SVHTTDL', contests: true },
  { username: 'quantri.laichau', directiveOwner: 'LCU-DU-UBND', taskUnit: 'LCU-X-TAMDUONG', reportUnit: 'LCU-DU-UBND', contests: true },
  { username: 'bientap.vhttdl', directiveOwner: 'LCU-SVHTTDL', taskUnit: 'LCU-SVHTTDL', reportUnit: 'LCU-SVHTTDL' },
  { username: 'xem.laocai', directiveOwner: 'LCA-SVHTTDL', taskUnit: 'LCA-P-LAOCAI', reportUnit: 'LCA-TU' },
];

describe.skipIf(!haveChromium)('accessibility of every page (axe-core)', () => {
  let rig: BrowserRig;
  let draftId: number;
  let campaignId: number;
  const directiveOf = new Map<string, number>();
  const taskOf = new Map<string, number>();
  const unitOf = new Map<string, number>();
  let regimeId: number;
  let closing: string;
  let contestId: number;
  const all: AxeFinding[] = [];
  beforeAll(async () => {
    rig = await startBrowserRig();
    await loadDirectivesDemo(rig.db);
    await loadConsultationDemo(rig.db);
    const rows = (await rig.db.execute<{ code: string; id: number }>(sql`select u.code, min(d.id)::int as id from directives d join units u on u.id = d.owner_unit_id group by u.code`)).rows;
    for (const r of rows) directiveOf.set(r.code, r.id);
    const unitId = (await rig.db.execute<{ id: number }>(sql`select id from units where code = 'LCU-CB-SVHTTDL'`)).rows[0]!.id;
    campaignId = (await buildDemoViewsCampaign(rig.db)).id;
    draftId = (await startDraft(rig.db, { actor: cliActor(), directiveId: directiveOf.get('LCU-DU-UBND')!, unitId })).id;
    await loadCampaignsDemo(rig.db);
    const tasks = (await rig.db.execute<{ code: string; id: number }>(sql`select u.code, min(t.id)::int as id from campaign_tasks t join units u on u.id = t.unit_id group by u.code`)).rows;
    for (const t of tasks) taskOf.set(t.code, t.id);
    const regime = await defineAccessibilityRegime(rig.db);
    regimeId = regime.id;
    closing = regime.closing;
    const units = (await rig.db.execute<{ code: string; id: number }>(sql`select code, id from units where code in ('LCU-CB-SVHTTDL', 'LCU-DU-UBND', 'LCU-SVHTTDL', 'LCA-TU')`)).rows;
    for (const u of units) unitOf.set(u.code, u.id);
    contestId = (await defineE2EContest(rig.db)).id;
  });
  afterAll(async () => {
    // Every finding (blocking or not), for whoever improves the pages next.
    if (all.length > 0) await writeFile(path.join(screenshots, 'axe-findings.json'), JSON.stringify(all, null, 1));
    await rig?.close();
  });

  /** The page's outline: one h1, one main, a title of its own, a skip link to the main content first in the tab order, menu entries that are links. */
  async function outline(page: Page) {
    return page.evaluate(() => {
      const first = document.querySelector<HTMLElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
      const target = first instanceof HTMLAnchorElement && first.hash ? document.getElementById(first.hash.slice(1)) : null;
      const items = document.querySelectorAll('nav [role="menuitem"]').length;
      const navLinks = items > 0 && document.querySelectorAll('nav [role="menuitem"] a[href]').length === items;
      return { h1: document.querySelectorAll('h1').length, main: document.querySelectorAll('main, [role="main"]').length, title: document.title, skipLink: target !== null && target.closest('main, [role="main"]') !== null, navLinks };
    });
  }

  /** What the outline misses, as findings of our own rules (`outline-…`, always blocking); `nav`: the page has the menu to skip. */
  function outlineFindings(o: Awaited<ReturnType<typeof outline>>, label: string, nav: boolean): AxeFinding[] {
    const missing = [
      o.h1 !== 1 && `outline-h1 (${o.h1} h1)`,
      o.main !== 1 && `outline-main (${o.main} main)`,
      nav && !o.skipLink && 'outline-skip-link',
      nav && !o.navLinks && 'outline-nav-links',
      !/^\S.* — Lan Tỏa$/u.test(o.title) && `outline-title ("${o.title}")`,
    ].filter((m): m is string => typeof m === 'string');
    return missing.map((rule) => ({ page: label, rule, impact: 'serious', nodes: 1, targets: [] }));
  }

  /** Checks the page now open at both widths; returns the blocking findings. */
  async function check(page: Page, label: string, nav = true): Promise<AxeFinding[]> {
    const found: AxeFinding[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await settle(page);
      found.push(...(await runAxe(page, `${label} @${width}`)));
      if (width === WIDTHS[0]) found.push(...outlineFindings(await outline(page), `${label} @${width}`, nav));
    }
    all.push(...found);
    return found.filter(blocking);
  }

  /** Opens a page afresh and waits for its main content and heading (a page without one is reported, not waited on). */
  async function open(page: Page, url: string): Promise<void> {
    await page.goto(rig.base + url);
    await page.locator('main').first().waitFor();
    await page.locator('h1').first().waitFor({ timeout: 5_000 }).catch(() => undefined);
  }

  /** After a failed submit: the live region says how many errors, and the focus is in a field in error (`id` when known). */
  async function expectErrorsAnnounced(page: Page, id: string | null): Promise<void> {
    const errors = await page.locator(FIELD_ERROR).count();
    await expect.poll(() => page.getByTestId('error-announcer').textContent()).toBe(`Biểu mẫu có ${errors} lỗi cần sửa.`);
    expect(await page.getByTestId('error-announcer').getAttribute('aria-live')).toBe('assertive');
    const focused = await page.evaluate(() => ({ id: document.activeElement?.id || document.activeElement?.outerHTML.slice(0, 120) || '', invalid: document.activeElement?.closest('.ant-form-item-has-error, .lt-field-invalid') ? 'true' : '' }));
    expect(focused.invalid, `${id ?? "public form"}: focus on "${focused.id}"`).toBe('true');
    if (id !== null) expect(focused.id).toBe(id);
  }

  const report = (found: AxeFinding[]) => found.map((f) => `${f.page}: ${f.rule} (${f.impact}) ×${f.nodes} ${f.targets.join(' ')}`).join('\n');

  it('the login page and the public form have no blocking violation', async () => {
    const page = await rig.context.newPage();
    await page.goto(rig.base + '/dang-nhap');
    await page.getByRole('button', { name: /Đăng nhập/ }).waitFor();
    const found = await check(page, '/dang-nhap', false);
    // An attempt with nothing typed: the errors are shown (and must be readable) too, announced, and the focus is on the first.
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.locator(FIELD_ERROR).first().waitFor();
    await expectErrorsAnnounced(page, 'username');
    found.push(...(await check(page, '/dang-nhap (errors)', false)));
    await page.goto(rig.base + '/gop-y/DH14');
    await page.getByTestId('public-form').waitFor();
    found.push(...(await check(page, '/gop-y/DH14', false)));
    // The required "Đơn vị tiếp nhận" (a custom select) is named by its label; a submit with nothing chosen focuses the first error.
    expect(await page.getByRole('combobox', { name: 'Đơn vị tiếp nhận' }).count()).toBe(1);
    await page.getByTestId('public-submit').click();
    await page.locator(FIELD_ERROR).first().waitFor();
    await expectErrorsAnnounced(page, null);
    found.push(...(await check(page, '/gop-y/DH14 (errors)', false)));
    for (const url of PUBLIC_CONTEST_PAGES) {
      await open(page, url);
      found.push(...(await check(page, url, false)));
    }
    // The registration's errors, announced, the focus on the first field in error.
    await open(page, PUBLIC_CONTEST_PAGES[0]!);
    await page.getByTestId('reg-submit').click();
    await page.locator(FIELD_ERROR).first().waitFor();
    await expectErrorsAnnounced(page, 'name');
    found.push(...(await check(page, `${PUBLIC_CONTEST_PAGES[0]} (errors)`, false)));
    await page.close();
    expect(report(found)).toBe('');
  });

  for (const account of ACCOUNTS) {
    it(`every page as ${account.username} has no blocking violation`, async () => {
      const page = await rig.context.newPage();
      await page.setViewportSize({ width: WIDTHS[0], height: 900 });
      await logInThroughPage(rig, page, account.username, demoPassword);
      await page.waitForURL(/\/trang-chu$/);
      const found: AxeFinding[] = [];
      for (const template of [...SIGNED_IN_PAGES, ...CAMPAIGN_PAGES, ...REPORT_PAGES, ...('contests' in account ? CONTEST_PAGES : ['/cuoc-thi'])]) {
        const url = template
          .replace(':contest', String(contestId))
          .replace(':regime', String(regimeId))
          .replace(':closing', closing)
          .replace(':unit', String(unitOf.get(account.reportUnit))).replace(':c', String(campaignId)).replace(':draft', String(draftId)).replace(':d', String(directiveOf.get(account.directiveOwner))).replace(':task', String(taskOf.get(account.taskUnit)));
        await open(page, url);
        found.push(...(await check(page, `${url} as ${account.username}`)));
      }
      await page.close();
      expect(report(found)).toBe('');
    });
  }
});
