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
import { isAllCaps, isBareTitle, isSectionMarkerLine, isStructuralLine, startsWithDashContinuation } from './line-kinds.js';

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

/** A rule drawn under a heading ("-----", "___", "===="): layout, not text. */
const RULE_LINE_RE = /^[-_=–—~.·]{3,}$/u;

/**
 * The cells of a row copied from a layout table: a tab (or a markdown `|`) separates the header's two
 * columns ("Số 52-KH/TU⇥ĐẢNG CỘNG SẢN VIỆT NAM"), the distribution list from the signature
 * ("- Lưu VT.⇥K/T TRƯỞNG BAN") or two signers of a joint document. A cell without two letters (a
 * numbering, a rule) or one that continues a sentence in lower case stays on the line of the cell before.
 */
function cells(rawLine: string): string[] {
  rawLine = spaceColumns(rawLine);
  if (!rawLine.includes('|') && !rawLine.includes('\t')) return headingCells(rawLine);
  const md = /^\s*\|.*\|\s*$/.test(rawLine);
  const parts = (md ? rawLine.trim().slice(1, -1) : rawLine).split(/\t+|\s*\|\s*/).flatMap(headingCells);
  const out: string[] = [];
  for (const raw of parts) {
    const part = raw.replace(/\t/g, ' ');
    const prev = out.length - 1;
    const letters = (part.match(/\p{L}/gu) ?? []).length;
    const tiny = prev >= 0 && (out[prev] ?? '').match(/\p{L}/gu) === null && (out[prev] ?? '').trim() !== '*';
    if (prev >= 0 && part.trim() !== '' && (tiny || /^\s*[\p{Ll},;.)]/u.test(part))) out[prev] = `${out[prev]} ${part}`;
    else if (letters === 0 && RULE_LINE_RE.test(part.trim())) out.push('');
    else out.push(part);
  }
  return out;
}

/**
 * Columns laid out with runs of spaces ("ĐẢNG BỘ TỈNH NGHỆ AN          ĐẢNG CỘNG SẢN VIỆT NAM",
 * "*          Nghệ An, ngày 04 …"): a run of four or more spaces between two cells that start in capitals
 * (or the star) becomes a tab. A blank number or day ("Số        -CV/ĐU", "ngày    tháng 9") is not a column.
 */
function spaceColumns(line: string): string {
  if (!/\S {4,}\S/u.test(line)) return line;
  return line.replace(/(\S) {4,}(?=(\S+))/gu, (all, left: string, next: string, at: number) => {
    const before = line.slice(0, at + 1);
    if (/(?:^|\s)(?:Số\s*:?|ngày|tháng|năm)$/iu.test(before) || /^[-–/.…_,;:)]|^(?:tháng|năm)(?![\p{L}\d])/u.test(next)) return all;
    if (!/^[\p{Lu}*\d(]/u.test(next) || !/[\p{L}*.,;:)\d]/u.test(left)) return all;
    // Only a header or signature cell stands on the left: caps, the star, "Nơi nhận", a list item, a number, a date.
    const cell = before.slice(before.lastIndexOf('\t') + 1).trim();
    if (!(isAllCaps(cell) || cell === '*' || /^Nơi nhận/iu.test(cell) || /^[-–•+]\s.*[,;.]$/u.test(cell) || /\/\S*\p{Lu}$|năm \d{4}$/u.test(cell))) return all;
    return `${left}\t`;
  });
}

