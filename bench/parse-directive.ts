/**
 * Directive parser speed: a ~30-page directive (seed 003 of ../shared/mission/seeds, its body
 * repeated with renumbered parts and varied citations to ≈ 90,000 characters, the size of 30 A4
 * pages), parsed 50 times after 5 warm-up runs; then damaged 30-page documents (issue 15: the
 * mutants of test/support/directive-mutants.ts built from the seeds and the corpus, `--mutants N`
 * per kind of damage, default 40), each parsed once. Exits 1 if a p95 is ≥ 200 ms per 30 pages.
 *
 *   npx tsx bench/parse-directive.ts [path/to/seed.txt] [--mutants N]
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseDirective } from '../src/core/vn-document/index.js';
import { runMutantBench } from './parse-directive-mutants.js';

const TARGET_MS = 200;
const args = process.argv.slice(2);
const mutantsAt = args.indexOf('--mutants');
const perClass = mutantsAt >= 0 ? Number(args.splice(mutantsAt, 2)[1]) : 40;
const seedPath = args[0] ?? new URL('../test/fixtures/directives/003_eaac9b6472a047a3.txt', import.meta.url).pathname;
const seed = readFileSync(seedPath, 'utf8');

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/** Seed 003 with its body repeated: part numbers continue, and each copy cites other documents. */
function buildDocument(targetChars: number): string {
  const start = seed.indexOf(' I. MỤC ĐÍCH');
  const end = seed.indexOf('Nơi nhận:');
  const head = seed.slice(0, start);
  const body = seed.slice(start, end);
  const tail = seed.slice(end);
  let out = head;
  let copy = 0;
  while (out.length + tail.length < targetChars) {
    let part = 0;
    const varied = body
      .replace(/^( ?)(I|II|III|IV)\. /gm, (_m, sp: string) => `${sp}${ROMAN[Math.min(ROMAN.length - 1, copy * 4 + part++)]}. `)
      .replace(/(\d{2,3})-KL\/TW/g, (_m, n: string) => `${Number(n) + copy}-KL/TW`)
      .replace(/ngày (\d{1,2})\/(\d{1,2})\/2025/g, (_m, d: string, mo: string) => `ngày ${d}/${mo}/${2025 - (copy % 3)}`);
    out += varied;
    copy++;
  }
  return out + tail;
}

const doc = buildDocument(90_000);
const pages = doc.length / 3_000;

for (let i = 0; i < 5; i++) parseDirective(doc);
const times: number[] = [];
let refs = 0;
let sections = 0;
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  const parsed = parseDirective(doc);
  times.push(performance.now() - t0);
  refs = parsed.references.length;
  sections = parsed.sections.length;
}
times.sort((a, b) => a - b);
const pick = (p: number) => times[Math.min(times.length - 1, Math.ceil(p * times.length) - 1)] ?? NaN;
const p50 = pick(0.5);
const p95 = pick(0.95);
const max = times.at(-1) ?? NaN;

console.log(`Directive parser — ${doc.length.toLocaleString('en')} characters (≈ ${pages.toFixed(0)} A4 pages at 3,000 characters/page)`);
console.log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg()[0]?.toFixed(2)}`);
console.log(`Result of the last run: ${refs} references, ${sections} top-level sections`);
console.log('');
console.log('| Operation | Target | Runs | p50 ms | p95 ms | max ms |');
console.log('|---|---|---:|---:|---:|---:|');
console.log(`| parseDirective (≈ 30 pages) | p95 < ${TARGET_MS} ms | ${times.length} | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${max.toFixed(1)} |`);
if (!(p95 < TARGET_MS)) {
  console.error(`p95 ${p95.toFixed(1)} ms ≥ ${TARGET_MS} ms`);
  process.exitCode = 1;
}

if (perClass > 0) {
  console.log('');
  console.log(`Damaged documents: ${perClass} per kind of damage, ≈ 30 pages each, parsed once; ms per 30 pages (90,000 characters)`);
  console.log('');
  console.log('| Damage | Target | Runs | p50 ms | p95 ms | max ms | slowest seed |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  const line = (r: { label: string; runs: number; p50: number; p95: number; max: number; slowestSeed: number }) =>
    console.log(`| ${r.label} | p95 < ${TARGET_MS} ms | ${r.runs} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.slowestSeed} |`);
  const { rows, all } = runMutantBench(perClass, line);
  line(all);
  const slow = [...rows, all].filter((r) => !(r.p95 < TARGET_MS));
  if (slow.length > 0) {
    console.error(`p95 ≥ ${TARGET_MS} ms per 30 pages: ${slow.map((r) => r.label).join(', ')}`);
    process.exitCode = 1;
  }
}
