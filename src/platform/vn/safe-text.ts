/**
 * Text PostgreSQL can store. Two things a JavaScript string may hold cannot be stored: U+0000 (NUL;
 * `text` refuses the byte, `jsonb` the `\u0000` escape) and a lone UTF-16 surrogate (half of a
 * character: `JSON.stringify` writes it as `\udXXX`, which `json` refuses, and UTF-8 cannot encode it).
 * Text entering Lan Tỏa is checked once where it enters. The zod string type `safeString()`
 * (text-schema.ts) of every API input refuses a NUL (400) and replaces a lone surrogate by U+FFFD,
 * as the public form always did: a broken emoji in a citizen's opinion costs one character, not the
 * submission. The file readers reject a row holding either, with its line. Text read from a
 * document (a PDF's text layer often holds NULs) is repaired instead, with `toSafeText`.
 */
import { errorReasons } from '../../shared/error-reasons.js';

/* eslint-disable no-control-regex -- finding U+0000 is the point of these expressions */
/** A NUL or any surrogate: the quick test; a match is looked at closer (a surrogate pair is fine). */
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
/** A NUL, or a surrogate that is not half of a well-formed pair. */
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSAFE_ALL = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** What a person is told about such a character (Vietnamese, for field errors and rejected rows). */
export const UNSAFE_TEXT_MESSAGE: string = errorReasons.TEXT_UNSAFE.message;
/** The same, for a NUL alone (what a form field refuses; it repairs lone surrogates). */
export const NUL_TEXT_MESSAGE = 'Có ký tự rỗng (U+0000), không lưu được; hãy xóa ký tự đó rồi nhập lại.';

const LONE_SURROGATE_ALL = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SURROGATE = /[\uD800-\uDFFF]/;

/** The text with lone surrogates replaced by U+FFFD (what a browser's UTF-8 encoder does too); NULs stay. */
export function toWellFormed(text: string): string {
  return SURROGATE.test(text) ? text.replace(LONE_SURROGATE_ALL, '\uFFFD') : text;
}

/** True when the text holds a NUL or a lone surrogate. Cheap for the usual text (one scan, no match). */
export function hasUnsafeText(text: string): boolean {
  return SUSPECT.test(text) && UNSAFE.test(text);
}

/** The text with NULs removed and lone surrogates replaced by U+FFFD (for text read from documents). */
export function toSafeText(text: string): string {
  if (!SUSPECT.test(text)) return text;
  return text.replace(UNSAFE_ALL, (c) => (c === '\u0000' ? '' : '\uFFFD'));
}

/**
 * The path of the first string in a JSON-like value (object keys included) that holds a NUL or a
 * lone surrogate, or null when there is none.
 */
export function findUnsafeText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return hasUnsafeText(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (Buffer.isBuffer(value) || value instanceof Date) return null;
  for (const [key, item] of Object.entries(value)) {
    if (hasUnsafeText(key)) return [...path, key];
    const found = findUnsafeText(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** A JSON-like value with every string (and key) made safe by `toSafeText`; the same value when nothing needed it. */
export function toSafeJson<T>(value: T): T {
  if (findUnsafeText(value) === null) return value;
  return repair(value) as T;
}

function repair(value: unknown): unknown {
  if (typeof value === 'string') return toSafeText(value);
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(repair);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [toSafeText(k), repair(v)]));
}
