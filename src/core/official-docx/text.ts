/** The wording of an official document: dates, number lines, lists, the "Thực hiện …" sentence. */
import type { Convention, DocumentRef, OfficialDate, OfficialSigner } from './types.js';

/** NFC and single spaces, so input pasted as NFD or with stray spaces renders cleanly. */
export function clean(text: string): string {
  return text.normalize('NFC').replace(/[ \t\u00a0]+/g, ' ').trim();
}

/** Decree 30 / Guidance 36 padding: days 1–9 and months 1–2 take a leading zero. */
export function padDay(day: number): string {
  return String(day).padStart(2, '0');
}

export function padMonth(month: number): string {
  return month <= 2 ? String(month).padStart(2, '0') : String(month);
}

/**
 * "Lai Châu, ngày 21 tháng 10 năm 2025". A blank day or month is left as spaces to be filled
 * in by hand: "Lai Châu, ngày   tháng 10 năm 2025".
 */
export function formatVietnameseDate(place: string, date: OfficialDate): string {
  const day = date.day === null ? ' ' : padDay(date.day);
  const month = date.month === null ? ' ' : padMonth(date.month);
  const when = `ngày ${day} tháng ${month} năm ${date.year}`;
  const where = clean(place);
  return where ? `${where}, ${when}` : when;
}

/** "26/12/2025", "07/8/2025", "tháng 10/2025", "năm 2025"; null when nothing is known. */
export function formatShortDate(date: DocumentRef['date']): string | null {
  if (!date || date.year === null) return null;
  if (date.month === null) return `năm ${date.year}`;
  if (date.day === null) return `tháng ${padMonth(date.month)}/${date.year}`;
  return `ngày ${padDay(date.day)}/${padMonth(date.month)}/${date.year}`;
}

export function isCongVan(docType: string): boolean {
  return clean(docType).toLocaleLowerCase('vi') === 'công văn';
}

/** 'KẾ HOẠCH' or 'kế hoạch' → 'Kế hoạch' (the type as it is written inside a sentence). */
function sentenceCaseType(docType: string): string {
  const t = clean(docType).toLocaleLowerCase('vi');
  return t.charAt(0).toLocaleUpperCase('vi') + t.slice(1);
}

/** Subjects that open with a proper name keep their capital ("Đại hội XIV", "Nghị quyết số …"). */
const PROPER_OPENINGS = [
  'đại hội', 'đảng', 'nhà nước', 'nhân dân', 'chính phủ', 'quốc hội', 'bộ chính trị', 'ban bí thư',
  'ban chấp hành', 'trung ương', 'tỉnh ủy', 'tỉnh uỷ', 'ủy ban', 'uỷ ban', 'hội đồng', 'mặt trận',
  'chủ tịch', 'tổng bí thư', 'việt nam', 'hồ chí minh', 'nghị quyết', 'chỉ thị', 'kết luận', 'luật',
  'hiến pháp', 'ngày', 'tết', 'hội nghị trung ương',
];

/**
 * A sentence capital made lower case, as the text continues a phrase ("Đẩy mạnh tuyên truyền" →
 * "đẩy mạnh tuyên truyền"); names, acronyms and proper openings ("Đại hội XIV") keep theirs.
 */
