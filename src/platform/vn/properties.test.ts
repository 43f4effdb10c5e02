/**
 * Property tests over text built from Vietnamese syllables (onset × nucleus × tone × final),
 * in both cases, optionally decomposed (NFD).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dedupKey, matchesSearch, searchKey, toneKey } from './index.js';

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
const NUCLEI = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'ưa', 'ưi', 'ưu', 'ươ', 'uy', 'uya', 'uyê', 'oai', 'oay', 'uôi', 'ươi', 'ươu', 'yê'];
const SWING = ['oa', 'oe', 'uy'];
const FINALS = ['', '', '', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];
/** No tone, then grave, acute, hook, tilde, dot below. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const SEPARATORS = [' ', ' ', ' ', ', ', ' - ', '  ', '\n', '; ', '. ', ' (', ') ', '/'];

interface Syllable {
  onset: string;
  nucleus: string;
  tone: string;
  /** Index in the nucleus of the vowel carrying the tone. */
  tonePos: number;
  final: string;
  letterCase: 'lower' | 'upper' | 'title';
}

function render(syl: Syllable, tonePos = syl.tonePos): string {
  const vowels = [...syl.nucleus];
  const pos = Math.min(tonePos, vowels.length - 1);
  vowels[pos] = ((vowels[pos] ?? '') + syl.tone).normalize('NFC');
  const text = syl.onset + vowels.join('') + syl.final;
  if (syl.letterCase === 'upper') return text.toUpperCase();
  if (syl.letterCase === 'title') return text.charAt(0).toUpperCase() + text.slice(1);
  return text;
}

/** qu and gi onsets contain a vowel letter: their tone placement is fixed (quý, già). */
const FIXED_ONSETS = ['qu', 'gi'];

/** An oa/oe/uy open syllable with a tone and a plain-consonant onset: the one kind with two spellings. */
function isSwing(syl: Syllable): boolean {
  return SWING.includes(syl.nucleus) && syl.final === '' && !FIXED_ONSETS.includes(syl.onset) && syl.tone !== '';
}

const caseArb = fc.constantFrom<Syllable['letterCase']>('lower', 'upper', 'title');
const syllableArb: fc.Arbitrary<Syllable> = fc.record({
  onset: fc.constantFrom(...ONSETS),
  nucleus: fc.constantFrom(...NUCLEI),
  tone: fc.constantFrom(...TONES),
  tonePos: fc.nat({ max: 2 }),
  final: fc.constantFrom(...FINALS),
  letterCase: caseArb,
});
/** Syllables from the swing kind, more often than chance would give. */
const swingArb: fc.Arbitrary<Syllable> = fc.record({
  onset: fc.constantFrom(...ONSETS.filter((o) => !FIXED_ONSETS.includes(o))),
  nucleus: fc.constantFrom(...SWING),
  tone: fc.constantFrom(...TONES.slice(1)),
  tonePos: fc.nat({ max: 1 }),
  final: fc.constant(''),
  letterCase: caseArb,
});
const anySyllableArb = fc.oneof(syllableArb, swingArb);

const sentenceArb = fc
  .tuple(fc.array(anySyllableArb, { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom(...SEPARATORS), { minLength: 8, maxLength: 8 }))
  .map(([syls, seps]) => ({ syls, seps }));

function join(syls: Syllable[], seps: string[], show: (s: Syllable) => string): string {
  return syls.map((s, i) => (i === 0 ? '' : (seps[i] ?? ' ')) + show(s)).join('');
}

/** Text in NFC or NFD. */
const textArb = fc
  .tuple(sentenceArb, fc.boolean())
  .map(([{ syls, seps }, decompose]) => {
    const s = join(syls, seps, (x) => render(x));
    return decompose ? s.normalize('NFD') : s;
  });

const nfc = (s: string): string => s.normalize('NFC');
const nfd = (s: string): string => s.normalize('NFD');

describe('Vietnamese keys (properties)', () => {
  it('searchKey is the same for NFD and NFC', () => {
    fc.assert(fc.property(textArb, (s) => searchKey(nfd(s)) === searchKey(nfc(s))));
  });

  it('searchKey, toneKey and dedupKey are idempotent', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        expect(searchKey(searchKey(s))).toBe(searchKey(s));
        expect(toneKey(toneKey(s))).toBe(toneKey(s));
        expect(dedupKey(dedupKey(s))).toBe(dedupKey(s));
      }),
    );
  });
});

