/**
 * The header of a directive: type, number and symbol, issuing body, place and date, subject
 * (docs: shared/domain/vn-documents.md §1.2–1.5, §2.1–2.2, pitfalls 1–4).
 */
import { AUTHORITY_RE, isAllCaps, isStructuralLine, sectionMarker } from './line-kinds.js';
import { spannedTrim, toLines, type Line } from './layout.js';
import { findHeaderSymbol, type SymbolMatch } from './symbols.js';
import { ministryFromCode, pageTitleSymbol, titledLineSubject } from './header-naming.js';
import { TITLE_TYPES } from './title-types.js';
import type { DocType, ParsedDirective, PartialDate, Spanned } from './types.js';



/** A title line: the type alone, over a caps subject, or with its subject after it ("HƯỚNG DẪN thể thức …", "KẾ HOẠCH Về …"). */
/** Letters only, without marks: "K ÉT LUẬN" and "KẾT LUẬN" fold alike. */
const fold = (s: string) => s.normalize('NFD').replace(/[\p{M}\s]/gu, '').replace(/Đ/gu, 'D');
const FOLDED_TITLES = new Map<string, DocType>(TITLE_TYPES.map(([t, d]) => [fold(t), d]));

const TITLE_RE = new RegExp(`^(${TITLE_TYPES.map(([t]) => t.replace(/ /g, '\\s+')).join('|')})(?=$|\\s+(?:[\\p{Lu}\\s,\\-]*$|[Vv]ề(?![\\p{L}\\d])|\\p{Ll}))`, 'u');
const FLAT_TITLE_RE = new RegExp(`(?<=^|\\s)(${TITLE_TYPES.map(([t]) => t.replace(/ /g, '\\s+')).join('|')})(?=\\s+\\p{Lu}\\p{Ll})`, 'u');

/** A month written in words ("ngày 03 tháng bốn năm 2018", "tháng Giêng"). */
const MONTH_WORDS: Readonly<Record<string, number>> = { một: 1, giêng: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10, 'mười một': 11, 'mười hai': 12, chạp: 12 };
const DATE_LONG_RE = /ngày\s*(?:(\d{1,2})|[.…_\s]*)\s*tháng\s*(\d{1,2}|mười một|mười hai|một|giêng|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười|chạp|Giêng|Chạp)\s*năm\s*(\d{4})/u;
const PLACE_WORD = '(?:TP\\.|Tp\\.|[\\p{Lu}][\\p{Ll}]+\\.?)';
const PLACE_DATE_RE = new RegExp(`(?<![\\p{L}\\p{N}/-])(${PLACE_WORD}(?:[ \\t]+${PLACE_WORD}){0,4}),[ \\t]*(${DATE_LONG_RE.source})`, 'u');

/** Words that open the body of a directive after its header. */
export const BODY_OPENER_RE = /(?<=^|\s)(?:Thực hiện|Căn cứ|Thi hành|Theo đề nghị|Theo chỉ đạo|Nhằm|Để|Ngày \d|Trong thời gian|Hiện nay|Qua|Trên cơ sở|Xét)\s/u;

export interface HeaderResult extends Pick<ParsedDirective, 'docType' | 'convention' | 'numberSymbol' | 'number' | 'issuer' | 'place' | 'date' | 'subject'> {
  symbol: SymbolMatch | null;
  /** End of the header furniture (title, subject), where Kính gửi or the body starts. */
  end: number;
  /** The header has a title line ("KẾ HOẠCH") or a "V/v" subject: the text is a document, not an article about one. */
  titled: boolean;
  /** The header shows the Party star or heading. */
  partyMarks: boolean;
  stateMarks: boolean;
}

function toDate(m: RegExpExecArray): PartialDate {
  const num = (s: string | undefined) => (s === undefined ? null : Number(s));
  const day = num(m[1]);
  const month = m[2] !== undefined && !/^\d+$/u.test(m[2]) ? (MONTH_WORDS[m[2].toLowerCase()] ?? null) : num(m[2]);
  const year = num(m[3]);
  return { year, month: month !== null && month >= 1 && month <= 12 ? month : null, day: day !== null && day >= 1 && day <= 31 ? day : null };
}

