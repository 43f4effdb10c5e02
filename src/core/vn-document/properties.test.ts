/** Properties of the parser over the seeds and over arbitrary text (fast-check). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSpans } from '../../../test/support/directive-spans.js';
import { toneKey } from '../../platform/vn/index.js';
import { parseDirective } from './index.js';
import type { ParsedDirective, PartialDate } from './types.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/directives');
const seeds = readdirSync(FIXTURES)
  .filter((f) => /^\d{3}_.*\.txt$/.test(f))
  .map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));
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
