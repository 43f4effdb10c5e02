/**
 * The layout of a copied header and signature (issue 15): table cells separated by tabs, "|" or runs of
 * spaces, headings flattened onto a body-name line or wrapped at any word, rule lines, the columns of a
 * header read row by row. Used by the normaliser before lines are joined.
 */
import { isAllCaps, isBareTitle } from './line-kinds.js';

/** The layout fields of a raw line the column helpers read and move. */
interface LayoutLine {
  text: string;
  gap: number;
  hardBreak: boolean;
}

/** Text without the bold marker of the normaliser. */
const bare = (s: string): string => s.replaceAll('\uE000', '');

/** A rule drawn under a heading ("-----", "___", "===="): layout, not text. */
export const RULE_LINE_RE = /^[-_=–—~.·]{3,}$/u;

/**
 * The cells of a row copied from a layout table: a tab (or a markdown `|`) separates the header's two
 * columns ("Số 52-KH/TU⇥ĐẢNG CỘNG SẢN VIỆT NAM"), the distribution list from the signature
 * ("- Lưu VT.⇥K/T TRƯỞNG BAN") or two signers of a joint document. A cell without two letters (a
 * numbering, a rule) or one that continues a sentence in lower case stays on the line of the cell before.
 */
export function cells(rawLine: string): string[] {
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
  // Header and signature rows are short; a long line is prose (and this keeps the work linear).
  if (line.length > 300 || !/\S {4,}\S/u.test(line)) return line;
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
    if (!upper || (before.trim() !== '' && !motto && !LEFT_COLUMN_RE.test(before.trimEnd()))) break;
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


const HEADING_LINE_RE = new RegExp(`^(?:${HEADING_RE.source}|CỘNG H(?:ÒA|OÀ) XÃ HỘI|CHỦ NGHĨA VIỆT NAM)$`, 'iu');

/** A caps line that may carry on the name of a body in the header's left column. */
const bodyNameLine = (t: string) => isAllCaps(t) && !HEADING_LINE_RE.test(t) && !isBareTitle(t) && t !== '*' && !/^Số(?![\p{L}\d])/u.test(t) && !/\d{2,}/u.test(t);

/**
 * A header table read row by row interleaves its columns: "ỦY BAN NHÂN DÂN" / "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
 * VIỆT NAM" / "TỈNH HẬU GIANG" / "Độc lập - Tự do - Hạnh phúc". The headings move below the rest of the
 * body's name, so that the name reads as one block above the number.
 */
export function columnOrder<T extends LayoutLine>(lines: T[]): T[] {
  const out = organisationAboveNumber(mergeHeadingParts(lines));
  // Only the header: the lines above the number or the title.
  const first = out.findIndex((l) => /^Số(?![\p{L}\d])/u.test(bare(l.text)) || isBareTitle(bare(l.text)));
  const limit = Math.min(out.length - 1, 14, first < 0 ? 14 : first);
  for (let pass = 0; pass < 3; pass++) {
    let moved = false;
    for (let i = 1; i < limit; i++) {
      const prev = bare((out[i - 1] as T).text);
      const here = out[i] as T;
      const next = out[i + 1] as T;
      if (!HEADING_LINE_RE.test(bare(here.text)) || !bodyNameLine(prev) || !bodyNameLine(bare(next.text))) continue;
      out[i] = { ...next, gap: here.gap };
      out[i + 1] = { ...here, gap: next.gap };
      moved = true;
    }
    if (!moved) break;
  }
  return out;
}

/**
 * "BAN CHẤP HÀNH TRUNG ƯƠNG" / "*" / "Số: 367-QĐ/TWĐTN-VP" / "ĐOÀN TNCS HỒ CHÍ MINH": a mass organisation's two-line
 * name read row by row around the star and the number. Its second line moves back under the first.
 */
function organisationAboveNumber<T extends LayoutLine>(lines: T[]): T[] {
  const top = lines.slice(0, 8).findIndex((l) => /TRUNG ƯƠNG$/u.test(bare(l.text).trim()) && isAllCaps(bare(l.text)));
  if (top < 0) return lines;
  for (let k = top + 1; k <= top + 3 && k < lines.length; k++) {
    const t = bare((lines[k] as T).text).trim();
    if (/^(?:ĐOÀN|HỘI|MẶT TRẬN|LIÊN ĐOÀN|CÔNG ĐOÀN)(?![\p{L}\d])/u.test(t) && isAllCaps(t)) {
      if (k === top + 1) return lines;
      const between = lines.slice(top + 1, k).map((l) => bare(l.text).trim());
      if (!between.every((b) => b === '*' || /^Số(?![\p{L}\d])/u.test(b))) return lines;
      const out = [...lines];
      const [org] = out.splice(k, 1);
      out.splice(top + 1, 0, org as T);
      return out;
    }
  }
  return lines;
}

const FULL_HEADING_RE = /^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)$/u;

/** A heading wrapped at any word ("CỘNG" / "HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ" / "NGHĨA VIỆT NAM") is one line again. */
function mergeHeadingParts<T extends LayoutLine>(lines: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as T;
    let merged: T | null = null;
    if (i < 25) {
      for (let k = 2; k <= 3 && !merged && i + k <= lines.length; k++) {
        const parts = lines.slice(i, i + k);
        const joined = parts.map((l) => bare(l.text).trim()).join(' ');
        if ((FULL_HEADING_RE.test(joined) || (k === 2 && isBareTitle(joined) && !isBareTitle(bare(line.text)))) && parts.slice(1).every((l) => l.gap <= 1)) {
          merged = { ...line, text: joined, hardBreak: (parts.at(-1) as T).hardBreak };
          i += k - 1;
        }
      }
    }
    out.push(merged ?? line);
  }
  return out;
}

