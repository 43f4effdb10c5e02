/**
 * The first visit on a throttled phone: Chromium (playwright-core, Debian's chromium as in
 * test/support/browser.ts) at 390×844 with 4× CPU throttling and a 1.6 Mbps / 150 ms network
 * (CDP Emulation.setCPUThrottlingRate, Network.emulateNetworkConditions), a fresh browser context
 * per run (cold cache), measuring the largest contentful paint (PerformanceObserver
 * 'largest-contentful-paint') of the login page, the public form and the consultation report page
 * (signed in). The server runs in this process on a throw-away database with the demo workspace.
 * Targets (issue 11, item 9): median LCP under 2.5 s for the login page and the public form, under
 * 4 s for the report page. Exit 1 if a target is missed.
 *
 *   npm run bench:phone
 *   RUNS=7 npm run bench:phone                          (runs per page; default 5)
 *   WEB_ROOT=/tmp/old-build npm run bench:phone         (another build of the web app; default dist/web)
 *   TIMELINE=1 npm run bench:phone                      (also print each request of the last run: start, end, kB)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseConfig } from '../src/platform/config/config.js';
import { buildApp, defaultWebRoot, type App } from '../src/server/app.js';
import { loadDemoWorkspace } from '../src/server/demo.js';
import { logMachine, loadAverage, openBenchDatabase, percentile } from './harness.js';

const RUNS = Number(process.env.RUNS ?? 5);
const TIMELINE = process.env.TIMELINE === '1';
const webRoot = path.resolve(process.env.WEB_ROOT ?? defaultWebRoot);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (m: string) => process.stdout.write(m + '\n');

/** Lighthouse's "slow 4G" figures, as the issue states them. */
const network = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8, connectionType: 'cellular4g' as const };
const cpuSlowdown = 4;
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' };
const browserArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Target {
  name: string;
  path: string;
  /** What shows that the page has its main content. */
  ready: (page: Page) => Promise<unknown>;
  signedIn: boolean;
  targetMs: number;
}

const targets: Target[] = [
  { name: 'Đăng nhập (/dang-nhap)', path: '/dang-nhap', ready: (p) => p.getByLabel('Tên đăng nhập').waitFor(), signedIn: false, targetMs: 2_500 },
  { name: 'Phiếu góp ý công khai (/gop-y/DH14)', path: '/gop-y/DH14', ready: (p) => p.getByTestId('public-submit').waitFor(), signedIn: false, targetMs: 2_500 },
  { name: 'Tổng hợp góp ý (/gop-y-tong-hop?dot=DH14), đã đăng nhập', path: '/gop-y-tong-hop?dot=DH14', ready: (p) => p.getByTestId('report-kpis').waitFor(), signedIn: true, targetMs: 4_000 },
];

interface Run {
  lcpMs: number;
  element: string;
  jsBytes: number;
  jsFiles: number;
  timeline: string[];
}

/** Records every largest-contentful-paint candidate; the last one is the page's LCP. */
function observeLcp() {
  const w = window as unknown as { __lcp?: { time: number; element: string } };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
      const el = entry.element;
      w.__lcp = { time: entry.startTime, element: el ? `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"` : '?' };
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

/** The session cookie of a real login through the API (the page then opens signed in, cache still cold). */
async function sessionCookie(base: string): Promise<{ name: string; value: string; url: string }> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'quantri.laichau', password: 'LanToa@2026' }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  const [pair = ''] = (response.headers.get('set-cookie') ?? '').split(';');
  const [name = '', ...value] = pair.split('=');
  return { name, value: value.join('='), url: base };
}

async function measureOnce(browser: Browser, base: string, target: Target): Promise<Run> {
  const context = await browser.newContext(phone);
  try {
    if (target.signedIn) await context.addCookies([await sessionCookie(base)]);
    await context.addInitScript(observeLcp);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const scripts = new Set<string>();
    const started = new Map<string, { url: string; at: number }>();
    const timeline: string[] = [];
    let jsBytes = 0;
    cdp.on('Network.requestWillBeSent', (e) => started.set(e.requestId, { url: e.request.url.replace(base, ''), at: e.timestamp }));
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scripts.add(e.requestId);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (scripts.has(e.requestId)) jsBytes += e.encodedDataLength;
      const start = started.get(e.requestId);
      if (start) timeline.push(`${start.url} ${(e.encodedDataLength / 1024).toFixed(1)} kB: ${start.at.toFixed(3)} → ${e.timestamp.toFixed(3)}`);
    });
    await page.goto(base + target.path, { waitUntil: 'load', timeout: 120_000 });
    await target.ready(page);
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    await page.waitForTimeout(300);
    const lcp = await page.evaluate(() => (window as unknown as { __lcp?: { time: number; element: string } }).__lcp);
    if (!lcp) throw new Error(`no largest-contentful-paint entry on ${target.path}`);
    return { lcpMs: lcp.time, element: lcp.element, jsBytes, jsFiles: scripts.size, timeline };
  } finally {
    await context.close();
  }
}

function summarize(target: Target, runs: Run[]): { line: string; met: boolean } {
  const lcps = runs.map((r) => r.lcpMs).sort((a, b) => a - b);
  const median = percentile(lcps, 50);
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const last = runs[runs.length - 1];
  const kB = ((last?.jsBytes ?? 0) / 1024).toFixed(0);
  const met = median < target.targetMs;
  const line = `| ${target.name} | < ${s(target.targetMs)} s | ${runs.length} | **${s(median)}** | ${s(lcps[0] ?? NaN)} | ${s(lcps[lcps.length - 1] ?? NaN)} | ${kB} | ${last?.jsFiles ?? 0} | ${last?.element ?? ''} | ${met ? 'yes' : 'NO'} |`;
  return { line, met };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(webRoot, 'index.html'))) throw new Error(`no web app at ${webRoot}: run \`npm run build:web\``);
  logMachine(log);
  log(`Web app: ${webRoot}`);
  log(`Phone: ${phone.viewport.width}×${phone.viewport.height}, CPU ${cpuSlowdown}× slower, network 1.6 Mbps down / 750 kbps up, ${network.latency} ms latency; ${RUNS} cold runs per page`);
  const bench = await openBenchDatabase(log);
  let app: App | null = null;
  let browser: Browser | null = null;
  try {
    await loadDemoWorkspace(bench.database.db);
    app = await buildApp({ db: bench.database.db, config: parseConfig({ LANTOA_LOG_LEVEL: 'silent' }), logger: false, webRoot });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: browserArgs });
    log('');
    log('| Page | Target (median LCP) | Runs | Median s | Min s | Max s | JS transferred kB | JS files | LCP element | Met |');
    log('|---|---|---:|---:|---:|---:|---:|---:|---|---|');
    let allMet = true;
    for (const target of targets) {
      await measureOnce(browser, base, target); // warm-up of the server and of Chromium itself, not counted
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(browser, base, target));
      const { line, met } = summarize(target, runs);
      allMet &&= met;
      log(line);
      if (TIMELINE) for (const entry of runs[runs.length - 1]?.timeline ?? []) log(`    ${entry}`);
    }
    log('');
    log(`Load average at end (1/5/15 min): ${loadAverage()}`);
    log(allMet ? 'All targets met.' : 'A target was missed.');
    process.exitCode = allMet ? 0 : 1;
  } finally {
    await browser?.close();
    await app?.close();
    await bench.close();
  }
}

await main();
