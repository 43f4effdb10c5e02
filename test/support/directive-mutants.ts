/**
 * Mutated directive texts for the parser's robustness property test and its bench (issue 15,
 * item 4): the damage real pastes show — lines cut at random points, lines joined, lines shuffled,
 * characters dropped, NFD, TCVN3 bytes read as Windows-1252, stray marks, one-line (flattened) text,
 * long runs of spaces, repeated blocks.
 * Deterministic: every mutation draws from a seeded generator, so a failing case can be replayed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';

export type Rng = () => number;

import { seededRandom as seededRng } from '../../src/platform/random.js';

export { seededRng };

const pick = (rng: Rng, n: number) => Math.floor(rng() * n);
/** How many edits: about one per `per` characters, at least one. */
const edits = (s: string, rng: Rng, per: number) => 1 + pick(rng, Math.max(1, Math.ceil(s.length / per)));

function atRandomPlaces(s: string, rng: Rng, per: number, edit: (s: string, at: number) => string): string {
  let out = s;
  for (let k = edits(s, rng, per); k > 0 && out.length > 0; k--) out = edit(out, pick(rng, out.length));
  return out;
}

const STRAY = ['*', '•', '|', '~', '_', '…', '\u00B7', '\u0300', '\u0309', '\u0323', '\u200B', '\uFEFF', '\f', '\t', '/', '-', ':', '(', ')', '"', '\u00A0', '\r'];

export const MUTATORS = {
  /** A line break at random points (inside words, numbers, symbols). */
  cutLines: (s: string, rng: Rng) => atRandomPlaces(s, rng, 400, (t, i) => `${t.slice(0, i)}\n${t.slice(i)}`),
  /** Line breaks removed (lines glued with a space or nothing). */
  joinLines: (s: string, rng: Rng) => s.replace(/\r?\n/g, (m) => (rng() < 0.5 ? (rng() < 0.5 ? ' ' : '') : m)),
  /** A window of lines shuffled. */
  shuffleLines: (s: string, rng: Rng) => {
    const lines = s.split('\n');
    const from = pick(rng, lines.length);
    const to = Math.min(lines.length, from + 2 + pick(rng, 40));
    for (let i = to - 1; i > from; i--) {
      const j = from + pick(rng, i - from + 1);
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    }
    return lines.join('\n');
  },
  /** Characters dropped here and there. */
  dropChars: (s: string, rng: Rng) => atRandomPlaces(s, rng, 60, (t, i) => t.slice(0, i) + t.slice(i + 1 + pick(rng, 3))),
  /** Decomposed (NFD) text. */
  nfd: (s: string) => s.normalize('NFD'),
  /** The text in TCVN3 (ABC), as a legacy file read as Windows-1252 shows it. */
  tcvn3: (s: string) => iconv.decode(iconv.encode(s, 'tcvn'), 'windows-1252'),
  /** Stray marks, lone combining accents, zero-width characters and odd spaces inserted. */
  strayMarks: (s: string, rng: Rng) => atRandomPlaces(s, rng, 80, (t, i) => t.slice(0, i) + (STRAY[pick(rng, STRAY.length)] ?? '*').repeat(1 + pick(rng, 3)) + t.slice(i)),
  /** Every line break gone: the whole document on one line (a flattened web page). */
  flatten: (s: string) => s.replace(/\s*\n\s*/g, ' '),
  /** Long runs of spaces (a PDF's flattened columns and page furniture). */
  spaceRuns: (s: string, rng: Rng) => atRandomPlaces(s, rng, 1500, (t, i) => t.slice(0, i) + ' '.repeat(20 + pick(rng, 4000)) + t.slice(i)),
  /** A block of the text repeated several times in place (a header pasted twice, a page repeated). */
  repeatBlocks: (s: string, rng: Rng) => {
    const from = pick(rng, s.length);
    const block = s.slice(from, from + 1 + pick(rng, 3000));
    return s.slice(0, from) + block.repeat(2 + pick(rng, 8)) + s.slice(from);
  },
} satisfies Record<string, (s: string, rng: Rng) => string>;

export type MutatorName = keyof typeof MUTATORS;
export const MUTATOR_NAMES = Object.keys(MUTATORS) as MutatorName[];

/** Applies the named mutations in order, each with its own draws from `seed`. */
export function mutate(text: string, names: readonly MutatorName[], seed: number): string {
  const rng = seededRng(seed);
  return names.reduce((s, name) => MUTATORS[name](s, rng), text);
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The four seeds and every corpus text (real-world corpus and the evaluation's sample), as sources for mutants. */
export function mutantSources(): { name: string; text: string }[] {
  const dirs = ['test/fixtures/directives', 'test/fixtures/directives-corpus', 'test/fixtures/directives-corpus-sample'];
  return dirs.flatMap((dir) => {
    const abs = path.join(ROOT, dir);
    let names: string[] = [];
    try {
      names = readdirSync(abs).filter((f) => f.endsWith('.txt'));
    } catch {
      return [];
    }
    return names.sort().map((f) => ({ name: `${dir}/${f}`, text: readFileSync(path.join(abs, f), 'utf8') }));
  });
}

/** A text of about `chars` characters (30 pages ≈ 90,000) made of sources, each mutated by `names`. */
export function longMutant(sources: readonly { text: string }[], names: readonly MutatorName[], seed: number, chars: number): string {
  const rng = seededRng(seed ^ 0x9e3779b9);
  let out = '';
  let k = 0;
  while (out.length < chars) {
    const src = sources[pick(rng, sources.length)]?.text ?? '';
    out += `${mutate(src, names, seed + k++)}\n`;
    if (k > 10_000) break;
  }
  return out.slice(0, Math.max(chars, 1));
}
