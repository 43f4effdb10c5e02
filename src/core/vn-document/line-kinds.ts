/**
 * What a line of a directive is: header furniture, a signature line, a numbered item … Shared by
 * the normaliser (which must not glue such lines to their neighbours) and the field readers.
 */

/** Signature authority prefixes: Party with a slash, State with a full stop. */
export const AUTHORITY_RE = /^(T\s?\/\s?M|K\s?\/\s?T|T\s?\/\s?L|T\s?\/\s?UQ|TM\.|KT\.|TL\.|TUQ\.|TƯQ\.|Q\.|(?:TM|KT|TL)(?=\s+\p{Lu}{2,}))(?=\s|$)/u;

/** Canonical spelling of an authority prefix ("TM" without its full stop is "TM."). */
export function canonicalAuthority(raw: string): string {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  if (/^(?:TM|KT|TL)$/u.test(compact)) return `${compact}.`;
  return compact === 'TƯQ.' ? 'TUQ.' : compact;
}

const NATIONAL_RE = /^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Cộng h(?:òa|oà) xã hội chủ nghĩa Việt Nam$|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc|ĐẢNG CỘNG SẢN VIỆT NAM)/u;
const PLACE_DATE_LINE_RE = /^[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,4},\s*ngày(?![\p{L}\d])/u;

/** A line with letters and no lower-case letter ("KẾ HOẠCH", "T/M ĐẢNG ỦY", "BÍ THƯ"). */
export function isAllCaps(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? [];
  return letters.length >= 2 && !/\p{Ll}/u.test(line.replace(/(?<![\p{L}\d])(?:V\/v|b\/c|đ\/c)(?![\p{L}\d])/gu, ''));
}

/** Lines that stand alone in the layout and are never glued to a neighbour. */
export function isStructuralLine(line: string): boolean {
  const s = line.trim();
  return (
    s === '*' ||
    /^Số(?![\p{L}\d])/u.test(s) ||
    /^V\/v(?![\p{L}\d])/u.test(s) ||
    /^Kính gửi(?![\p{L}\d])/iu.test(s) ||
    /^Nơi nhận(?![\p{L}\d])/iu.test(s) ||
    /^-?\s*Lưu\s*:?\s*(?:VT|Văn thư)(?![\p{L}\d])/u.test(s) ||
    AUTHORITY_RE.test(s) ||
    NATIONAL_RE.test(s) ||
    PLACE_DATE_LINE_RE.test(s) ||
    isAllCaps(s)
  );
}

/** A title line that holds only the document type ("KẾ HOẠCH", "THÔNG TƯ LIÊN TỊCH"): the subject below it is a line of its own. */
export function isBareTitle(line: string): boolean {
  return /^(?:THÔNG TƯ LIÊN TỊCH|CHƯƠNG TRÌNH|NGHỊ QUYẾT|QUYẾT ĐỊNH|NGHỊ ĐỊNH|HƯỚNG DẪN|THÔNG BÁO|THÔNG TRI|PHƯƠNG ÁN|CÔNG ĐIỆN|CÔNG VĂN|KẾ HOẠCH|KẾT LUẬN|QUY ĐỊNH|THÔNG TƯ|BÁO CÁO|CHỈ THỊ|QUY CHẾ|TỜ TRÌNH|ĐỀ ÁN|LUẬT)$/u.test(line.trim().replace(/\s+/g, ' '));
}

/** The kinds of numbering of a body, in the order a document normally nests them. */
export type MarkerKind = 'part' | 'article' | 'roman' | 'arabic' | 'arabic2' | 'arabicDash' | 'letter' | 'paren' | 'dash' | 'plus';

const MARKERS: readonly [MarkerKind, RegExp][] = [
  ['part', /^((?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+(?:[IVXLC]+|\d{1,2})\.?)(?=\s|$)/u],
  ['article', /^((?:Điều|ĐIỀU)\s+\d{1,3}\.?)(?=\s|$)/u],
  ['roman', /^([IVXLC]{1,6}\.)(?=\s|$)/u],
  ['arabic2', /^(\d{1,2}\.\d{1,2}\.?)(?=\s)/u],
  ['arabic', /^(\d{1,2}\.)(?=\s|$)/u],
  ['arabicDash', /^(\d{1,2}\s?-)(?=\s)/u],
  ['letter', /^([a-zđ]\))(?=\s)/u],
  ['paren', /^(\(\d{1,2}\))(?=\s)/u],
  ['dash', /^([-–•·])(?=\s*[\p{Lu}\d“"'(])/u],
  ['plus', /^(\+)(?=\s)/u],
];

/** The numbering at the start of a line, if any. */
export function sectionMarker(line: string): { kind: MarkerKind; marker: string } | null {
  for (const [kind, re] of MARKERS) {
    const m = re.exec(line);
    if (m?.[1]) return { kind, marker: m[1].replace(/\s+/g, '') };
  }
  return null;
}

export function isSectionMarkerLine(line: string): boolean {
  return sectionMarker(line) !== null;
}

/** "- xã hội, văn hóa …": a hyphen that begins a continuation, not a list item. */
export function startsWithDashContinuation(line: string): boolean {
  return /^[-–]\s+\p{Ll}/u.test(line);
}
