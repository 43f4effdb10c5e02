/**
 * Scanned PDFs read back (issue 15): the four seeds as 200-dpi scans with noise and skew
 * (test/fixtures/directives/scanned, made by bench/scan-fixtures.ts) go through the real pipeline
 * (readDirectiveText: render, Tesseract, repair; then parseDirective) and eight fields of each are
 * scored against the hand-read values; then a 10-page scan is read and timed.
 * Targets: ≥ 90 % of the fields right, 10 pages in < 20 s. Exits 1 if either is missed.
 *
 *   flock /tmp/bench.lock npx tsx bench/ocr-scans.ts [--dump DIR]   (needs tesseract-ocr, tesseract-ocr-vie, poppler-utils)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDirective, readDirectiveText, toParseJson } from '../src/core/vn-document/index.js';
import { loadAverage } from './harness.js';
import { scoreFields, type ExpectedFields } from './scan-score.js';

const SCAN_DIR = path.resolve(import.meta.dirname, '../test/fixtures/directives/scanned');
const expected = (JSON.parse(readFileSync(path.join(SCAN_DIR, 'expected.json'), 'utf8')) as { seeds: Record<string, ExpectedFields> }).seeds;
const dumpAt = process.argv.indexOf('--dump');
const dumpDir = dumpAt > 0 ? process.argv[dumpAt + 1] : undefined;
const log = (s: string) => process.stdout.write(`${s}\n`);

log(`Scanned seeds read back — ${new Date().toISOString()} — ${os.cpus().length} cores, load ${loadAverage()}`);
let right = 0;
let total = 0;
for (const [seed, fields] of Object.entries(expected)) {
  const file = path.join(SCAN_DIR, `${seed}.pdf`);
  const started = performance.now();
  const text = await readDirectiveText(readFileSync(file), `${seed}.pdf`);
  const seconds = (performance.now() - started) / 1000;
  if (dumpDir) {
    mkdirSync(dumpDir, { recursive: true });
    writeFileSync(path.join(dumpDir, `${seed}.txt`), text);
  }
  const scores = scoreFields(fields, toParseJson(parseDirective(text)));
  const ok = scores.filter((s) => s.right).length;
  right += ok;
  total += scores.length;
  log(`${seed}: ${ok}/${scores.length} fields right (read in ${seconds.toFixed(1)} s)`);
  for (const miss of scores.filter((s) => !s.right)) log(`  miss ${miss.field}: expected ${JSON.stringify(miss.expected)}, found ${JSON.stringify(miss.found)}`);
}
const share = right / total;
log(`fields right: ${right}/${total} = ${(share * 100).toFixed(1)} % (target ≥ 90 %)`);

/** User + system CPU seconds of this process's finished child processes (Linux /proc; 0 elsewhere). */
function childCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

// A 10-page scan: pages of the scanned seeds put together (pdfseparate / pdfunite, poppler-utils).
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lantoa-ocr-bench-'));
let tenPageSeconds = Infinity;
try {
  const parts: string[] = [];
  for (const seed of Object.keys(expected)) {
    execFileSync('pdfseparate', [path.join(SCAN_DIR, `${seed}.pdf`), path.join(tmp, `${seed}-%d.pdf`)]);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(SCAN_DIR, `${seed}.pdf`)], { encoding: 'utf8' }))?.[1]);
    for (let p = 1; p <= pages; p++) parts.push(path.join(tmp, `${seed}-${p}.pdf`));
  }
  const ten = path.join(tmp, 'ten-pages.pdf');
  execFileSync('pdfunite', [...parts.slice(0, 10), ten]);
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const childCpu = childCpuSeconds();
    await readDirectiveText(readFileSync(ten), 'ten-pages.pdf');
    runs.push((performance.now() - started) / 1000);
    cpu.push(childCpuSeconds() - childCpu);
  }
  tenPageSeconds = [...runs].sort((a, b) => a - b)[1]!;
  log(`10-page scan: ${runs.map((s) => s.toFixed(1)).join(' / ')} s (median ${tenPageSeconds.toFixed(1)} s, target < 20 s)`);
  log(`  CPU of pdftoppm + tesseract: ${cpu.map((s) => s.toFixed(1)).join(' / ')} s (${(cpu[0]! / 10).toFixed(2)} s a page; load after: ${loadAverage()})`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exitCode = share >= 0.9 && tenPageSeconds < 20 ? 0 : 1;