/** The national heading, the Party heading and the motto: the right column of a header. */
const HEADING_RE = /(?<!NƯỚC\s)(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc/iu;
/** What may stand on the left of a heading flattened onto its line: a body name, the star, a number. */
const LEFT_COLUMN_RE = /^(?:\s*(?:BAN|BỘ|SỞ|ỦY BAN|UỶ BAN|UBND|TỈNH|THÀNH|HUYỆN|QUẬN|XÃ|PHƯỜNG|ĐẢNG|CHI BỘ|HỘI|ĐOÀN|MẶT TRẬN|LIÊN|TỔNG|CỤC|CHI CỤC|TRUNG TÂM|TRƯỜNG|VĂN PHÒNG|CÔNG AN|CHÍNH PHỦ|QUÂN|THƯỜNG TRỰC|HĐND|HỘI ĐỒNG)(?![\p{L}\d])[^a-zà-ỹđ]*|.*(?:\*|\d{1,5}\s*[-–]?\s*\p{Lu}[\p{L}]{0,4}\s*\/\s*[\p{Lu}\d&-]+|Số\s*:?\s*))$/u;

/** What may follow a heading flattened onto its line: the motto, the place and date, the number, the star, a body name. */
const RIGHT_COLUMN_RE = /^(?:Độc\s+lập|\*|Số(?![\p{L}\d])|[-_]{3,}|(?:TP\.\s*)?[\p{Lu}][\p{Ll}]*(?:\s+[\p{Lu}][\p{Ll}]*){0,4}\s*,\s*ngày(?![\p{L}\d])|(?:ỦY BAN|UỶ BAN|UBND|TỈNH|HUYỆN|ĐẢNG|BAN|SỞ|BỘ)(?![\p{L}\d]))/u;

/**
 * A header flattened onto one line ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH X Độc lập -
 * Tự do - Hạnh phúc", "… * Số 09-KH/ĐU ĐẢNG CỘNG SẢN VIỆT NAM La Bằng, ngày …"): the heading goes on a line
 * of its own, and the Party star between the body name and the number too. A heading in capitals stays
 * in place when what precedes it is not a header column ("… NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM").
 */
function headingCells(cell: string): string[] {
  const out: string[] = [];
  let rest = cell;
  for (let guard = 0; guard < 4; guard++) {
    const m = HEADING_RE.exec(rest);
    if (!m) break;
    const before = rest.slice(0, m.index);
    const motto = /^Độc/iu.test(m[0]);
    const upper = motto || /^(?:CỘNG|ĐẢNG)/u.test(m[0]);
    const after = rest.slice(m.index + m[0].length).trim();
    if (!upper || (before.trim() !== '' && !motto && !LEFT_COLUMN_RE.test(before))) break;
    if (!motto && after !== '' && !RIGHT_COLUMN_RE.test(after)) break;
    out.push(...starCells(before));
    out.push(m[0]);
    rest = rest.slice(m.index + m[0].length);
  }
  out.push(...starCells(rest));
  const kept = out.filter((c) => c.trim() !== '');
  return kept.length > 0 ? kept : [cell];
}

/** "ĐẢNG ỦY XÃ A * Số 09-KH/ĐU": the star of a flattened Party header stands on its own line; so does a title glued to the date ("năm 2014TỜ TRÌNH"). */
function starCells(s: string): string[] {
  const m = /^(.*?\p{Lu}{2,})\s+\*\s+(Số(?![\p{L}\d]).*)$/u.exec(s);
  if (m) return [m[1] ?? '', '*', m[2] ?? ''];
  const glued = /^(.*năm \d{4})\s*((?:THÔNG TƯ LIÊN TỊCH|CHƯƠNG TRÌNH|NGHỊ QUYẾT|QUYẾT ĐỊNH|NGHỊ ĐỊNH|HƯỚNG DẪN|THÔNG BÁO|THÔNG TRI|PHƯƠNG ÁN|CÔNG ĐIỆN|KẾ HOẠCH|KẾT LUẬN|QUY ĐỊNH|THÔNG TƯ|BÁO CÁO|CHỈ THỊ|QUY CHẾ|TỜ TRÌNH|ĐỀ ÁN)(?![\p{L}\d]).*)$/u.exec(s);
  return glued ? [glued[1] ?? '', glued[2] ?? ''] : [s];
}

function splitLines(s: string): RawLine[] {
  const out: RawLine[] = [];
  let gap = 0;
  let gapHasSpaces = false;
  let gapHasLongSpaces = false;
  for (const rawLine of s.split('\n').flatMap(cells)) {
    const hardBreak = / {2,}$/.test(rawLine);
    const text = stripMarkdown(rawLine).replace(/ {2,}/g, ' ').trim();
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

const HEADING_LINE_RE = new RegExp(`^(?:${HEADING_RE.source}|CỘNG H(?:ÒA|OÀ) XÃ HỘI|CHỦ NGHĨA VIỆT NAM)$`, 'iu');

/** A caps line that may carry on the name of a body in the header's left column. */
const bodyNameLine = (t: string) => isAllCaps(t) && !HEADING_LINE_RE.test(t) && !isBareTitle(t) && t !== '*' && !/^Số(?![\p{L}\d])/u.test(t) && !/\d{2,}/u.test(t);

/**
 * A header table read row by row interleaves its columns: "ỦY BAN NHÂN DÂN" / "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
 * VIỆT NAM" / "TỈNH HẬU GIANG" / "Độc lập - Tự do - Hạnh phúc". The headings move below the rest of the
 * body's name, so that the name reads as one block above the number.
 */
function columnOrder(lines: RawLine[]): RawLine[] {
  const out = mergeHeadingParts(lines);
  // Only the header: the lines above the number or the title.
  const first = out.findIndex((l) => /^Số(?![\p{L}\d])/u.test(bare(l.text)) || isBareTitle(bare(l.text)));
  const limit = Math.min(out.length - 1, 14, first < 0 ? 14 : first);
  for (let pass = 0; pass < 3; pass++) {
    let moved = false;
    for (let i = 1; i < limit; i++) {
      const prev = bare((out[i - 1] as RawLine).text);
      const here = out[i] as RawLine;
      const next = out[i + 1] as RawLine;
      if (!HEADING_LINE_RE.test(bare(here.text)) || !bodyNameLine(prev) || !bodyNameLine(bare(next.text))) continue;
      out[i] = { ...next, gap: here.gap };
      out[i + 1] = { ...here, gap: next.gap };
      moved = true;
    }
    if (!moved) break;
  }
  return out;
}

const FULL_HEADING_RE = /^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)$/u;

/** A heading wrapped at any word ("CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ" / "NGHĨA VIỆT NAM") is one line again. */
function mergeHeadingParts(lines: RawLine[]): RawLine[] {
  const out: RawLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as RawLine;
    let merged: RawLine | null = null;
    if (i < 25) {
      for (let k = 2; k <= 3 && !merged && i + k <= lines.length; k++) {
        const parts = lines.slice(i, i + k);
        const joined = parts.map((l) => bare(l.text).trim()).join(' ');
        if ((FULL_HEADING_RE.test(joined) || (k === 2 && isBareTitle(joined) && !isBareTitle(bare(line.text)))) && parts.slice(1).every((l) => l.gap <= 1)) {
          merged = { ...line, text: joined, hardBreak: (parts.at(-1) as RawLine).hardBreak };
          i += k - 1;
        }
      }
    }
    out.push(merged ?? line);
  }
  return out;
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