/**
 * Reads the header in text[0, limit): `limit` is where the body clearly starts (Kính gửi, the first
 * "Thực hiện/Căn cứ" sentence or the first numbered item).
 */
export function readHeader(text: string, limit: number): HeaderResult {
  const lines = toLines(text, 0, limit);
  const result: HeaderResult = {
    docType: null,
    convention: null,
    numberSymbol: null,
    number: null,
    issuer: null,
    place: null,
    date: null,
    subject: null,
    symbol: null,
    end: limit,
    titled: false,
    partyMarks: false,
    stateMarks: false,
  };
  const zone = text.slice(0, limit);
  result.partyMarks = /(?:^|\n)\*(?:\n|$)|ĐẢNG CỘNG SẢN VIỆT NAM/u.test(zone);
  result.stateMarks = /CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc/iu.test(zone);

  const symbol = findHeaderSymbol(text, 0, limit);
  if (symbol) {
    result.symbol = symbol;
    result.numberSymbol = { value: symbol.canonical, span: [symbol.start, symbol.end] };
    result.number = symbol.number;
    result.convention = symbol.convention;
  }

  const pd = PLACE_DATE_RE.exec(zone);
  if (pd) {
    const placeStart = pd.index;
    result.place = { value: (pd[1] ?? '').trim(), span: [placeStart, placeStart + (pd[1] ?? '').length] };
    const dateText = pd[2] ?? '';
    const dateStart = pd.index + pd[0].length - dateText.length;
    const dm = DATE_LONG_RE.exec(dateText);
    if (dm) result.date = { value: toDate(dm), span: [dateStart, dateStart + dateText.length] };
  } else {
    const dm = DATE_LONG_RE.exec(zone);
    if (dm) result.date = { value: toDate(dm), span: [dm.index, dm.index + dm[0].length] };
  }

  if (!symbol) pageTitleSymbol(text, lines, result);
  titledLineSubject(text, lines, result);
  readTitleAndSubject(text, lines, result);
  const own = result.symbol;
  if (!result.docType && own?.docTypeFromCode) {
    result.docType = { value: own.docTypeFromCode, span: own.typeSpan ?? [own.start, own.end] };
  }
  result.issuer = readHeaderIssuer(text, lines, symbol) ?? ministryFromCode(text, own);
  return result;
}


