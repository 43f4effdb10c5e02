/**
 * A document whose line breaks were all lost (a forum repost, a document-sharing site's text, a PDF page
 * read as one line): "BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN-VP… Hà Nội, ngày 29 tháng 10 năm 2013
 * QUYẾT ĐỊNHVề việc … - Căn cứ …; Điều 1. … Nơi nhận: - Như điều 4; … TM. BAN BÍ THƯĐBÍ THƯ THƯỜNG TRỰC (đã ký)
 * Phan Văn Mãi". The line is cut again where the layout of an official document puts a break: around the
 * star and the headings, before the number, the place and date, after the title, before each basis, article,
 * Nơi nhận item and the signature's parts. Only long lines that carry a header are touched.
 */

const TITLES =
  'THÔNG TƯ LIÊN TỊCH|CHƯƠNG TRÌNH|NGHỊ QUYẾT|QUYẾT ĐỊNH|NGHỊ ĐỊNH|HƯỚNG DẪN|THÔNG BÁO|THÔNG TRI|PHƯƠNG ÁN|CÔNG ĐIỆN|KẾ HOẠCH|KẾT LUẬN|QUY ĐỊNH|THÔNG TƯ|BÁO CÁO|CHỈ THỊ|QUY CHẾ|TỜ TRÌNH|ĐỀ ÁN';
const HEADINGS = 'CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc\\s+lập\\s*[-–]\\s*Tự\\s+do\\s*[-–]\\s*Hạnh\\s+phúc';
const SIGN_TITLES = '(?:PHÓ\\s+)?(?:BÍ THƯ|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|BỘ TRƯỞNG|THỨ TRƯỞNG|HIỆU TRƯỞNG|VIỆN TRƯỞNG|CỤC TRƯỞNG)';

/** A header marker near the start of the line: the number, a heading or the star. */
const HEADER_MARK_RE = new RegExp(`Số\\s*:?\\s*\\d|${HEADINGS}|\\*{3}|\\s\\*\\s`, 'u');

/** Breaks of the header part (searched in the first characters only). */
const HEAD_BREAKS: readonly RegExp[] = [
  /\s*(\*{1,3})\s*(?=Số(?![\p{L}\d])|\p{Lu}{2})/gu,
  new RegExp(`\\s*(${HEADINGS})\\s*`, 'gu'),
  /\s*(?<![\p{L}\d])(?=Số\s*:?\s*(?:\d|[-–]\s*\p{Lu}))/gu,
  // One place and date (not global: "Hà Nội" is not cut again before "Nội").
  /\s+(?=(?:TP\.\s*)?\p{Lu}\p{Ll}+(?:[\s-]+\p{Lu}\p{Ll}+){0,3},\s*ngày\s)/u,
  /(?<=ngày\s*\d{0,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})\s*(?=\p{Lu})/gu,
  new RegExp(`(?<=(?:^|\\n)(?:${TITLES}))\\s*(?=Về\\s|V\\/v|\\p{Lu}\\p{Ll}|\\p{Ll})`, 'gu'),
  /\s*[-_]{5,}\s*/gu,
];

/** Breaks of the body and the signature (anywhere in the line). */
const BODY_BREAKS: readonly RegExp[] = [
  /\s*(?=[-–]\s?(?:Căn cứ|Căn|Thực hiện|Để|Xét)\s)/gu,
  /(?<=[;.,:])\s+(?=(?:Căn cứ|Thực hiện|Xét)\s)/gu,
  /\s+(?=(?:Điều|ĐIỀU)\s+\d{1,3}\.\s)/gu,
  /\s+(?=QUYẾT ĐỊNH:?\s+(?:Điều|ĐIỀU)\s)/gu,
  /\s+(?=Nơi nhận\s*:)/gu,
  /(?<=Nơi nhận\s*:|[;,.])\s+(?=[-–]\s+\p{Lu})/gu,
  /\s+(?=(?:T\/M|K\/T|T\/L|TM\.|KT\.|TL\.|TUQ\.)\s+\p{Lu}{2})/gu,
  // A title glued to the body signed for ("TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀNBÍ THƯ THƯỜNG TRỰC (đã ký)").
  new RegExp(`(?<=\\p{Lu}{2})(?=${SIGN_TITLES}(?![\\p{L}\\d])[^\\n]{0,40}\\((?:đã ký|Đã ký)\\))`, 'gu'),
  /\s*(\((?:đã ký|Đã ký|ký)\))\s*/gu,
  // The signer's name, then whatever follows the document (an attachment's header).
  /(?<=\((?:đã ký|Đã ký|ký)\)\n\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}*){1,4})\s+(?=\p{Lu}{2})/gu,
];

const MARKED_CAPS = /[^A-ZĐ0-9&-]/u;
const ONSET_RE = /(?:NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDĐGHKLMNPQRSTVX])$/u;
const ONSET_NO_GH_RE = /(?:NG|NH|CH|GI|KH|PH|QU|TH|TR|[BCDĐGHKLMNPQRSTVX])$/u;

/**
 * "TWĐTN-VPĐOÀN": a symbol glued to the next caps word. A symbol's code carries no Vietnamese vowel mark, so
 * the code stops at the syllable that has one ("ĐOÀN": its onset Đ, its vowels OÀ).
 */
function unglueSymbol(head: string): string {
  return head.replace(/(Số\s*:?\s*\d{1,5}\s*[-–]?\s*\p{Lu}[\p{L}]{0,4}\s*\/\s*)([\p{Lu}\d&-]{3,40})/u, (all, lead: string, run: string) => {
    const marked = run.search(MARKED_CAPS);
    if (marked <= 0) return all;
    let p = marked;
    while (p > 0 && /[AEIOUY]/u.test(run[p - 1] ?? '')) p--;
    // GH and NGH stand only before E, Ê, I ("GHI", "NGHỆ"): "BTGHỘI" is BTG + HỘI.
    const frontVowel = /^[EÊIÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊ]/u.test(run.slice(p));
    const onset = (frontVowel ? ONSET_RE : ONSET_NO_GH_RE).exec(run.slice(Math.max(0, p - 3), p));
    p -= onset?.[0].length ?? 0;
    return p > 0 ? `${lead}${run.slice(0, p)}\n${run.slice(p)}` : all;
  });
}

/** The line cut where an official document breaks its lines, when it is a long line that carries a header. */
export function relineFlat(line: string): string[] {
  if (line.length < 150 || !HEADER_MARK_RE.test(line.slice(0, 400))) return [line];
  // Runs of spaces are capped at four (still a column gap for the cell reader, and never joined text): the breaks'
  // "\s*(?=…)" then stay linear on a line made of long space runs.
  line = line.replace(/[ \t]{5,}/g, '    ');
  const cut = Math.min(line.length, 700);
  let head = unglueSymbol(line.slice(0, cut));
  for (const re of HEAD_BREAKS) head = head.replace(re, (m, g1?: string) => (typeof g1 === 'string' && g1 !== '' && m.includes(g1) ? `\n${g1}\n` : '\n'));
  let body = line.slice(cut);
  let whole = head + body;
  for (const re of BODY_BREAKS) whole = whole.replace(re, (m, g1?: string) => (typeof g1 === 'string' && g1 !== '' && m.includes(g1) ? `\n${g1}\n` : '\n'));
  body = whole;
  return body
    .split('\n')
    .map((l) => (/^\*{1,3}$/u.test(l.trim()) ? '*' : l.trim()))
    .filter((l) => l !== '');
}
