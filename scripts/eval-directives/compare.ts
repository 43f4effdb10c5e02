/**
 * The comparisons of the directive corpus (test/fixtures/directives-corpus/README.md, "What
 * expected means"): when a value the parser read counts as the expected one.
 *
 * Every text comparison ignores the normal form (NFC/NFD), the tone-mark placement of oa/oe/uy
 * (`ủy`/`uỷ`, `hóa`/`hoá`), case, whitespace (all of it: "2021 - 2030" = "2021-2030") and the
 * typographic variants of dashes and quotes. On top of that:
 * - issuer: the usual abbreviations are expanded on both sides (UBND, HĐND, MTTQ, BCH, BTV, TW,
 *   VHTTDL …), punctuation is ignored, and a trailing place name one side lacks is dropped
 *   ("UBND tỉnh Lai Châu" = "Ủy ban nhân dân tỉnh"; "Tỉnh ủy Hậu Giang" = "Tỉnh ủy");
 * - subject: a leading "V/v", "Về việc" or "về" and the end punctuation are ignored;
 * - signer parts: case and spaces only (the authority "T/M" is not "TM.").
 * Numbers/symbols and document types are compared exactly (after NFC and Ð → Đ); dates field by field.
 */
import { normalizeVi, toneKey } from '../../src/platform/vn/index.js';

import type { CaseDate } from '../../src/core/vn-document/corpus-case.js';

export type { CaseDate };

/** Case, tone placement, dashes, quotes and whitespace folded away. */
export function textKey(s: string): string {
  return toneKey(s)
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019\u201A]/g, "'")
    .replace(/\s+/g, '');
}

/** Exact, after NFC and look-alike letters (Ð → Đ). */
export function sameExact(expected: string | null, got: string | null): boolean {
  if (expected === null || got === null) return expected === got;
  return normalizeVi(expected).trim() === normalizeVi(got).trim();
}

/** A number/symbol's identity: exact but for case (`QĐ-TTg` is printed `QĐ-TTG` too) and spaces. */
export const symbolKey = (s: string) => normalizeVi(s).replace(/\s+/g, '').toUpperCase();

export function sameSymbol(expected: string | null, got: string | null): boolean {
  if (expected === null || got === null) return expected === got;
  return symbolKey(expected) === symbolKey(got);
}

export function sameDate(expected: CaseDate | null, got: CaseDate | null): boolean {
  if (expected === null || got === null) return expected === got;
  return expected.year === got.year && expected.month === got.month && expected.day === got.day;
}

/** Signer authority, title and name: case and spaces only. */
export function sameLoose(expected: string | null, got: string | null): boolean {
  if (expected === null || got === null) return expected === got;
  return textKey(expected) === textKey(got);
}

const SUBJECT_LABEL_RE = /^\s*(?:V\s*\/\s*v|Về\s+việc|Về)(?![\p{L}\d])\s*[:.]?\s*/iu;
const END_PUNCTUATION_RE = /[\s.,;:!?…]+$/u;

export function subjectKey(s: string): string {
  return textKey(toneKey(s).replace(SUBJECT_LABEL_RE, '').replace(END_PUNCTUATION_RE, ''));
}

export function sameSubject(expected: string | null, got: string | null): boolean {
  if (expected === null || got === null) return expected === got;
  return subjectKey(expected) === subjectKey(got);
}

