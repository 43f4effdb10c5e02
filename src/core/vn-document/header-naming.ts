/**
 * How a reprint without its header still names the document: the number alone as a portal's page title, a
 * sentence-case title line with its subject ("Công văn Số: 940/BVHTTDL-TV, ngày … Về việc …"), and a ministry
 * named by the code of its own number.
 */
import { spannedTrim, type Line } from './layout.js';
import { findSymbols, type SymbolMatch } from './symbols.js';
import { TITLE_TYPES } from './title-types.js';
import type { ParsedDirective, Spanned } from './types.js';

/** The header fields these readers fill. */
interface Fillable extends Pick<ParsedDirective, 'docType' | 'convention' | 'numberSymbol' | 'number' | 'subject'> {
  symbol: SymbolMatch | null;
  titled: boolean;
}

/** A portal's page title that is the document's number alone ("3216/BVHTTDL-VP" on the first line). */
export function pageTitleSymbol(text: string, lines: Line[], result: Fillable): void {
  const first = lines[0];
  if (!first) return;
  const found = findSymbols(text, first.start, first.end);
  const only = found.length === 1 ? found[0] : undefined;
  if (!only || text.slice(first.start, first.end).trim() !== text.slice(only.start, only.end).trim()) return;
  result.symbol = only;
  result.numberSymbol = { value: only.canonical, span: [only.start, only.end] };
  result.number = only.number;
  result.convention = only.convention;
}

/** "Công văn Số: 940/BVHTTDL-TV, ngày … Về việc …", "Công văn Về việc …": a title line in sentence case with its subject. */
const TITLED_LINE_RE = new RegExp(`^(${TITLE_TYPES.map(([t]) => t.charAt(0) + t.slice(1).toLowerCase()).join('|')})(?![\\p{L}\\d])[^\\n]{0,120}?\\s(?:Về việc|V\\/v)\\s*:?\\s*(?=\\p{L})`, 'u');

export function titledLineSubject(text: string, lines: Line[], result: Fillable): void {
  for (const line of lines.slice(0, 12)) {
    const m = TITLED_LINE_RE.exec(line.text);
    if (!m?.[1]) continue;
    result.subject = spannedTrim(text, line.start + m[0].length, line.end, /[\s.]/u);
    const type = TITLE_TYPES.find(([t]) => t.toLowerCase() === m[1]!.toLowerCase());
    if (type && !result.docType) result.docType = { value: type[1], span: [line.start, line.start + m[1].length] };
    result.titled = true;
    return;
  }
}

/** Ministries by the field in their code ("BVHTTDL" is the Bộ Văn hóa, Thể thao và Du lịch), fixed by the Government's list of ministries. */
const MINISTRY_FIELDS: Readonly<Record<string, string>> = {
  VHTTDL: 'Văn hóa, Thể thao và Du lịch',
  GDĐT: 'Giáo dục và Đào tạo',
  YT: 'Y tế',
  TP: 'Tư pháp',
  NV: 'Nội vụ',
  TC: 'Tài chính',
  CA: 'Công an',
  QP: 'Quốc phòng',
  CT: 'Công Thương',
  XD: 'Xây dựng',
  KHĐT: 'Kế hoạch và Đầu tư',
  TNMT: 'Tài nguyên và Môi trường',
  NNPTNT: 'Nông nghiệp và Phát triển nông thôn',
  LĐTBXH: 'Lao động - Thương binh và Xã hội',
  TTTT: 'Thông tin và Truyền thông',
  KHCN: 'Khoa học và Công nghệ',
  GTVT: 'Giao thông vận tải',
  NG: 'Ngoại giao',
};

/**
 * A State công văn's own number names its ministry ("940/BVHTTDL-TV"): when the header lost the name, the ministry's name
 * where the text writes it ("Theo BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Bộ Văn hóa, Thể thao và Du lịch tiếp tục …").
 */
export function ministryFromCode(text: string, symbol: SymbolMatch | null): Spanned<string> | null {
  const m = symbol && symbol.kind === 'state' ? /^\d*\/(B([A-ZĐ]{2,6}))(?:-|$)/u.exec(symbol.canonical) : null;
  const field = m?.[2] ? MINISTRY_FIELDS[m[2]] : undefined;
  if (!field) return null;
  const words = `Bộ ${field}`.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const named = new RegExp(`(?<![\\p{L}\\d])${words.join('\\s+')}(?![\\p{L}\\d])`, 'iu').exec(text.slice(0, 20000));
  return named ? spannedTrim(text, named.index, named.index + named[0].length) : null;
}
