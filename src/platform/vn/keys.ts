/** Keys for search, matching, dedup and sorting of Vietnamese text (vn-documents.md §5). */
import { normalizeVi, toneKey } from './normalize.js';

const COMBINING_RE = /\p{M}/gu;
/** Invisible format characters (soft hyphen, zero-width space/joiners, BOM) vanish from keys. */
const FORMAT_RE = /\p{Cf}/gu;
/** Anything that is not a letter, digit or combining mark separates tokens. */
const SEPARATOR_RE = /[^\p{L}\p{N}\p{M}]+/gu;

/**
 * Accent- and case-folded key: lower case, all diacritics removed, đ → d, punctuation and runs
 * of whitespace → one space, trimmed. `i`/`y` are not folded. Same result for NFC and NFD input.
 */
export function searchKey(s: string): string {
  return normalizeVi(s)
    .replace(FORMAT_RE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_RE, '')
    .replace(/\u0111/g, 'd')
    .replace(SEPARATOR_RE, ' ')
    .trim();
}

/**
 * True when every token of the query's search key occurs in `haystackKey` (a `searchKey` result).
 * An empty query matches everything.
 */
export function matchesSearch(haystackKey: string, query: string): boolean {
  const q = searchKey(query);
  if (q === '') return true;
  return q.split(' ').every((token) => haystackKey.includes(token));
}

/**
 * Key for duplicate detection: one tone style, lower case, punctuation removed, whitespace
 * collapsed, diacritics KEPT (Đảng and dàng stay different).
 */
export function dedupKey(s: string): string {
  return toneKey(s.replace(FORMAT_RE, ''))
    .toLowerCase()
    .replace(SEPARATOR_RE, ' ')
    .trim();
}

const collator = new Intl.Collator('vi');

/** Sort comparator in Vietnamese alphabetical order (a ă â b c d đ e ê …). */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}