describe('Vietnamese keys (properties): toneKey', () => {
  it('toneKey equals for both tone styles of an oa/oe/uy open syllable, and picks the first vowel', () => {
    fc.assert(
      fc.property(swingArb, fc.constantFrom('', 'Tỉnh ', 'Văn ', 'SỞ '), fc.constantFrom('', ' Lai Châu', ', xã'), fc.boolean(), (syl, before, after, decompose) => {
        const firstStyle = before + render(syl, 0) + after;
        const secondStyle = before + render(syl, 1) + after;
        expect(firstStyle).not.toBe(secondStyle);
        const input = decompose ? nfd(secondStyle) : secondStyle;
        expect(toneKey(input)).toBe(firstStyle);
        expect(toneKey(firstStyle)).toBe(firstStyle);
      }),
    );
  });

  it('toneKey moves the mark only in swing syllables (reference model)', () => {
    fc.assert(
      fc.property(sentenceArb, ({ syls, seps }) => {
        const input = join(syls, seps, (x) => render(x));
        const expected = join(syls, seps, (x) => render(x, isSwing(x) ? 0 : x.tonePos));
        expect(toneKey(input)).toBe(expected);
      }),
    );
  });

  it('toneKey never changes text without a second-vowel swing syllable', () => {
    const notSwing = anySyllableArb.filter((s) => !isSwing(s) || s.tonePos === 0);
    fc.assert(
      fc.property(fc.array(notSwing, { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom(...SEPARATORS), { minLength: 8, maxLength: 8 }), (syls, seps) => {
        const s = join(syls, seps, (x) => render(x));
        expect(toneKey(s)).toBe(s);
      }),
    );
  });

  it('toneKey never changes qu/gi syllables (quý, quả, già, giỏi)', () => {
    const fixedArb = fc.record({
      onset: fc.constantFrom(...FIXED_ONSETS),
      nucleus: fc.constantFrom('y', 'a', 'e', 'ê', 'o', 'ơ', 'ây', 'ai', 'oi', 'ua'),
      tone: fc.constantFrom(...TONES),
      tonePos: fc.nat({ max: 1 }),
      final: fc.constantFrom('', '', 'n', 'ng', 't'),
      letterCase: caseArb,
    });
    fc.assert(
      fc.property(fixedArb, fc.boolean(), (syl, decompose) => {
        const s = render(syl);
        expect(toneKey(decompose ? nfd(s) : s)).toBe(s);
      }),
    );
  });

  it('toneKey preserves the length in NFC code points and the case of each letter', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        const out = toneKey(s);
        expect([...out].length).toBe([...nfc(s)].length);
        expect(out.toLowerCase()).toBe(toneKey(s.toLowerCase()));
        expect(out.toUpperCase()).toBe(toneKey(s.toUpperCase()));
      }),
    );
  });
});

describe('Vietnamese keys (properties): searching and duplicates', () => {
  it('searchKey of Vietnamese text is lower-case ASCII words separated by single spaces', () => {
    fc.assert(fc.property(textArb, (s) => /^[a-z0-9]+( [a-z0-9]+)*$/.test(searchKey(s))));
  });

  it('a text always matches its own search key, in any case, NFC or NFD, any tone style', () => {
    fc.assert(
      fc.property(sentenceArb, ({ syls, seps }) => {
        const s = join(syls, seps, (x) => render(x));
        const key = searchKey(s);
        expect(matchesSearch(key, s)).toBe(true);
        expect(matchesSearch(key, s.toUpperCase())).toBe(true);
        expect(matchesSearch(key, s.toLowerCase())).toBe(true);
        expect(matchesSearch(key, nfd(s))).toBe(true);
        expect(matchesSearch(key, join(syls, seps, (x) => render(x, 1 - Math.min(x.tonePos, 1))))).toBe(true);
        expect(matchesSearch(searchKey(nfd(s.toUpperCase())), s)).toBe(true);
      }),
    );
  });

  it('a query token absent from the text does not match', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        const key = searchKey(s);
        fc.pre(!key.includes('zzq'));
        expect(matchesSearch(key, `${s} zzq`)).toBe(false);
      }),
    );
  });

  it('dedupKey ignores case and NFC/NFD but keeps diacritics', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        expect(dedupKey(nfd(s))).toBe(dedupKey(s));
        expect(dedupKey(s.toUpperCase())).toBe(dedupKey(s));
        expect(searchKey(dedupKey(s))).toBe(searchKey(s));
      }),
    );
  });

  it('dedupKey separates syllables that differ only in a diacritic', () => {
    fc.assert(
      fc.property(syllableArb, (syl) => {
        fc.pre(syl.tone !== '');
        const bare = render({ ...syl, tone: '' });
        expect(dedupKey(render(syl))).not.toBe(dedupKey(bare));
        expect(searchKey(render(syl))).toBe(searchKey(bare));
      }),
    );
  });
});
