/**
 * The signature block (§1.6, §2.5, pitfall 13): authority (T/M, K/T, T/L, TM., KT., TL., TUQ., Q.),
 * the body signed for, the signer's title and name. The name is the first line after the title that
 * reads as a personal name; a surname that is also a title word ("Tổng Thanh Hải") is still a name
 * because it is written in mixed case, while titles are in capitals.
 */
import { AUTHORITY_RE, canonicalAuthority, isAllCaps } from './line-kinds.js';
import { toLines, type Line } from './layout.js';
import type { Signer, Spanned } from './types.js';

const TITLE_RE =
  /^(?:PHÓ\s+)?(?:BÍ THƯ|GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BỘ TRƯỞNG|THỨ TRƯỞNG|CỤC TRƯỞNG|CHÁNH THANH TRA|TỔNG GIÁM ĐỐC|VIỆN TRƯỞNG|HIỆU TRƯỞNG|TRƯỞNG PHÒNG|THỦ TRƯỞNG|TỔNG CỤC TRƯỞNG|CHI CỤC TRƯỞNG|TRƯỞNG ĐOÀN|CHỦ NHIỆM|THỦ TƯỚNG|TỔNG BÍ THƯ|TRƯỞNG CÔNG AN|CHỈ HUY TRƯỞNG)$/u;
const NAME_RE = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,5}$/u;
const FLAT_RE =
  /(?<=^|\s)(T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s+((?:[\p{Lu}\d,]+\s+)*?)((?:PHÓ\s+)?(?:BÍ THƯ|GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BỘ TRƯỞNG|THỨ TRƯỞNG|CỤC TRƯỞNG))\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})(?=\s*$|\s+\p{Lu}\p{Ll}*:|\s*\n)/u;

/** Stamp and signature notes of reprints: "(Đã ký)", "[đã ký]", "(Ký, đóng dấu)", "(Chữ ký số)". */
const STAMP_RE = /^[([]?\s*(?:đã ký|ký tên|ký và đóng dấu|ký, đóng dấu|ký, ghi rõ họ tên|chữ ký số|ký số|đã ký và đóng dấu|signed)[^)\]]{0,30}[)\]]?\.?$/iu;
/** Lines of the other column interleaved with the signature when a layout table was flattened: Nơi nhận and its items. */
const OTHER_COLUMN_RE = /^(?:[-–•+]\s|Nơi nhận|Lưu\s*:?\s)/u;
const TITLE_WORD_RE = /(?:^|\s)(?:BÍ THƯ|TRƯỞNG|CHỦ TỊCH|GIÁM ĐỐC|PHÓ|ỦY VIÊN|UỶ VIÊN|THƯỜNG TRỰC|THƯỜNG VỤ|BAN|ỦY BAN|UỶ BAN|ĐẢNG|TỈNH|HUYỆN|CHÁNH|CỤC|TỔNG|VIỆN|THANH TRA|THỦ|CHỈ HUY|HỘI|ĐOÀN|SỞ|BỘ|KT\.|TM\.|TL\.)(?![\p{L}\d])/u;

/** A name printed in capitals ("NGUYỄN VĂN AN"): two to five words, none of them a title or body word. */
function isCapsName(t: string): boolean {
  return /^\p{Lu}+(?:\s+\p{Lu}+){1,4}$/u.test(t) && !TITLE_WORD_RE.test(t);
}

/** The signature's own lines from index `from`: stamp notes and the other column's list lines left out. */
function ownLines(lines: Line[], from: number): Line[] {
  const out: Line[] = [];
  for (let i = from; i < lines.length && out.length < 6; i++) {
    const line = lines[i] as Line;
    const t = line.text.trim();
    if (STAMP_RE.test(t) || OTHER_COLUMN_RE.test(t)) continue;
    out.push(line);
  }
  return out;
}

function nameAfter(lines: Line[], from: number, capsOk: boolean): Line | null {
  for (const line of lines.slice(from, from + 6)) {
    // A stray mark glued after the name ("Trần Thành Lập ;") is not part of it.
    const t = line.text.trim().replace(/[\s.,;:]+$/u, '');
    const name = { start: line.start, end: line.start + line.text.indexOf(t) + t.length, text: t };
    if (NAME_RE.test(t) && !/^(?:Nơi nhận|Kính gửi|Lưu)(?![\p{L}\d])/u.test(t)) return name;
    if (capsOk && isCapsName(t)) return name;
  }
  return null;
}

/** A line that is a signer's title ("GIÁM ĐỐC", "PHÓ CHỦ TỊCH", "TRƯỞNG"). */
export function isSignerTitle(line: string): boolean {
  const t = line.trim();
  return TITLE_RE.test(t) || BARE_TITLE_RE.test(t);
}