export function lowerSentenceCapital(text: string): string {
  const s = clean(text);
  const lower = s.toLocaleLowerCase('vi');
  const words = s.split(' ');
  const first = words[0] ?? '';
  const second = words[1] ?? '';
  const isAcronym = first.length > 1 && first === first.toLocaleUpperCase('vi');
  const proper = PROPER_OPENINGS.some((p) => lower === p || lower.startsWith(`${p} `));
  // A capital followed by a lower-case word is a sentence capital, not a name ("Đẩy mạnh tuyên truyền").
  const sentenceCapital = second === '' || second.charAt(0) === second.charAt(0).toLocaleLowerCase('vi');
  if (isAcronym || proper || !sentenceCapital) return s;
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

/** The subject as it continues "… về …": "V/v triển khai" → "việc triển khai", "Đẩy mạnh" → "đẩy mạnh". */
export function subjectAfterVe(subject: string): string {
  const s = clean(subject).replace(/[.;:,]+$/u, '');
  const vv = /^v\/v\.?\s*/iu.exec(s);
  if (vv) return `việc ${s.slice(vv[0].length)}`;
  return lowerSentenceCapital(s.replace(/^về\s+/iu, ''));
}

/**
 * The canonical opening of an implementing directive, without its full stop:
 * "Thực hiện Công văn số 167-CV/BTGDVTU ngày 26/12/2025 của Ban Tuyên giáo và Dân vận Tỉnh ủy về …".
 * A blank number ("-CV/ĐU") is said as "(chưa ghi số)", never quoted; unknown parts are left out.
 */
export function implementsClause(ref: DocumentRef): string {
  const parts = ['Thực hiện', sentenceCaseType(ref.docType) || 'văn bản'];
  const symbol = ref.numberSymbol ? clean(ref.numberSymbol) : '';
  if (/^\d/u.test(symbol)) parts.push(`số ${symbol}`);
  else if (symbol) parts.push('(chưa ghi số)');
  const when = formatShortDate(ref.date);
  if (when) parts.push(when);
  const issuer = ref.issuer ? clean(ref.issuer).replace(/[.;:,]+$/u, '') : '';
  if (issuer) parts.push(`của ${issuer}`);
  const subject = ref.subject ? subjectAfterVe(ref.subject) : '';
  if (subject) parts.push(`về ${subject}`);
  return parts.join(' ');
}

/** The opening as a sentence of its own: `implementsClause` and a full stop. */
export function implementsSentence(ref: DocumentRef): string {
  return `${implementsClause(ref)}.`;
}

/** Party "Số 12-CV/ĐU" (no colon), State "Số: 805/KH-SVHTTDL"; a blank number keeps room for it. */
export function numberLine(convention: Convention, numberSymbol: string): string {
  const symbol = clean(numberSymbol).replace(/^số\s*:?\s*/iu, '');
  const blank = /^[-/]/u.test(symbol) ? '       ' : '';
  return convention === 'party' ? `Số ${blank}${symbol}` : `Số: ${blank}${symbol}`;
}

/** The công văn trích yếu: State always "V/v …"; Party as written (the model has no "V/v"). */
export function congVanSubject(convention: Convention, subject: string): string {
  const s = clean(subject);
  if (convention === 'party' || /^v\/v\b/iu.test(s)) return s;
  return `V/v ${lowerSentenceCapital(s)}`;
}

function stripListPunctuation(entry: string): string {
  return clean(entry).replace(/^[-–+•]\s*/u, '').replace(/[,;.]+$/u, '').trim();
}

/**
 * Nơi nhận lines: "- X," (Party) or "- X;" (State), the last ending with "."; the file copy is
 * "Lưu VT, …" (Party) or "Lưu: VT, …" (State) and is added when missing.
 */
export function distributionLines(convention: Convention, entries: string[]): string[] {
  const items = entries.map(stripListPunctuation).filter((e) => e.length > 0);
  const isFile = (e: string) => /^lưu\b/iu.test(e);
  const others = items.filter((e) => !isFile(e));
  const files = items.filter(isFile);
  const fileEntry = (files[0] ?? 'Lưu VT').replace(/^lưu\s*:?\s*/iu, '');
  // A bare "Lưu" (no file named) stays "Lưu", without a dangling space or colon.
  const last = fileEntry === '' ? 'Lưu' : convention === 'party' ? `Lưu ${fileEntry}` : `Lưu: ${fileEntry}`;
  const sep = convention === 'party' ? ',' : ';';
  return [...others.map((e) => `- ${e}${sep}`), `- ${last}.`];
}

/** Kính gửi: one recipient inline ("Kính gửi: X."), several as "- X;" lines, the last with ".". */
export function recipientLines(recipients: string[]): { inline: string | null; list: string[] } {
  const items = recipients.map(stripListPunctuation).filter((e) => e.length > 0);
  if (items.length === 0) return { inline: null, list: [] };
  if (items.length === 1) return { inline: `Kính gửi: ${items[0]}.`, list: [] };
  return { inline: null, list: items.map((e, i) => `- ${e}${i === items.length - 1 ? '.' : ';'}`) };
}

/** Signature lines in capitals: ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]. */
export function signatureHeadLines(signer: OfficialSigner): string[] {
  const up = (s: string | null) => (s ? clean(s).toLocaleUpperCase('vi') : '');
  const first = [up(signer.authority), up(signer.body)].filter((s) => s).join(' ');
  return [first, up(signer.title)].filter((s) => s);
}
