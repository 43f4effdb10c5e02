/**
 * Addressees: "Kính gửi" recipients and the "Nơi nhận" distribution list (§1.7, §2.5, pitfall 12).
 * List dashes, trailing `,` `;` `.` and report marks such as `(b/c)` are kept out of the names.
 */
import { AUTHORITY_RE, isAllCaps } from './line-kinds.js';
import { toLines, type Line } from './layout.js';
import type { Span, Spanned } from './types.js';

const REPORT_MARK_RE = /\s*\((?:b\/c|B\/c|B\/C|để b\/c|để báo cáo|báo cáo|để biết|đ\/b|để thực hiện|t\/h|thực hiện|để phối hợp|phối hợp)\)\s*$/u;
const EDGE_RE = /[\s,;.:\-–•+]/u;

/** One name from text[start, end): list marks, edge punctuation and report marks removed. */
function item(text: string, start: number, end: number): Spanned<string> | null {
  let s = start;
  let e = end;
  const trim = () => {
    while (s < e && EDGE_RE.test(text[s] ?? '')) s++;
    while (e > s && /[\s,;.:]/u.test(text[e - 1] ?? '')) e--;
  };
  trim();
  const mark = REPORT_MARK_RE.exec(text.slice(s, e));
  if (mark) {
    e = s + mark.index;
    trim();
  }
  if (e <= s) return null;
  const value = text.slice(s, e).replace(/\s+/g, ' ');
  if (!/\p{L}/u.test(value)) return null;
  return { value, span: [s, e] as Span };
}

/** Splits text[start, end) into items at `;` and at "- " item starts, then cleans each item. */
function splitItems(text: string, start: number, end: number, splitOnSemicolon: boolean): Spanned<string>[] {
  const out: Spanned<string>[] = [];
  const chunk = text.slice(start, end);
  const cut = splitOnSemicolon ? /;|(?<=[,.;]|^)\s*\n?\s*[-–•+]\s+(?=[\p{Lu}\d“"])/gu : /(?<=[,.;]|^)\s*\n?\s*[-–•+]\s+(?=[\p{Lu}\d“"])|\n(?=\s*[-–•+]\s)/gu;
  let last = 0;
  for (const m of chunk.matchAll(cut)) {
    const it = item(text, start + last, start + m.index);
    if (it) out.push(it);
    last = m.index + m[0].length;
  }
  const it = item(text, start + last, end);
  if (it) out.push(it);
  return out;
}

/** Where a list of dash lines that starts at `lines[i]` ends (exclusive index). */
function listEnd(lines: Line[], i: number, stopAtNonDash: boolean): number {
  let j = i;
  while (j < lines.length) {
    const line = lines[j] as Line;
    const dashLine = /^[-–•+]\s*/u.test(line.text);
    if (j > i && !dashLine) {
      const prev = (lines[j - 1] as Line).text;
      const continues = !/[,;.:]$/u.test(prev) && !AUTHORITY_RE.test(line.text) && !isAllCaps(line.text) && !/^(?:Thực hiện|Căn cứ|Thi hành)(?![\p{L}\d])/u.test(line.text);
      if (stopAtNonDash || !continues) break;
    }
    j++;
  }
  return j;
}

/** Recipients after "Kính gửi:" on the same line or as a list below it. */
export function readRecipients(text: string, from: number, to: number): { items: Spanned<string>[]; end: number } | null {
  const lines = toLines(text, from, to);
  const idx = lines.findIndex((l) => /^Kính gửi\s*:?/iu.test(l.text));
  if (idx < 0) return readFlatRecipients(text, from, to);
  const line = lines[idx] as Line;
  const head = /^Kính gửi\s*:?\s*/iu.exec(line.text)?.[0].length ?? 0;
  const items = splitItems(text, line.start + head, line.end, true);
  let end = line.end;
  const next = lines[idx + 1];
  if (next && /^[-–•+]\s/u.test(next.text)) {
    const stop = listEnd(lines, idx + 1, false);
    const last = lines[stop - 1] as Line;
    items.push(...splitItems(text, next.start, last.end, true));
    end = last.end;
  }
  return { items, end };
}

/** "Kính gửi: A; B. Thực hiện …" when line breaks were lost. */
function readFlatRecipients(text: string, from: number, to: number): { items: Spanned<string>[]; end: number } | null {
  const zone = text.slice(from, to);
  const m = /Kính gửi\s*:\s*/iu.exec(zone);
  if (!m) return null;
  const start = from + m.index + m[0].length;
  const stop = /\.\s+(?=\p{Lu})|\s(?=(?:Thực hiện|Căn cứ|Thi hành)\s)/u.exec(text.slice(start, to));
  const end = stop ? start + stop.index : to;
  return { items: splitItems(text, start, end, true), end };
}

/** The "Nơi nhận" list; `from` is where to start looking (the tail of the document). */
export function readDistribution(text: string, from: number, to: number): { items: Spanned<string>[]; start: number; end: number } | null {
  const lines = toLines(text, from, to);
  const idx = lines.findIndex((l) => /^Nơi nhận\s*:?/iu.test(l.text));
  if (idx < 0) return null;
  const line = lines[idx] as Line;
  const head = /^Nơi nhận\s*:?\s*/iu.exec(line.text)?.[0].length ?? 0;
  const items: Spanned<string>[] = [];
  let end = line.end;
  const rest = line.text.slice(head);
  if (rest.trim().length > 0) {
    // Flattened text: the whole list and maybe the signature on one line.
    const sig = /\s(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s/u.exec(rest);
    const stop = line.start + head + (sig ? sig.index : rest.length);
    items.push(...splitItems(text, line.start + head, stop, /;/u.test(rest)));
    end = stop;
  }
  const next = lines[idx + 1];
  if (next && /^[-–•+]\s*/u.test(next.text)) {
    const stop = listEnd(lines, idx + 1, false);
    const last = lines[stop - 1] as Line;
    const block = text.slice(next.start, last.end);
    // State lists end items with ';' (items may share a line); Party lists with ','.
    items.push(...splitItems(text, next.start, last.end, /;\s*(?:\n|$)/u.test(block)));
    end = last.end;
  }
  return { items, start: line.start, end };
}