/** A head's title typed in sentence case by a small unit's site ("Bí thư Đảng ủy - Hiệu Trưởng"): short, no sentence end. */
const MIXED_TITLE_RE = /^(?:Phó\s+)?(?:Bí thư|Giám đốc|Chủ tịch|Hiệu trưởng|Trưởng ban|Viện trưởng|Cục trưởng|Trưởng phòng|Chánh Văn phòng)(?![\p{L}\d])[^.;:!?,\n]{0,50}$/u;

/** The last two lines of a text are a sentence-case title and a name: the signature of a head who signs alone. */
export function mixedCaseSignature(lines: Line[]): { title: Line; name: Line } | null {
  const [title, name] = lines.slice(-2);
  if (!title || !name) return null;
  const t = title.text.trim();
  const n = name.text.trim().replace(/[\s.,;:]+$/u, '');
  if (!MIXED_TITLE_RE.test(t) || isAllCaps(t) || !NAME_RE.test(n)) return null;
  return { title, name: { start: name.start + name.text.indexOf(n), end: name.start + name.text.indexOf(n) + n.length, text: n } };
}

/** A head who signs with the title alone, no name below ("TRƯỞNG", "GIÁM ĐỐC" as the last line). */
const BARE_TITLE_RE = /^(?:PHÓ\s+)?(?:TRƯỞNG(?: PHÒNG| BAN)?|GIÁM ĐỐC|CHỦ TỊCH|BÍ THƯ|HIỆU TRƯỞNG|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|BỘ TRƯỞNG)$/u;

/** Reads the signature from text[from, to) (the tail of the document). */
export function readSigner(text: string, from: number, to: number): Spanned<Signer> | null {
  const all = toLines(text, from, to);
  // The last authority line wins (an authority word can also appear in a Nơi nhận item).
  for (let i = all.length - 1; i >= 0; i--) {
    const line = all[i] as Line;
    const m = AUTHORITY_RE.exec(line.text);
    if (!m) continue;
    // The whole signature on the authority's line ("T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ Tổng Thanh Hải").
    const oneLine = readFlatSigner(text, line.start, line.end);
    if (oneLine?.value.name) return oneLine;
    let body = line.text.slice(m[0].length).trim() || null;
    let lines = ownLines(all, i + 1);
    let bodyEnd = line.end;
    // The body signed for wrapped before its last word ("TM. BAN THƯỜNG" / "VỤ"): one word that is no title goes back to it.
    const wrapped = lines[0]?.text.trim() ?? '';
    if (body && /^\p{Lu}+$/u.test(wrapped) && isAllCaps(wrapped) && !isSignerTitle(wrapped)) {
      body = `${body} ${wrapped}`;
      bodyEnd = lines[0]?.end ?? bodyEnd;
      lines = lines.slice(1);
    }
    const titleLine = lines[0];
    const hasTitle = titleLine !== undefined && isAllCaps(titleLine.text) && !NAME_RE.test(titleLine.text) && !(isCapsName(titleLine.text) && body !== null);
    const nameLine = nameAfter(lines, hasTitle ? 1 : 0, true);
    const endLine = nameLine ?? (hasTitle ? titleLine : line);
    return {
      value: {
        authority: canonicalAuthority(m[1] ?? m[0]),
        body,
        title: hasTitle ? titleLine.text.trim() : null,
        name: nameLine ? nameLine.text.trim() : null,
      },
      span: [line.start, Math.max(endLine?.end ?? line.end, bodyEnd)],
    };
  }
  const lines = all;
  // Signed by the head without an authority prefix: "GIÁM ĐỐC" then the name.
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as Line;
    if (!TITLE_RE.test(line.text.trim())) continue;
    const nameLine = nameAfter(ownLines(lines, i + 1), 0, true);
    if (!nameLine) continue;
    return { value: { authority: null, body: null, title: line.text.trim(), name: nameLine.text.trim() }, span: [line.start, nameLine.end] };
  }
  const flat = readFlatSigner(text, from, to);
  if (flat) return flat;
  const mixed = mixedCaseSignature(lines);
  if (mixed) return { value: { authority: null, body: null, title: mixed.title.text.trim(), name: mixed.name.text }, span: [mixed.title.start, mixed.name.end] };
  const last = lines.at(-1);
  if (last && BARE_TITLE_RE.test(last.text.trim())) return { value: { authority: null, body: null, title: last.text.trim(), name: null }, span: [last.start, last.end] };
  return null;
}

/** "… KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Xuân Huệ" when line breaks were lost. */
function readFlatSigner(text: string, from: number, to: number): Spanned<Signer> | null {
  const zone = text.slice(from, to);
  let m: RegExpExecArray | null = null;
  const re = new RegExp(FLAT_RE.source, 'gu');
  for (let x = re.exec(zone); x; x = re.exec(zone)) m = x;
  if (!m) return null;
  const start = from + m.index;
  return {
    value: {
      authority: canonicalAuthority(m[1] ?? ''),
      body: (m[2] ?? '').trim() || null,
      title: m[3] ?? null,
      name: m[4] ?? null,
    },
    span: [start, start + m[0].length],
  };
}
