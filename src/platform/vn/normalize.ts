/**
 * Vietnamese text normalisation for display text and tone-placement keys
 * (docs: shared/domain/vn-documents.md §5.1–5.4).
 */

/** Look-alikes and odd spaces that creep in from OCR, PDF extraction and legacy files. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  '\u00D0': '\u0110', // Ð (Icelandic eth) → Đ
  '\u00F0': '\u0111', // ð → đ
  '\u00A0': ' ', // no-break space
  '\u2007': ' ', // figure space
  '\u202F': ' ', // narrow no-break space
};
const LOOKALIKE_RE = /[\u00D0\u00F0\u00A0\u2007\u202F]/g;

/**
 * Display normalisation: NFC, Ð/ð → Đ/đ, NBSP-like spaces → space. Trims nothing and keeps
 * the tone-mark placement of the input.
 */
export function normalizeVi(s: string): string {
  return s.normalize('NFC').replace(LOOKALIKE_RE, (c) => LOOKALIKES[c] ?? c);
}

/** The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook, dot below). */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
const CONSONANTS = new Set([...'bcdđghklmnpqrstvx']);
/** Nuclei whose open syllables have two accepted tone placements. */
const SWING_NUCLEI = new Set(['oa', 'oe', 'uy']);

interface Letter {
  /** Base letter with its original case (NFD base, so `đ` stays `đ`). */
  base: string;
  tone: string | null;
  /** Non-tone combining marks (circumflex, breve, horn, or anything foreign). */
  other: string;
}

function splitLetter(ch: string): Letter {
  const [base = '', ...marks] = ch.normalize('NFD');
  let tone: string | null = null;
  let other = '';
  for (const m of marks) {
    if (TONE_MARKS.has(m) && tone === null) tone = m;
    else other += m;
  }
  return { base, tone, other };
}

/**
 * Rewrites one letter run (NFC) to the "mark on the first vowel" style when it is an open
 * syllable with nucleus oa, oe or uy; returns it unchanged otherwise.
 */
function rewriteSyllable(word: string): string {
  const chars = [...word];
  const n = chars.length;
  if (n < 2) return word;
  const first = splitLetter(chars[n - 2] ?? '');
  const second = splitLetter(chars[n - 1] ?? '');
  // Only the second-vowel style needs rewriting; anything else stays as it is.
  if (second.tone === null || first.tone !== null) return word;
  if (first.other !== '' || second.other !== '') return word;
  if (!SWING_NUCLEI.has((first.base + second.base).toLowerCase())) return word;
  // The onset must be consonants only; `qu` + y (quý, quỳ) keeps its fixed placement.
  for (let i = 0; i < n - 2; i++) {
    const onset = splitLetter(chars[i] ?? '');
    if (onset.tone !== null || onset.other !== '' || !CONSONANTS.has(onset.base.toLowerCase())) return word;
  }
  if (n >= 3 && chars[n - 3]?.toLowerCase() === 'q') return word;
  const prefix = chars.slice(0, n - 2).join('');
  return prefix + (first.base + second.tone).normalize('NFC') + second.base;
}

const LETTER_RUN_RE = /[\p{L}\p{M}]+/gu;

/**
 * `normalizeVi` plus one tone-mark style for open oa/oe/uy syllables: the mark goes on the first
 * vowel (hòa, khỏe, thủy, ủy). Closed syllables (hoàn, thuyền) and qu/gi syllables (quý, già)
 * are untouched; case is preserved and the length in NFC code points does not change.
 */
export function toneKey(s: string): string {
  return normalizeVi(s).replace(LETTER_RUN_RE, rewriteSyllable);
}

/** Vowel-quality marks each base vowel may carry: â ê ô (circumflex), ă (breve), ơ ư (horn). */
const QUALITY_BY_VOWEL: Readonly<Record<string, string>> = {
  a: '\u0302\u0306',
  e: '\u0302',
  o: '\u0302\u031B',
  u: '\u031B',
  i: '',
  y: '',
};

/** True when `ch` (one character, any normal form) is a letter of the Vietnamese alphabet. */
export function isVietnameseLetter(ch: string): boolean {
  const [base = '', ...marks] = ch.normalize('NFD');
  const lower = base.toLowerCase();
  if (CONSONANTS.has(lower) || 'fjwz'.includes(lower)) return marks.length === 0 && lower !== '';
  const allowedQuality = QUALITY_BY_VOWEL[lower];
  if (allowedQuality === undefined) return false;
  const tones = marks.filter((m) => TONE_MARKS.has(m));
  const quality = marks.filter((m) => !TONE_MARKS.has(m));
  return tones.length <= 1 && quality.length <= 1 && quality.every((m) => allowedQuality.includes(m));
}
