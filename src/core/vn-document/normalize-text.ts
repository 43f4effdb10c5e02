/**
 * Pre-normalisation of a directive's text (docs: shared/domain/vn-documents.md §5.4).
 *
 * NFC and legacy decoding, odd spaces, markdown markers removed (bold remembered), runs of spaces
 * collapsed, page-number lines dropped, footnotes pulled out to the end, and lines broken in the
 * middle of a sentence or a symbol rejoined. The result is the text every span refers to:
 * one paragraph (or header line) per line, footnotes after the body.
 */
import { normalizeVi } from '../../platform/vn/index.js';
import { decodeLegacyText } from './legacy.js';
import type { Footnote, Span } from './types.js';
import { cells, columnOrder, RULE_LINE_RE } from './columns.js';
import { relineFlat } from './flat.js';
import { repairHeaderWords } from './ocr-repair.js';
import { isBareTitle, isSectionMarkerLine, isStructuralLine, startsWithDashContinuation } from './line-kinds.js';

export interface NormalizedText {
  text: string;
  /** End of the body: footnotes (if any) follow after a blank line. */
  bodyEnd: number;
  footnotes: Footnote[];
  /** Ranges that were bold (`**…**`) in markdown input. */
  bold: Span[];
}

const BOLD = '\uE000';
const STAR = '\uE001';

interface RawLine {
  text: string;
  /** Blank lines before this one. */
  gap: number;
  /** The gap holds a whitespace-only line (page-break junk or a flattened column). */
  gapHasSpaces: boolean;
  /** The gap holds a long run of spaces (a footnote separator in PDF text). */
  gapHasLongSpaces: boolean;
  /** The raw line ended with two spaces (a markdown hard line break). */
  hardBreak: boolean;
}

/** Strips bold markers for tests on the visible text. */
export const bare = (s: string): string => s.replaceAll(BOLD, '');

function cleanCharacters(raw: string): string {
  let s = decodeLegacyText(normalizeVi(raw)).normalize('NFC');
  s = normalizeVi(s);
  s = s
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/\f|\v/g, '\n\n\n\n')
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/[\u2000-\u200A\u3000]/g, ' ')
    .replace(/[\u2044\u2215\uFF0F]/g, '/')
    // eslint-disable-next-line no-control-regex -- stray control characters are what this line removes
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F\uE000\uE001]/g, ' ');
  return s;
}

