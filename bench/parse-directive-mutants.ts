/**
 * The directive parser on damaged 30-page documents (issue 15, item 4): for each kind of damage of
 * test/support/directive-mutants.ts (and for random chains of them), `perClass` texts of ≈ 90,000
 * characters built from the seeds and the corpus, each mutated with its own seed, parsed once.
 * Times are scaled to 30 pages (90,000 characters) and summarised as p50 / p95 / max.
 */
import { performance } from 'node:perf_hooks';
import { parseDirective } from '../src/core/vn-document/index.js';
import { longMutant, MUTATOR_NAMES, mutantSources, seededRng, type MutatorName } from '../test/support/directive-mutants.js';

export const PAGE_CHARS = 3_000;
const THIRTY_PAGES = 30 * PAGE_CHARS;

export interface MutantRow {
  label: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  /** The seed of the slowest text, to replay it. */
  slowestSeed: number;
}

const pick = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

function row(label: string, samples: { ms: number; seed: number }[]): MutantRow {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const slowest = samples.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: -1, seed: 0 });
  return { label, runs: sorted.length, p50: pick(sorted, 0.5), p95: pick(sorted, 0.95), max: sorted.at(-1) ?? NaN, slowestSeed: slowest.seed };
}

/** The mutation chains of one class: a single kind, or (for "mixed") 2–4 kinds drawn from the seed. */
export function chainFor(label: string, seed: number): MutatorName[] {
  if (label !== 'mixed') return [label as MutatorName];
  const rng = seededRng(seed);
  return Array.from({ length: 2 + Math.floor(rng() * 3) }, () => MUTATOR_NAMES[Math.floor(rng() * MUTATOR_NAMES.length)] ?? 'cutLines');
}

export const MUTANT_CLASSES = [...MUTATOR_NAMES, 'mixed'];

export function runMutantBench(perClass: number, onRow?: (r: MutantRow) => void): { rows: MutantRow[]; all: MutantRow; chars: number } {
  const sources = mutantSources();
  const rows: MutantRow[] = [];
  const everything: { ms: number; seed: number }[] = [];
  let chars = 0;
  let n = 0;
  for (const label of MUTANT_CLASSES) {
    const samples: { ms: number; seed: number }[] = [];
    for (let i = 0; i < perClass; i++) {
      const seed = 1000 * (MUTANT_CLASSES.indexOf(label) + 1) + i;
      const text = longMutant(sources, chainFor(label, seed), seed, THIRTY_PAGES);
      const t0 = performance.now();
      parseDirective(text);
      const ms = ((performance.now() - t0) * THIRTY_PAGES) / text.length;
      samples.push({ ms, seed });
      chars += text.length;
      n++;
    }
    everything.push(...samples);
    const r = row(label, samples);
    rows.push(r);
    onRow?.(r);
  }
  return { rows, all: row('all mutants', everything), chars: chars / Math.max(1, n) };
}
