/**
 * Quadratic corners found by the mutant bench (issue 15, item 4), each fixed without changing what
 * is read: a long run of spaces before text (`/ {2,}$/` backtracked over it), a long line with
 * many citations (each one scanned back to the start of its sentence, and a `…\s*$` test over the
 * whole sentence), a text made of thousands of symbols (each match checked against all earlier ones).
 * Not timed: the inputs are sized so that the quadratic code needs minutes and the linear code well
 * under a second; the test timeout only catches the hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDirective } from './index.js';
import { sentenceStarts } from './references.js';

const HANG = 15_000;

/** The definition the index replaces: scan back from pos to a line break or ". X". */
function naiveSentenceStart(text: string, pos: number): number {
  for (let i = pos - 1; i > 0; i--) {
    const ch = text[i];
    if (ch === '\n') return i + 1;
    if ((ch === '.' || ch === '!' || ch === '?') && /\s/.test(text[i + 1] ?? '') && /\p{Lu}/u.test(text[i + 2] ?? '')) return i + 2;
  }
  return 0;
}

describe('long lines parse in linear time', () => {
  it(
    'a long run of spaces before the text',
    () => {
      const p = parseDirective(`${' '.repeat(400_000)}Số 12-KH/TU\nHà Nội, ngày 4 tháng 3 năm 2025`);
      expect(p.numberSymbol?.value).toBe('12-KH/TU');
    },
    HANG,
  );

  it(
    'a flattened document (one line with a header) made of long runs of spaces',
    () => {
      const gap = ' '.repeat(200_000);
      const p = parseDirective(`ỦY BAN NHÂN DÂN TỈNH X Số: 12/KH-UBND Hà Nội, ngày 4 tháng 3 năm 2025 KẾ HOẠCH phòng chống lụt bão${gap}Căn cứ Luật${gap}Điều 1. Nội dung${gap}Nơi nhận: - Như trên;${gap}TM. ỦY BAN NHÂN DÂN`);
      expect(p.numberSymbol?.value).toBe('12/KH-UBND');
    },
    HANG,
  );

  it(
    'one line citing thousands of documents',
    () => {
      const line = Array.from({ length: 15_000 }, (_, i) => `Căn cứ Nghị định số ${i + 1}/2020/NĐ-CP ngày 5/3/2020 của Chính phủ`).join('; ');
      const p = parseDirective(`Số 12-KH/TU\n${line}.`);
      expect(p.references).toHaveLength(15_000);
      expect(p.references[0]?.relation).toBe('basis');
    },
    HANG,
  );

  it(
    'a text made of tens of thousands of symbols',
    () => {
      const p = parseDirective(Array.from({ length: 40_000 }, (_, i) => `${i + 1}-KH/TU`).join('-'));
      expect(p.references.length).toBeGreaterThan(1000);
    },
    HANG,
  );
});

describe('sentenceStarts', () => {
  it('gives the same start as scanning back, at every position', () => {
    const unit = fc.constantFrom(...'ab A.!?\n Đ ạ,;'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (text) => {
        const start = sentenceStarts(text);
        for (let pos = 0; pos <= text.length; pos++) expect(start(pos)).toBe(naiveSentenceStart(text, pos));
      }),
      { numRuns: 300 },
    );
  });
});