/** Abbreviations of bodies, matched as whole words in their usual (upper) case. Longest first. */
const ABBREVIATIONS: readonly [RegExp, string][] = (
  [
    ['VH\\s*,?\\s*TT\\s*(?:&|và)\\s*DL|VH-TT&DL|VHTT&DL|VHTTDL', 'Văn hóa, Thể thao và Du lịch'],
    ['GD\\s*&\\s*ĐT|GDĐT', 'Giáo dục và Đào tạo'],
    ['TT\\s*&\\s*TT|TTTT', 'Thông tin và Truyền thông'],
    ['KH\\s*&\\s*CN|KHCN', 'Khoa học và Công nghệ'],
    ['NN\\s*&\\s*PTNT|NNPTNT', 'Nông nghiệp và Phát triển nông thôn'],
    ['TN\\s*&\\s*MT|TNMT', 'Tài nguyên và Môi trường'],
    ['LĐ-?TB&?XH', 'Lao động, Thương binh và Xã hội'],
    ['UBMTTQVN', 'Ủy ban Mặt trận Tổ quốc Việt Nam'],
    ['UBMTTQ', 'Ủy ban Mặt trận Tổ quốc'],
    ['MTTQVN', 'Mặt trận Tổ quốc Việt Nam'],
    ['MTTQ', 'Mặt trận Tổ quốc'],
    ['VPĐU', 'Văn phòng Đảng ủy'],
    ['UBND', 'Ủy ban nhân dân'],
    ['HĐND', 'Hội đồng nhân dân'],
    ['UBKT', 'Ủy ban Kiểm tra'],
    ['BTGDV', 'Ban Tuyên giáo và Dân vận'],
    ['BTG', 'Ban Tuyên giáo'],
    ['BDV', 'Ban Dân vận'],
    ['BCH', 'Ban Chấp hành'],
    ['BTV', 'Ban Thường vụ'],
    ['BCĐ', 'Ban Chỉ đạo'],
    ['BCS', 'Ban Cán sự'],
    ['LĐLĐ', 'Liên đoàn Lao động'],
    ['HLHPN', 'Hội Liên hiệp Phụ nữ'],
    ['HCCB', 'Hội Cựu chiến binh'],
    ['HND', 'Hội Nông dân'],
    ['TNCS\\s+HCM', 'Thanh niên Cộng sản Hồ Chí Minh'],
    ['HCM', 'Hồ Chí Minh'],
    // "TƯ" of "BỘ TƯ PHÁP" (the Ministry of Justice in capitals) is a word, not the abbreviation.
    ['TW|TƯ(?!\\s+PHÁP)', 'Trung ương'],
    ['TP\\.?', 'Thành phố'],
    ['TTg', 'Thủ tướng'],
    ['VP', 'Văn phòng'],
  ] as const
).map(([re, full]) => [new RegExp(`(?<![\\p{L}\\d])(?:${re})(?![\\p{L}\\d])`, 'gu'), full]);

export function expandAbbreviations(s: string): string {
  let out = normalizeVi(s);
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return out;
}

/** A trailing term of office ("khóa XIII", "nhiệm kỳ 2020 - 2025"): the same body in another term is the same issuer. */
const TERM_TAIL_RE = /[\s,(]+(?:khóa|khoá|nhiệm\s+kỳ)\s+[\p{L}\d\s–-]+\)?\s*$/iu;

/** Words of an issuer after expansion, punctuation and a trailing term of office dropped, original case kept. */
function issuerWords(s: string): string[] {
  return toneKey(expandAbbreviations(s).replace(TERM_TAIL_RE, ''))
    .replace(/[^\p{L}\p{M}\d]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
}

const PLACE_LEVEL = new Set(['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'đặc khu']);
const isNameWord = (w: string) => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w) || /^[\p{Lu}\p{M}]+$/u.test(w);
/** "ủy" after a level word makes a Party committee (Tỉnh ủy, Huyện ủy), not a place. */
const isCommittee = (w: string) => toneKey(w).toLowerCase() === 'ủy';

/** A place name: "tỉnh Lai Châu", "Thành phố Hồ Chí Minh", "TỈNH LAI CHÂU" (a level word, then names), or "Hậu Giang" (Title Case words). */
export function isPlaceTail(words: string[]): boolean {
  if (words.length === 0 || words.length > 6 || words.some(isCommittee)) return false;
  for (const n of [2, 1]) {
    const level = words.slice(0, n).join(' ').toLowerCase();
    if (words.length > n && PLACE_LEVEL.has(level)) return words.slice(n).every(isNameWord);
  }
  return words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(w));
}

const wordsKey = (words: string[]) => textKey(words.join(' '));

export function sameIssuer(expected: string | null, got: string | null): boolean {
  if (expected === null || got === null) return expected === got;
  const a = issuerWords(expected);
  const b = issuerWords(got);
  if (wordsKey(a) === wordsKey(b)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0) return false;
  return wordsKey(long.slice(0, short.length)) === wordsKey(short) && isPlaceTail(long.slice(short.length));
}
