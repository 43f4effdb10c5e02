/** Lines of the normalised text with their offsets, and small span helpers. */
import type { Span, Spanned } from './types.js';

export interface Line {
  start: number;
  end: number;
  text: string;
}

export function toLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    if (end > start) lines.push({ start, end, text: text.slice(start, end) });
    start = end + 1;
  }
  return lines;
}

/** A value with the span of text[start, end) after trimming spaces and the given edge characters. */
export function spannedTrim(text: string, start: number, end: number, edge = /[\s]/u): Spanned<string> | null {
  let s = start;
  let e = end;
  while (s < e && edge.test(text[s] ?? '')) s++;
  while (e > s && edge.test(text[e - 1] ?? '')) e--;
  if (e <= s) return null;
  return { value: text.slice(s, e).replace(/\s+/g, ' '), span: [s, e] as Span };
}

/** Where the document's header ends and what marks it, computed once per parse. */
export interface Zones {
  /** Start of the body text (after the header, subject and Kính gửi list). */
  headerEnd: number;
  /** Start of the Nơi nhận/signature tail (or bodyEnd). */
  tailStart: number;
  /** End of the body text (footnotes follow). */
  bodyEnd: number;
}