function readTitleAndSubject(text: string, lines: Line[], result: HeaderResult): void {
  // "V/v …": the subject of a công văn, possibly over several lines.
  const vv = lines.findIndex((l) => /^V\/v(?![\p{L}\d])/u.test(l.text));
  if (vv >= 0) {
    const line = lines[vv] as Line;
    const start = line.start + (/^V\/v\s*:?\s*/u.exec(line.text)?.[0].length ?? 3);
    result.titled = true;
    result.subject = spannedTrim(text, start, line.end, /[\s.]/u);
    if (!result.docType) result.docType = { value: 'Công văn', span: [line.start, line.start + 3] };
  } else {
    // Flattened header: "… V/v lấy ý kiến dự thảo văn kiện Kính gửi: …".
    const m = /(?<=\s)V\/v\s*:?\s*(.+?)(?=\s+Kính gửi|\n|$)/u.exec(text.slice(0, result.end));
    if (m?.[1]) {
      const start = m.index + m[0].length - m[1].length;
      result.subject = spannedTrim(text, start, start + m[1].length, /[\s.]/u);
      if (!result.docType) result.docType = { value: 'Công văn', span: [m.index, m.index + 3] };
    }
  }
  let titleIdx = lines.findIndex((l) => TITLE_RE.test(l.text) && isAllCaps(l.text.replace(/\s+(?:[Vv]ề(?![\p{L}\d])|\p{Ll}).*$/u, '')));
  let damaged: DocType | null = null;
  if (titleIdx < 0) {
    // A title damaged by OCR or a converter ("K ÉT LUẬN", "HƯỚNGDẪN"): the same letters once spaces and marks are set aside.
    titleIdx = lines.findIndex((l) => l.text.length <= 24 && isAllCaps(l.text) && FOLDED_TITLES.has(fold(l.text)));
    damaged = titleIdx >= 0 ? (FOLDED_TITLES.get(fold((lines[titleIdx] as Line).text)) ?? null) : null;
  }
  if (titleIdx >= 0) {
    const line = lines[titleIdx] as Line;
    result.titled = true;
    const m = TITLE_RE.exec(line.text);
    const found = TITLE_TYPES.find(([t]) => t === (m?.[1] ?? '').replace(/\s+/g, ' '));
    if (m && found) result.docType = { value: found[1], span: [line.start, line.start + m[1]!.length] };
    else if (damaged) result.docType = { value: damaged, span: [line.start, line.end] };
    if (!result.subject) result.subject = subjectUnderTitle(text, lines, titleIdx, m?.[1]?.length ?? line.text.length);
    // A site's cut preview of the document ("… hàng năm đối[.]") followed by the text itself: the later title's subject is whole.
    if (result.subject && /\[(?:\.|…|\.\.\.)\]$/u.test(result.subject.value)) {
      const again = lines.findIndex((l, i) => i > titleIdx && m?.[1] !== undefined && TITLE_RE.exec(l.text)?.[1] === m[1]);
      if (again > titleIdx) result.subject = subjectUnderTitle(text, lines, again, m?.[1]?.length ?? 0) ?? result.subject;
    }
  } else if (!result.docType) {
    const zone = text.slice(0, result.end);
    const m = FLAT_TITLE_RE.exec(zone);
    const found = m ? TITLE_TYPES.find(([t]) => t === (m[1] ?? '').replace(/\s+/g, ' ')) : undefined;
    if (m && found && (result.numberSymbol || result.date)) result.docType = { value: found[1], span: [m.index, m.index + m[0].length] };
  }
  if (!result.subject && (result.numberSymbol || result.date)) {
    // Party công văn: the subject stands alone under the number and date, without "V/v".
    // It follows the number line; the place and date may come before or after it (structural lines are skipped).
    const after = result.numberSymbol?.span[1] ?? result.date?.span[1] ?? 0;
    // A caps trích yếu without its title line ("VỀ VIỆC XÂY DỰNG KẾ HOẠCH …", "BAN HÀNH QUY ĐỊNH …") right after the number and date.
    const capsIdx = lines.findIndex((l) => l.start >= after && capsSubjectLine(l.text));
    const next = lines.find((l) => l.start >= after && !isStructuralLine(l.text) && !sectionMarker(l.text) && !MOTTO_RE.test(l.text) && !garbled(l.text));
    if (capsIdx >= 0 && (!next || (lines[capsIdx] as Line).start < next.start)) result.subject = subjectUnderTitle(text, lines, capsIdx, 0);
    else if (next && next.text.length >= 10 && /^\p{Lu}/u.test(next.text)) result.subject = spannedTrim(text, next.start, next.end, /[\s.]/u);
  }
}

/** The motto, even when its end is damaged ("Độc lập - Tự do - Hạ! p!"c"). */
const MOTTO_RE = /^Độc\s*lập\s*[-–]\s*Tự\s*do/iu;

