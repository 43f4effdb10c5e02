import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dedupKey, normalizeVi } from './index.js';
import { fastDedupKey, fastNormalizeVi } from './fast-keys.js';

/** Pieces of Vietnamese text, with every case the fast path must hand over or rewrite itself. */
const pieces = [
  ...'aăâeêioôơuưyđbcdghklmnpqrstvxAĐOUYQ09 .,;-!?\t\n«»–…“”',
  // Open oa/oe/uy syllables with the mark on either vowel, qu + y, closed syllables, a bare pair.
  'oà', 'oá', 'uỷ', 'uý', 'oẻ', 'quý', 'quả', 'hoà', 'Hoá', 'HOÀ', 'thuỷ', 'khoẻ', 'hoàn', 'thuyền', 'gioà', 'ngoạ', 'bđoá', 'xoè2', 'oà',
  // Exact-path characters: combining marks, invisible format characters, look-alikes, odd cases.
  'o\u0300a', '\u0301', '\u200B', '\u00AD', '\u00D0', '\u00F0', '\u00A0', '\u2007', '\u202F', '\u2000', 'İ', 'ẞ', 'Ⱥ', 'ª', '²', '½', 'µ', '\u{1F600}',
];

describe('fastDedupKey', () => {
  it('equals dedupKey on Vietnamese-like text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(fastDedupKey(s)).toBe(dedupKey(s));
        expect(fastDedupKey(s.normalize('NFD'))).toBe(dedupKey(s.normalize('NFD')));
      }),
      { numRuns: 5000 },
    );
  });

  it('equals dedupKey on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(fastDedupKey(s)).toBe(dedupKey(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('equals dedupKey on every single character of the fast ranges and their pairs with a swing vowel', () => {
    for (const [from, to] of [
      [0, 0x24f],
      [0x1e00, 0x1eff],
      [0x2000, 0x206f],
    ] as const) {
      for (let c = from; c <= to; c++) {
        const ch = String.fromCharCode(c);
        for (const s of [ch, `${ch}oà`, `h${ch}oà`, `tho${ch}`, `hoà${ch}x`]) expect(fastDedupKey(s), JSON.stringify(s)).toBe(dedupKey(s));
      }
    }
  });

  it('keys ordinary opinions as dedupKey does', () => {
    for (const s of ['Đề nghị bổ sung vai trò của kinh tế tư nhân', '  Cần  làm rõ, cụ thể hoá!  ', 'Tán thành.', '', 'Kết quả: thuỷ lợi, hoà bình (2025)']) {
      expect(fastDedupKey(s)).toBe(dedupKey(s));
    }
    expect(fastDedupKey('Cần cụ thể hoá')).toBe('cần cụ thể hóa');
  });
});

describe('fastNormalizeVi', () => {
  it('equals normalizeVi', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 10 }), (parts, noise) => {
        const s = parts.join('');
        expect(fastNormalizeVi(s)).toBe(normalizeVi(s));
        expect(fastNormalizeVi(s.normalize('NFD'))).toBe(normalizeVi(s.normalize('NFD')));
        expect(fastNormalizeVi(noise + s)).toBe(normalizeVi(noise + s));
      }),
      { numRuns: 3000 },
    );
  });
});