/** Removes markdown markers from one line; `**` becomes the BOLD marker. */
function stripMarkdown(line: string): string {
  if (/^\s*(?:\\?\*\s*)+$/.test(line)) return '*'; // the Party star under the issuer
  let s = line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/^\s*>\s?/, '');
  s = s.replace(/\\\*/g, STAR).replace(/\*\*/g, BOLD).replace(/\*/g, '').replaceAll(STAR, '*');
  s = s.replace(/\\([.\-+()[\]_#!>`|])/g, '$1');
  s = s.replace(/(^|\s)__(?=\S)|(?<=\S)__(?=\s|$)/g, '$1');
  return s;
}

function splitLines(s: string): RawLine[] {
  const out: RawLine[] = [];
  let gap = 0;
  let gapHasSpaces = false;
  let gapHasLongSpaces = false;
  for (const rawLine of s.split('\n').flatMap(relineFlat).flatMap(cells)) {
    // Not / {2,}$/: that regex backtracks quadratically on a long run of spaces followed by text.
    const hardBreak = rawLine.endsWith('  ');
    // A rule drawn after a header cell ("BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG -------") is layout, not part of the name.
    const text = repairHeaderWords(
      stripMarkdown(rawLine)
        .replace(/ {2,}/g, ' ')
        .trim()
        .replace(/(?<=\p{Lu})\s+[-_=–—]{3,}$/u, '')
        // A page label glued to the next line's first word ("Trang 1UỶ BAN NHÂN DÂN").
        .replace(/^Trang\s+\d{1,3}(?=\p{Lu}{2})/u, ''),
    );
    if (RULE_LINE_RE.test(bare(text))) {
      gap++;
      if (text.length >= 20) gapHasLongSpaces = true;
      continue;
    }
    if (bare(text).trim() === '') {
      gap++;
      if (rawLine.length > 0) gapHasSpaces = true;
      if (rawLine.length >= 20) gapHasLongSpaces = true;
      continue;
    }
    out.push({ text, gap, gapHasSpaces, gapHasLongSpaces, hardBreak });
    gap = 0;
    gapHasSpaces = false;
    gapHasLongSpaces = false;
  }
  return out;
}

const PAGE_NUMBER_RE = /^(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*\/\s*\d{1,3})?(?:\s*-)?$/i;

function dropPageNumbers(lines: RawLine[]): RawLine[] {
  return lines.filter((line, i) => {
    if (!PAGE_NUMBER_RE.test(bare(line.text))) return true;
    const next = lines[i + 1];
    const isolated = (i === 0 || line.gap > 0) && (next === undefined || next.gap > 0);
    // A bare number followed by a capitalised line right after a long-space gap is a footnote start, not a page number.
    return !isolated;
  });
}

const FOOTNOTE_START_RE = /^(\d{1,2})\s+(\p{Lu}.*)$/u;

/** Pulls footnotes (`1 Kết luận số …` after a separator gap) out of the body. */
function extractFootnotes(lines: RawLine[]): { body: RawLine[]; notes: { marker: string; text: string }[] } {
  const body: RawLine[] = [];
  const notes: { marker: string; text: string }[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as RawLine;
    const m = FOOTNOTE_START_RE.exec(bare(line.text));
    const marker = m?.[1];
    const separated = line.gapHasLongSpaces || line.gap >= 3;
    if (m && marker && separated && hasGluedMarker(body, marker)) {
      const parts = [m[2] ?? ''];
      let j = i + 1;
      let expected = Number(marker) + 1;
      while (j < lines.length) {
        const next = lines[j] as RawLine;
        if (next.gap >= 3 || (next.gapHasSpaces && next.gap >= 2)) break;
        const nm = FOOTNOTE_START_RE.exec(bare(next.text));
        if (nm && Number(nm[1]) === expected) {
          notes.push({ marker: String(expected - 1), text: parts.join(' ') });
          parts.length = 0;
          parts.push(nm[2] ?? '');
          expected++;
        } else parts.push(next.text);
        j++;
      }
      notes.push({ marker: String(expected - 1), text: parts.join(' ') });
      markGluedMarkers(body, notes);
      i = j;
      continue;
    }
    body.push(line);
    i++;
  }
  return { body, notes };
}

const gluedMarkerRe = (marker: string) => new RegExp(`(?<=[\\p{Ll})”"])${marker}(?=[\\s.,;:]|$)`, 'u');

function hasGluedMarker(body: RawLine[], marker: string): boolean {
  const re = gluedMarkerRe(marker);
  return body.some((l) => re.test(bare(l.text)));
}

/** Writes a glued footnote marker (`Ban Bí thư1`) as `Ban Bí thư[1]`. */
function markGluedMarkers(body: RawLine[], notes: { marker: string }[]): void {
  for (const note of notes) {
    const re = gluedMarkerRe(note.marker);
    for (let k = body.length - 1; k >= 0; k--) {
      const l = body[k] as RawLine;
      if (re.test(l.text)) {
        l.text = l.text.replace(re, `[${note.marker}]`);
        break;
      }
    }
  }
}

/** Words a sentence cannot end with: the line was broken in the middle of a phrase. */
const OPEN_ENDING_RE = /(?:^|\s)(?:của|và|các|về|cho|với|tại|theo|số|ngày|tháng|trong|những|để|là|từ|đến|Ban|Sở|Bộ|Ủy|Uỷ|hoặc|như|thuộc|do|được|có|nhằm|qua|ở|trên|dưới|vào)$/u;
const END_PUNCT_RE = /[.:;!?…]$|\.\/\.$/;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** How line B attaches to line A: '' (glued), ' ' (same paragraph) or '\n' (new line). */
function joiner(a: RawLine, b: RawLine, gap: number, wrapWidth: number): '' | ' ' | '\n' {
  const aText = bare(a.text);
  const bText = bare(b.text);
  if (gap <= 2 && /(?:^|\s)(?:\d{1,5}\s?[-–]|\S*\/\S*[\p{Lu}\d]-)$/u.test(aText) && /^[\p{Lu}\d]/u.test(bText)) return '';
  // "Số: 310" ⏎ "-CV/BTGDVTU", "Số: 52-KH/" ⏎ "TU": a number and symbol broken at its hyphen or slash.
  if (gap <= 2 && /^Số\s*:?\s*\d{1,5}$/u.test(aText) && /^[-–]\s?\p{Lu}{1,5}\s?\//u.test(bText)) return '';
  if (gap <= 2 && /(?:^|\s)\d{1,5}\s?[-–]\s?\p{Lu}[\p{L}]{0,4}\s?\/$/u.test(aText) && /^\p{Lu}/u.test(bText)) return '';
  if (isBareTitle(aText)) return '\n';
  const bLower = /^[\p{Ll}]/u.test(bText) || /^[,;)]/.test(bText);
  if ((bLower || startsWithDashContinuation(bText)) && !/\.\/\.$/.test(aText) && !isStructuralLine(bText) && !isSectionMarkerLine(bText)) return ' ';
  if ((isStructuralLine(aText) && !/^V\/v(?![\p{L}\d])/u.test(aText)) || isStructuralLine(bText) || isSectionMarkerLine(bText)) return '\n';
  if (wrapWidth > 0 && gap <= 1 && /[^./]\.$/.test(aText) && aText.length >= wrapWidth * 0.97) return ' ';
  if (END_PUNCT_RE.test(aText)) return '\n';
  if (gap <= 1 && OPEN_ENDING_RE.test(aText)) return ' ';
  if (/,$/.test(aText)) return ' ';
  if (gap > 1) return '\n';
  if (a.hardBreak && gap === 0) return ' ';
  if (wrapWidth > 0 && aText.length >= wrapWidth * 0.8) return ' ';
  return '\n';
}

/** The normalised text of a directive with footnotes and bold ranges. */
export function normalizeDirectiveText(raw: string): NormalizedText {
  const lines = extractAndClean(raw);
  const { body, notes } = lines;
  // Double spacing (a blank line after every line, as PDF extraction gives) hides real breaks.
  const gaps = body.slice(1).map((l) => l.gap);
  const doubleSpaced = gaps.length > 4 && gaps.filter((g) => g >= 1).length > gaps.length * 0.6;
  const lengths = body.map((l) => bare(l.text).length);
  const p90 = percentile(lengths, 0.9);
  // Hard-wrapped text has many lines close to one width; paragraphs-per-line text has not.
  const wrapped = p90 >= 40 && p90 <= 160 && lengths.filter((n) => n >= p90 * 0.8).length >= Math.max(3, lengths.length * 0.3);
  const wrapWidth = wrapped ? p90 : 0;

  let out = '';
  body.forEach((line, i) => {
    const text = glueFixes(line.text);
    if (i === 0) {
      out = text;
      return;
    }
    const prev = body[i - 1] as RawLine;
    const gap = doubleSpaced ? Math.max(0, line.gap - 1) + (line.gapHasSpaces ? 1 : 0) : line.gap;
    out += joiner(prev, line, gap, wrapWidth) + text;
  });
  const { text: bodyText, bold } = stripBold(out);
  let text = bodyText;
  const footnotes: Footnote[] = [];
  if (notes.length > 0) text += '\n';
  for (const note of notes) {
    const noteText = glueFixes(bare(note.text)).replace(/ {2,}/g, ' ').trim();
    text += '\n';
    const start = text.length + note.marker.length + 1;
    text += `${note.marker} ${noteText}`;
    footnotes.push({ marker: note.marker, text: noteText, span: [start, start + noteText.length] });
  }
  return { text, bodyEnd: bodyText.length, footnotes, bold };
}

function extractAndClean(raw: string) {
  const lines = dropPageNumbers(columnOrder(splitLines(cleanCharacters(raw))));
  return extractFootnotes(lines);
}

/** `số12-QĐ/TU` → `số 12-QĐ/TU`, `ngày12/3` → `ngày 12/3`. */
function glueFixes(s: string): string {
  return s.replace(/(?<![\p{L}\p{M}])([Ss]ố|[Nn]gày)(?=\d)/gu, '$1 ');
}

function stripBold(s: string): { text: string; bold: Span[] } {
  const bold: Span[] = [];
  let text = '';
  let open = -1;
  for (const ch of s) {
    if (ch === BOLD) {
      if (open < 0) open = text.length;
      else {
        if (text.length > open) bold.push([open, text.length]);
        open = -1;
      }
    } else text += ch;
  }
  if (open >= 0 && text.length > open) bold.push([open, text.length]);
  return { text, bold };
}
