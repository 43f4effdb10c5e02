/**
 * Vietnamese-insensitive text folding for client-side filtering and highlighting. The server
 * does the real search; this only marks where a match is in a name already returned.
 */

/** Folds one character: strips tone and vowel marks, đ → d, lower-case. Keeps length 1. */
function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  if (lower === 'đ') return 'd';
  const base = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base.length === 1 ? base : lower;
}

/** Folds a string character by character, so indices in the result match the input. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Normalises a query: folded, single spaces, trimmed. */
export function foldQuery(query: string): string {
  return fold(query.normalize('NFC')).replace(/\s+/g, ' ').trim();
}

export interface TextPart {
  text: string;
  match: boolean;
}

/** Splits `text` into parts, marking the first folded occurrence of `query`. */
export function splitMatch(text: string, query: string): TextPart[] | null {
  const q = foldQuery(query);
  if (!q) return null;
  const chars = Array.from(text.normalize('NFC'));
  const folded = chars.map(foldChar);
  const haystack = folded.join('');
  // Work on code points: folded has one code unit per char only for BMP; map back safely.
  const index = haystack.indexOf(q);
  if (index < 0) return null;
  let pos = 0;
  let start = -1;
  let end = -1;
  for (let i = 0; i < folded.length; i += 1) {
    if (pos === index) start = i;
    pos += (folded[i] ?? '').length;
    if (pos === index + q.length) {
      end = i + 1;
      break;
    }
  }
  if (start < 0 || end < 0) return null;
  return [
    { text: chars.slice(0, start).join(''), match: false },
    { text: chars.slice(start, end).join(''), match: true },
    { text: chars.slice(end).join(''), match: false },
  ].filter((p) => p.text.length > 0);
}

/** Does `text` contain `query`, ignoring marks and case? */
export function foldIncludes(text: string, query: string): boolean {
  const q = foldQuery(query);
  return q === '' || fold(text.normalize('NFC')).includes(q);
}