/** A line of a broken font map: symbols inside words ("H%&' d( )!* )!+c"). */
function garbled(t: string): boolean {
  const odd = (t.match(/[!"#$%&'()*+;<=>?@\\^{|}~]/gu) ?? []).length;
  return odd >= 4 && odd / t.length > 0.08;
}

/** A caps trích yếu standing without its title: long, and neither a body's name, a heading nor a title. */
function capsSubjectLine(t: string): boolean {
  return (
    t.length >= 25 &&
    isAllCaps(t) &&
    (/^(?:VỀ VIỆC|V\/V|BAN HÀNH)\s/u.test(t) || (!BODY_HEAD_RE.test(t) && !ENACTING_RE.test(t))) &&
    !STATE_HEADING_RE.test(t) &&
    !TITLE_RE.test(t) &&
    !/^Số(?![\p{L}\d])/u.test(t) &&
    !AUTHORITY_RE.test(t) &&
    !/\d{1,5}\s*[-/]\s*\p{Lu}{1,6}[-/]/u.test(t)
  );
}

/** The body that enacts a decision or resolution, printed under its subject. */
const ENACTING_RE =
  /^(?:ỦY BAN|UỶ BAN|HỘI ĐỒNG|CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|BAN BÍ THƯ|BỘ CHÍNH TRỊ|GIÁM ĐỐC|CHÍNH PHỦ|QUỐC HỘI|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|TRƯỞNG BAN|VIỆN TRƯỞNG|HIỆU TRƯỞNG|CHÁNH VĂN PHÒNG)(?![\p{L}\d])|KỲ HỌP THỨ/u;
/** A line that breaks in the middle of a phrase. */
const OPEN_END_RE = /(?:\s(?:CỦA|VÀ|VỀ|CHO|VỚI|TẠI|THUỘC|TRÊN|ĐỐI VỚI|CÁC|NHỮNG|TỈNH|THÀNH PHỐ)|[,-])$/u;

/** A line that can hold (part of) the trích yếu under the title. */
function subjectLine(t: string): boolean {
  return (
    t !== '*' &&
    /[\p{L}\d]/u.test(t) &&
    !STATE_HEADING_RE.test(t) &&
    !/^(?:Số|Kính gửi|Nơi nhận)(?![\p{L}\d])/iu.test(t) &&
    !AUTHORITY_RE.test(t) &&
    !sectionMarker(t) &&
    !/^[IVX]{1,4}\s?[-–]\s/u.test(t) &&
    !PLACE_DATE_RE.test(t) &&
    !/^(?:Hà Nội|[\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+){0,3})?,?\s*ngày\s/u.test(t) &&
    !/^\d{1,2}\s+tháng\s/u.test(t)
  );
}

/**
 * The trích yếu under the title: the rest of the title line or the lines below it, as long as they
 * are in capitals (a long subject wraps over several caps lines, and its last line may go on in lower
 * case: "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVI) về xây dựng …"). The place and date may stand between.
 */
function subjectUnderTitle(text: string, lines: Line[], titleIdx: number, typeLength: number): Spanned<string> | null {
  const title = lines[titleIdx] as Line;
  const rest = title.text.slice(typeLength);
  let start = -1;
  let end = -1;
  let caps = true;
  let j = titleIdx + 1;
  if (rest.trim().length > 0) {
    start = title.start + typeLength;
    end = title.end;
    caps = isAllCaps(rest);
  } else {
    while (j < lines.length && j <= titleIdx + 2 && !subjectLine((lines[j] as Line).text.trim())) j++;
  }
  for (let n = 0; j < lines.length && n < 6; j++, n++) {
    const line = lines[j] as Line;
    const t = line.text.trim();
    // The Party heading never follows the title: inside a caps subject it is part of it ("… THÀNH LẬP" / "ĐẢNG CỘNG SẢN VIỆT NAM").
    if (!(subjectLine(t) || (start >= 0 && /^ĐẢNG CỘNG SẢN VIỆT NAM/u.test(t)))) break;
    if (start >= 0 && !caps && isAllCaps(t)) break;
    // Below a caps subject: only caps lines carry it on, and not the enacting body ("ỦY BAN NHÂN DÂN TỈNH …",
    // "HỘI ĐỒNG NHÂN DÂN TỈNH KHÓA XI, KỲ HỌP THỨ 2") unless the line above breaks mid-phrase.
    // A mixed-case subject wrapped before a capitalised word ("… tiến tới Đại hội đại biểu" / "Đoàn TNCS Hồ Chí Minh …, nhiệm kỳ …").
    const wrappedMixed = start >= 0 && !caps && !isAllCaps(t) && /[\p{L}\d,]$/u.test(text.slice(start, end)) && !/[.;:]$/u.test(t) && n < 3 && !BODY_OPENER_RE.test(`${t} `.slice(0, 30));
    // A caps subject that ends on a year range wrapped alone ("… GIAI ĐOẠN" / "2017-2021").
    const yearsOnly = start >= 0 && caps && /^\d{4}\s*[-–]\s*\d{4}$/u.test(t);
    // A conclusion of a conference names the committee that held it ("HỘI NGHỊ LẦN THỨ BẢY" / "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH (KHÓA XVI) về …").
    const ofConference = start >= 0 && caps && /(?:^|\s)HỘI NGHỊ(?:\s+\S+){0,3}\s+L[ÂẦ]N THỨ\s+\S+$/u.test(text.slice(start, end)) && /^\p{Lu}{2}/u.test(t);
    if (start >= 0 && !wrappedMixed && !yearsOnly && !ofConference && (!isAllCaps(t) || (ENACTING_RE.test(t) && !OPEN_END_RE.test(text.slice(start, end))))) break;
    if (start < 0) start = line.start;
    end = line.end;
    caps = isAllCaps(t);
  }
  if (start < 0) return null;
  const label = /^\s*(?:V\/[Vv]|VỀ VIỆC|Về việc)\s*:?\s*/u.exec(text.slice(start, end));
  return spannedTrim(text, start + (label?.[0].length ?? 0), end, /[\s.]/u);
}

const NOT_ISSUER_RE = /^(?:\*|CỘNG H(?:ÒA|OÀ)|ĐỘC LẬP|ĐẢNG CỘNG SẢN VIỆT NAM$|V\/v|KÍNH GỬI|SỐ(?![\p{L}\d]))/iu;

/** The national heading of a State document, printed between the issuer and the number once the layout table is flattened. */
const STATE_HEADING_RE = /^(?:CỘNG H(?:ÒA|OÀ) XÃ HỘI(?: CHỦ NGHĨA VIỆT NAM)?|CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc)$/iu;
/** Words that open the name of a body; a caps line opening otherwise continues the line above. */
const BODY_HEADS =
  'BAN|BỘ|CHI BỘ|CHI CỤC|CỤC|TỔNG CỤC|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|ĐẢNG ĐOÀN|ĐOÀN|HỘI|HỘI ĐỒNG|MẶT TRẬN|ỦY BAN|UỶ BAN|UBND|UBMTTQ|SỞ|PHÒNG|VĂN PHÒNG|TRUNG TÂM|TRƯỜNG|HỌC VIỆN|VIỆN|BÁO|ĐÀI|CÔNG AN|KHO BẠC|THANH TRA|TỈNH ỦY|TỈNH UỶ|THÀNH ỦY|THÀNH UỶ|HUYỆN ỦY|HUYỆN UỶ|LIÊN ĐOÀN|CƠ QUAN|CHÍNH PHỦ|THƯỜNG TRỰC';
const BODY_HEAD_RE = new RegExp(`^(?:${BODY_HEADS})(?![\\p{L}\\d])`, 'u');
const BODY_START_RE = new RegExp(`(?<=\\s)(?:${BODY_HEADS})(?![\\p{L}\\d])`, 'gu');
const LOCALITY_RE = /(?:^|\s)(?:TỈNH|THÀNH PHỐ|TP\.|HUYỆN|QUẬN|THỊ XÃ|THỊ TRẤN|XÃ|PHƯỜNG|TRUNG ƯƠNG|VIỆT NAM)(?![\p{L}\d])/u;

/**
 * A body name wrapped over two header lines: the lower line does not open a name ("THAO VÀ DU LỊCH …",
 * "VÀ ĐIỆN ẢNH …"), the upper one breaks mid-name ("… -", "…,", "… VÀ"), or a board ("BAN …") without
 * its locality is completed by the lower line ("BAN TUYÊN GIÁO VÀ DÂN VẬN" / "ĐẢNG ỦY UBND TỈNH LAI CHÂU").
 */
function continuesAbove(upper: string, lower: string): boolean {
  // A single word cannot name a body: "ỦY" / "BAN NHÂN DÂN", "CHÍNH" / "PHỦ".
  if (!/\s/u.test(upper.trim())) return true;
  if (!BODY_HEAD_RE.test(lower)) return true;
  if (/(?:[-–,]|\sVÀ|\sCỦA)$/u.test(upper) || /^(?:VÀ|[-–,])(?![\p{L}\d])/u.test(lower)) return true;
  // The central committee of a mass organisation: "BAN CHẤP HÀNH TRUNG ƯƠNG" / "ĐOÀN TNCS HỒ CHÍ MINH".
  if (/TRUNG ƯƠNG$/u.test(upper.trim()) && /^(?:ĐOÀN|HỘI|MẶT TRẬN|LIÊN ĐOÀN|CÔNG ĐOÀN)(?![\p{L}\d])/u.test(lower)) return true;
  // A board or a people's committee/council needs its locality: the lower line that has it completes it, or names the
  // second body of a joint document sharing it ("ỦY BAN NHÂN DÂN" / "ỦY BAN MTTQ VIỆT NAM" / "TỈNH ĐẮK LẮK").
  return /^(?:BAN|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)$|^BAN(?![\p{L}\d])/u.test(upper.trim()) && !LOCALITY_RE.test(upper) && LOCALITY_RE.test(lower);
}

function issuerLine(line: Line): boolean {
  return isAllCaps(line.text) && !NOT_ISSUER_RE.test(line.text) && !TITLE_RE.test(line.text);
}

/** Header lines that stand between the issuer and its anchor: the star, the headings, a bare "Số:", the place and date. */
function betweenIssuerAndAnchor(t: string): boolean {
  return t === '*' || !/[\p{L}\d]/u.test(t) || STATE_HEADING_RE.test(t) || MOTTO_RE.test(t) || /^Số\s*:?$/u.test(t) || PLACE_DATE_RE.test(t);
}

/** The issuing body printed above the star or the number, when the header kept it (one name even when wrapped over two lines). */
function readHeaderIssuer(text: string, lines: Line[], symbol: SymbolMatch | null): Spanned<string> | null {
  // The star is the usual anchor; when the star was read before the body's name (a page title above it), the number is.
  const anchors = [lines.findIndex((l) => l.text === '*'), lines.findIndex((l) => symbol !== null && l.start <= symbol.start && symbol.start < l.end)];
  let fallback: Spanned<string> | null = null;
  for (const anchorIdx of anchors) {
    const found = issuerAbove(text, lines, anchorIdx, symbol);
    if (found && BODY_HEAD_RE.test(found.value)) return found;
    fallback ??= found;
  }
  return fallback;
}

function issuerAbove(text: string, lines: Line[], anchorIdx: number, symbol: SymbolMatch | null): Spanned<string> | null {
  if (anchorIdx < 0) return null;
  // The body's name and the number on one line ("ĐẢNG ỦY TRƯỜNG ĐH LẠC HỒNG Số: 90 - CV/ĐULH"): the caps words before "Số".
  const anchor = lines[anchorIdx] as Line;
  if (symbol && anchor.start < symbol.start) {
    const before = /^(.*?\p{Lu}{2,})\s+Số\s*:?\s*$/u.exec(text.slice(anchor.start, symbol.start));
    if (before?.[1] && isAllCaps(before[1]) && BODY_HEAD_RE.test(before[1].trim())) {
      return spannedTrim(text, lowestBody(text, anchor.start, anchor.start + before[1].length), anchor.start + before[1].length);
    }
  }
  if (anchorIdx === 0) return null;
  let i = anchorIdx - 1;
  while (i >= 0 && betweenIssuerAndAnchor((lines[i] as Line).text) && i >= anchorIdx - 6) i--;
  const column = lines;
  const nearest = column[i];
  // The issuing body is the line nearest the star; a parent body may stand above it.
  if (!nearest || !issuerLine(nearest)) return null;
  // A name wrapped over two or three lines ("ỦY" / "BAN NHÂN DÂN" / "TỈNH QUẢNG NAM").
  let top = i;
  while (top > 0 && top > i - 2) {
    const upper = column[top - 1] as Line;
    const lower = column.slice(top, i + 1).map((l) => l.text).join(' ');
    if (!issuerLine(upper) || !continuesAbove(upper.text, lower)) break;
    top--;
  }
  const start = lowestBody(text, (column[top] as Line).start, nearest.end);
  return spannedTrim(text, start, nearest.end);
}

/**
 * A parent body and the issuer flattened onto one line ("ĐẢNG BỘ TỈNH SƠN LA ĐẢNG ỦY VĂN PHÒNG UBND TỈNH",
 * "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU SỞ Y TẾ"): the issuer is the lowest body, the name that starts after a
 * complete parent (one with its locality). A board without its locality ("BAN TUYÊN GIÁO VÀ DÂN VẬN ĐẢNG
 * ỦY UBND TỈNH") is one name.
 */
function lowestBody(text: string, start: number, end: number): number {
  const name = text.slice(start, end);
  // Several parents may stand before the issuer ("ĐẢNG BỘ TỈNH THÁI NGUYÊN ĐẢNG BỘ HUYỆN ĐẠI TỪ ĐẢNG ỦY XÃ LA BẰNG"):
  // each cut needs a complete parent (with its locality) between it and the cut before.
  let cut = 0;
  for (const m of name.matchAll(BODY_START_RE)) {
    const at = m.index ?? 0;
    const before = name.slice(cut, at);
    const parent = LOCALITY_RE.test(before) || /^ĐẢNG BỘ\s/u.test(before);
    // "TRUNG ƯƠNG ĐOÀN …", "TRUNG ƯƠNG HỘI …": the central committee of that organisation, one name.
    const genitive = /TRUNG ƯƠNG\s*$/u.test(before) && /^(?:ĐOÀN|HỘI|MẶT TRẬN|LIÊN ĐOÀN)/u.test(m[0]);
    // A head that names a whole body by itself ("VĂN PHÒNG" of the central committee) needs no more words.
    const complete = /^(?:VĂN PHÒNG|THƯỜNG TRỰC)$/u.test(name.slice(at).trim());
    if (parent && !genitive && !/(?:\sVÀ|[-–,])\s*$/u.test(before) && (complete || /\s\p{Lu}/u.test(name.slice(at + m[0].length)))) cut = at;
  }
  return start + cut;
}

export const ISSUER_HEAD =
  '(?:Ban Thường vụ|Ban Chấp hành|Ban|Thường trực|Đảng ủy|Đảng uỷ|Đảng đoàn|Ban cán sự|Sở|Ủy ban|Uỷ ban|UBND|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Chi bộ|Văn phòng|Bộ|Cục|Tổng cục|Chi cục|Phòng|Trung tâm|Hội đồng|Hội|Đoàn|Mặt trận|Công an|Bộ Chỉ huy|Liên đoàn|Thanh tra|Kho bạc|Viện|Học viện|Trường|Đài|Báo|Cơ quan|Chính phủ|Thủ tướng|Thường vụ|Quân ủy|Quân uỷ|Bộ Tư lệnh|Quốc hội|Chủ tịch nước|Kiểm toán|Tòa án|Viện kiểm sát|HĐND|MTTQ|VPĐU|VPTU|VPHU)';
const BODY_ISSUER_RE = new RegExp(
  `(?<=^|\\n|[.;:,]\\s)(${ISSUER_HEAD}(?:[\\s,]+[\\p{L}&\\-]+){0,14}?)(?:\\s*\\((?:khóa|khoá|nhiệm kỳ)[^)\\n]{1,30}\\))?\\s+(?:trân trọng\\s+)?(?:yêu cầu|ban hành|hướng dẫn|đề nghị|thông báo|chỉ đạo|triển khai|xây dựng|quyết định|quyết nghị|giao|truyền đạt|có ý kiến|phát động|báo cáo|kính gửi)(?![\\p{L}\\d])`,
  'u',
);

/**
 * The issuing body named by the opening of the body ("Đảng ủy Văn phòng UBND tỉnh yêu cầu …",
 * "Sở Văn hóa, Thể thao và Du lịch ban hành Kế hoạch …"), for documents whose header was lost.
 */
export function readBodyIssuer(text: string, from: number, to: number): Spanned<string> | null {
  const zone = text.slice(from, to);
  let first: Spanned<string> | null = null;
  for (const m of zone.matchAll(BODY_ISSUER_RE_G)) {
    if (!m[1]) continue;
    const start = from + (m.index ?? 0);
    // The committee's term is not part of its name: "Ban Chấp hành Đảng bộ tỉnh khóa XIII", "… (nhiệm kỳ 2020 - 2025)".
    const term = /[\s,(]+(?:khóa|khoá|nhiệm kỳ)(?![\p{L}\d])/iu.exec(m[1]);
    const found = spannedTrim(text, start, start + (term ? term.index : m[1].length), /[\s,]/u);
    if (!first) first = found;
    // The same body named more fully further on ("VPĐU đề nghị …" … "VPĐU Viện Kiến trúc Quốc gia đề nghị …"): the fuller name.
    else if (found && found.value.startsWith(`${first.value} `)) return found;
  }
  return first;
}
const BODY_ISSUER_RE_G = new RegExp(BODY_ISSUER_RE.source, 'gu');
