import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser bundle, injected into a page with `evaluate` (the app's CSP forbids inline scripts, CDP evaluation is not one). */
const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** One failing check of one page: the rule, its impact and how many elements fail it (with the first few selectors). */
export interface AxeFinding {
  page: string;
  rule: string;
  impact: string;
  nodes: number;
  targets: string[];
  /** The first failing element's markup, shortened. */
  html?: string;
}

/** WCAG 2.0/2.1 A and AA, plus axe's best practices (headings, landmarks, skip links). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/**
 * Runs axe-core on the page as it is now and returns its violations. `label` names the page in the
 * findings (path, account, width).
 */
export async function runAxe(page: Page, label: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[]; html: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', targets: v.nodes.map((n) => JSON.stringify(n.target)), html: v.nodes[0]?.html.slice(0, 300) }));
  }, TAGS);
  return violations.map((v) => ({ page: label, rule: v.id, impact: v.impact, nodes: v.targets.length, targets: v.targets.slice(0, 3), html: v.html }));
}

/** Waits until the page has settled: no spinner or skeleton, antd's motions over. */
export async function settle(page: Page): Promise<void> {
  await page.locator('.ant-spin-spinning, .ant-skeleton-active, .lt-spin').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  await page.waitForTimeout(150);
}
