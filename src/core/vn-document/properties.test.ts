/** Properties of the parser over the seeds and over arbitrary text (fast-check). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toneKey } from '../../platform/vn/index.js';
import { parseDirective } from './index.js';
import type { ParsedDirective, PartialDate, Section, Span } from './types.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/directives');
const seeds = readdirSync(FIXTURES)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** The canonical number/symbol of a slice: no spaces, plain hyphens, Ư read as U ("KL/TƯ"), and a central body's TƯ as TW. */
const compact = (s: string) => s.replace(/[\s\u2010-\u2015\u2212]/g, (c) => (/\s/.test(c) ? '' : '-')).replace(/Ư/g, 'U');
const sameSymbol = (slice: string, value: string) => expect(compact(slice).replace(/\/TU$/u, '/TW')).toBe(value.replace(/\/TU$/u, '/TW'));

/** Every spanned field slices back to the text it was read from. */
function checkSpans(p: ParsedDirective): void {
  const slice = (span: Span) => {
    expect(span[0]).toBeGreaterThanOrEqual(0);
    expect(span[1]).toBeLessThanOrEqual(p.text.length);
    expect(span[0]).toBeLessThanOrEqual(span[1]);
    return p.text.slice(span[0], span[1]);
  };
  const sameText = (f: { value: string; span: Span } | null) => f && expect(squash(slice(f.span))).toBe(f.value);
  sameText(p.issuer);
  sameText(p.place);
  sameText(p.subject);
  p.recipients.forEach(sameText);
  p.distribution.forEach(sameText);
  if (p.numberSymbol) sameSymbol(slice(p.numberSymbol.span), p.numberSymbol.value);
  if (p.docType) expect(slice(p.docType.span).length).toBeGreaterThan(0);
  if (p.date) {
    const dateText = slice(p.date.span);
    for (const n of [p.date.value.year, p.date.value.month, p.date.value.day]) if (n !== null) expect(dateText).toMatch(new RegExp(`(?<!\\d)0?${n}(?!\\d)`));
  }
  if (p.signer) {
    const sig = squash(slice(p.signer.span));
    for (const part of Object.values(p.signer.value)) if (part) expect(sig).toContain(part);
  }
  for (const r of p.references) {
    const src = compact(slice(r.span));
    if (r.numberSymbol) expect(src.replace(/\/TU(?![A-Z])/gu, '/TW')).toContain(compact(r.numberSymbol).replace(/\/TU$/u, '/TW'));
  }
  for (const d of p.deadlines) expect(slice(d.span)).toBe(d.text);
  for (const f of p.footnotes) expect(slice(f.span)).toBe(f.text);
  const walk = (s: Section[]) => s.forEach((x) => (expect(slice(x.span)).toBe(x.text), walk(x.children)));
  walk(p.sections);
}

const essentials = (p: ParsedDirective) => ({
  numberSymbol: p.numberSymbol?.value ?? null,
  date: p.date?.value ?? null,
  refs: p.references.map((r) => [r.numberSymbol, r.date] as [string | null, PartialDate | null]),
});

/** The other tone-mark style for open oa/oe/uy syllables: hòa → hoà, ủy → uỷ. */
const otherStyle = (s: string) =>
  s.replace(/([oO])([òóỏõọ])([aAeE])|([uU])([ùúủũụ])([yY])/gu, (m, o: string, toned: string, a: string, u: string, tu: string, y: string) => {
    const first = o ?? u;
    const mark = (toned ?? tu).normalize('NFD').slice(1);
    return first + ((a ?? y) + mark).normalize('NFC');
  });

describe('parser properties', () => {
  it('every span of every seed slices to the text of its field', () => {
    for (const seed of seeds) checkSpans(parseDirective(seed));
  });

  it('spans hold on arbitrary edits of the seeds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), fc.nat(), fc.string({ maxLength: 40 }), (seed, a, b, insert) => {
        const i = a % seed.length;
        const j = Math.min(seed.length, i + (b % 400));
        checkSpans(parseDirective(seed.slice(0, i) + insert + seed.slice(j)));
      }),
      { numRuns: 60 },
    );
  });

  it('never throws on arbitrary strings', () => {
    const vn = fc.constantFrom(...'Đđơưăâêôạảấầẩẫậằắẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ*\\-/:;.,()\n \t\f0123456789SốngàyKính gửiNơi nhậnT/MKT.V/vCV/TUQĐ-UBND'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: vn, maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 })), (s) => {
        const p = parseDirective(s);
        checkSpans(p);
      }),
      { numRuns: 400 },
    );
  });

  it('NFC and NFD of the same text parse to the same result', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), (seed, cut) => {
        const s = seed.slice(0, Math.max(200, cut % seed.length));
        expect(parseDirective(s.normalize('NFD'))).toEqual(parseDirective(s.normalize('NFC')));
      }),
      { numRuns: 20 },
    );
  });

  it('tone-style variants (hòa/hoà, ủy/uỷ) parse to the same numbers, symbols and dates', () => {
    for (const seed of seeds) {
      const variant = otherStyle(seed);
      expect(toneKey(variant)).toBe(toneKey(seed));
      expect(essentials(parseDirective(variant))).toEqual(essentials(parseDirective(seed)));
    }
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.boolean(), (seed, swap) => {
        const s = swap ? otherStyle(seed) : seed;
        expect(essentials(parseDirective(s))).toEqual(essentials(parseDirective(seed)));
      }),
      { numRuns: 8 },
    );
  });
});
