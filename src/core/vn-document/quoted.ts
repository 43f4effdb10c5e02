/**
 * The document a news article, a portal notice or a page title names ("Ban Thường vụ Tỉnh ủy vừa ban
 * hành Kế hoạch số 52-KH/TU ngày 4/3/2025 về …", "Đó là nội dung tại Chỉ thị số 03/CT-UBND của …",
 * "Thông tư liên tịch số 03/2010/TTLT-… ngày … của …", "(Nguồn: Thông báo số 81/TB-UBND …)"): for a
 * text without a header of its own, that document is the one the text is about. The article's own
 * timestamp, its photo captions and a site's metadata are never read: only the sentences that name the
 * document give its fields.
 */
import { spannedTrim } from './layout.js';
import { ISSUER_HEAD } from './header.js';
import { TYPE_ALT, readIssuer, resolveType, scrambledTitleType, wordType } from './references.js';
import { findSymbols, withIssuer, type SymbolMatch } from './symbols.js';
import type { DocType, PartialDate, Spanned } from './types.js';

export interface QuotedDocument {
  docType: Spanned<DocType> | null;
  symbol: SymbolMatch | null;
  date: Spanned<PartialDate> | null;
  issuer: Spanned<string> | null;
  subject: Spanned<string> | null;
  /** Where the naming sentence starts. */
  at: number;
  /** How the text names it: a sentence that issues it, a page title, or a source note ("Nguồn: …"). */
  kind: Kind;
}

type Kind = 'issued' | 'title' | 'source';

/** An urgency mark that makes "văn bản" a document without its type ("đã ký văn bản hỏa tốc đề nghị …"). */
const URGENT = '(?:hỏa tốc|hoả tốc|thượng khẩn|khẩn)(?![\\p{L}\\d])';
/** A verb that issues a document, right before its type word: "vừa ban hành", "đã ký", "có", "ra". */
const ISSUE_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:ký ban hành|ban hành|ký duyệt|ký|có|ra|phát hành|gửi|công bố)\\s+(?:(?:văn bản|bản)\\s+)?(?:(${TYPE_ALT})|(?=(?:văn bản\\s+)?số\\s*:?\\s*\\d)|(?<=văn bản\\s+)(?=${URGENT}))`,
  'giu',
);
/** "Đó là nội dung tại Chỉ thị số …", "Đây là chỉ đạo của UBND tỉnh … tại Công văn số …", "(Nguồn: Thông báo số …)". */
const REPORT_RE = new RegExp(
  `(?:(?<![\\p{L}\\d])(?:Đó là|Đây là)\\s+(?:nội dung|chỉ đạo|yêu cầu|ý kiến chỉ đạo|quy định)(?![\\p{L}\\d])[^.\\n]{0,300}?\\s(?:tại|trong|theo)|(?<![\\p{L}\\d])(?:Nguồn\\s*:|Xem (?:toàn bộ|toàn văn|chi tiết|nội dung)))\\s+(${TYPE_ALT})(?![\\p{L}\\d])`,
  'giu',
);
/** A page title that names the document: "Thông tư liên tịch số 03/2010/…", "Công văn 3676 của …", "Thông báo về việc …". */
const TITLE_LINE_RE = new RegExp(`^(${TYPE_ALT})(?=\\s+(?:số(?![\\p{L}\\d])|\\d|của\\s|về\\s|V\\/v\\s|\\p{Ll}))`, 'u');

const ISSUER_START_RE = new RegExp(`(?<=^|[\\s,(])(?<!Phó\\s)(?:Chủ tịch\\s+)?${ISSUER_HEAD}(?![\\p{L}\\d])`, 'u');
/** A person's name after the body ("Giám đốc Sở Y tế Nguyễn Văn A"): a common surname and one to three more capitalised words. */
const PERSON_TAIL_RE =
  /\s+(?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đào|Đinh|Lâm|Mai|Trương|Tô|Hà|Cao|Lương|Tạ|Quách|Triệu|Đoàn|Vương|Thái|Châu|Trịnh|Lò|Giàng|Lại|Tổng|Chu|Kiều|Tăng|Nông|Lưu|Đồng|Bế|Hứa|Văn|Thân|Khuất|Phùng|Từ|Ông)(?:\s+\p{Lu}\p{Ll}*){1,3}$/u;
/** Where the issuing body's name stops inside the sentence: whom it writes to, where, about what. */
const ISSUER_END_RE = /\s(?:đối với|tại|gửi|cho|về|trong|theo|tới|đến)\s/u;
const ISSUER_END_FIELD_RE = /\s(?:đối với|tại|gửi|cho|trong|theo|tới|đến)\s/u;
const FIELD_NAMED_RE = /^(?:Ban Chỉ đạo|Ủy ban Quốc gia|Uỷ ban Quốc gia|Ủy ban quốc gia|Uỷ ban quốc gia|Hội đồng Quốc gia|Hội đồng quốc gia)(?![\p{L}\d])/u;
const ON_BEHALF_RE = /(?<![\p{L}\d])(?:thừa lệnh|thay mặt)\s+(?:Chủ tịch\s+(?=UBND|Ủy ban|Uỷ ban))?/iu;
const LINKING_RE = /\s+(?:(?:cũng\s+)?(?:mới đây\s+)?(?:vừa|đã|mới|đã chính thức|chính thức|vừa chính thức)\s+)?(?:ký\s+)?$/u;
const SUBJECT_RE = /^\s*,?\s*(?:về việc|về|V\/v)\s*:?\s+/iu;
const QUOTED_RE = /^\s*,?\s*(?:về\s+(?:việc\s+)?)?[“"«]([^”"»\n]{4,400})[”"»]/iu;
/** Where a "về …" subject stops: a sentence end (not "TP."), a semicolon, a line end, or a clause that says why. */
const SUBJECT_END_RE =
  /(?<![\s(]\p{Lu}|TP|Tp)\.(?=\s+\p{Lu}|\s*$)|;|\n|,\s+(?:nhằm|với mục (?:đích|tiêu)|theo đó|trong đó|qua đó|để|yêu cầu|đề nghị|chỉ rõ|nêu rõ|chỉ đạo)(?![\p{L}\d])|\s+(?:nhằm|theo đó|gửi)(?![\p{L}\d])|:\s/u;
const DAY_MONTH = '(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*((?:19|20)\\d{2}))?(?![\\d/])';
// "29 tháng 12 năm 2020", and "29 tháng 12/2020" as a reporter may write it.
const WORDS_DATE = '(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:(?:\\s+năm\\s+|\\s*/\\s*)(\\d{4}))?';
const DATE_AFTER_RE = new RegExp(`^\\s*,?\\s*(?:ban hành\\s+)?(?:ngày|ngày ký)\\s*:?\\s*(?:${DAY_MONTH}|${WORDS_DATE})`, 'iu');
/** A date that opens or leads the issuing sentence: "Ngày 6/8, …", "Chiều nay 8/10/2020, …", "chiều hôm nay 18 tháng 8 năm 2016, …". */
const LEAD_DATE_RE = new RegExp(`(?:^|[\\s(,])(?:[Nn]gày|hôm nay|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Hh]ôm|nay)(?:\\s+(?:nay|qua))?\\s+(?:${DAY_MONTH}|${WORDS_DATE})`, 'gu');

function toDate(d: string | undefined, m: string | undefined, y: string | undefined): PartialDate {
  const day = Number(d);
  const month = Number(m);
  return { year: y ? Number(y) : null, month: month >= 1 && month <= 12 ? month : null, day: day >= 1 && day <= 31 ? day : null };
}

function dateOf(g: RegExpExecArray, at: number): PartialDate {
  for (let i = at; i < g.length; i += 3) if (g[i] !== undefined) return toDate(g[i], g[i + 1], g[i + 2]);
  return { year: null, month: null, day: null };
}

function sentenceStart(text: string, pos: number, floor: number): number {
  // A sentence that names a document is short: looking back 600 characters keeps long lines linear.
  const low = Math.max(floor, pos - 600);
  for (let i = pos - 1; i > low; i--) {
    const ch = text[i];
    if (ch === '\n') return i + 1;
    if (ch === '.' && /\s/.test(text[i + 1] ?? '') && /\p{Lu}/u.test(text[i + 2] ?? '') && !/(?:TP|Tp|\s\p{Lu})$/u.test(text.slice(i - 2, i))) return i + 2;
  }
  return low;
}

/** The issuing body: the subject of the sentence, from its first body name to the verb (a comma ends it, unless it enumerates a name). */
function issuerBefore(text: string, start: number, verbAt: number): Spanned<string> | null {
  let from = start;
  const behalf = ON_BEHALF_RE.exec(text.slice(start, verbAt));
  if (behalf) from = start + behalf.index + behalf[0].length;
  const head = text.slice(from, verbAt);
  const link = LINKING_RE.exec(head);
  let upTo = link ? link.index : head.length;
  const m = ISSUER_START_RE.exec(head.slice(0, upTo));
  if (!m) return null;
  // A field named after "về" may enumerate in lower case ("Ban Chỉ đạo quốc gia về phòng, chống dịch bệnh").
  const fieldNamed = FIELD_NAMED_RE.test(head.slice(m.index, upTo));
  const comma = (fieldNamed ? /,(?!\s*\p{Ll})/u : /,(?!\s*\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){0,2}\s+và\s)/u).exec(head.slice(m.index, upTo));
  if (comma) upTo = m.index + comma.index;
  // A steering committee or a national council names its field with "về" ("Ban Chỉ đạo Trung ương về phòng chống thiên tai").
  const endRe = fieldNamed ? ISSUER_END_FIELD_RE : ISSUER_END_RE;
  const stop = endRe.exec(head.slice(m.index, upTo)) ?? /[\s,(]+(?:khóa|khoá|nhiệm kỳ)(?![\p{L}\d])/iu.exec(head.slice(m.index, upTo));
  if (stop) upTo = m.index + stop.index;
  const value = head.slice(m.index, upTo).replace(/\s+(?:mới đây|vừa qua|hôm nay)$/u, '').replace(PERSON_TAIL_RE, '');
  if (value.split(/\s+/).length > (endRe === ISSUER_END_FIELD_RE ? 32 : 16) || /[.;:]/u.test(value)) return null;
  return spannedTrim(text, from + m.index, from + m.index + value.length, /[\s,]/u);
}

function subjectAfter(text: string, from: number, to: number): Spanned<string> | null {
  const rest = text.slice(from, Math.min(to, from + 600));
  const q = QUOTED_RE.exec(rest);
  if (q?.[1]) {
    const s = from + q.index + q[0].indexOf(q[1]);
    return spannedTrim(text, s, s + q[1].length, /[\s.,;:]/u);
  }
  let v = SUBJECT_RE.exec(rest);
  let skip = 0;
  if (!v && /^\s*,?\s*(?:gửi|tới|đến|yêu cầu|đề nghị|chỉ đạo|hướng dẫn)\s/u.test(rest)) {
    // "có Công văn số … gửi các sở, ngành về …": the addressees come before the subject.
    const lead = /^\s*,?\s*\S+/u.exec(rest)?.[0].length ?? 0;
    const end = lead + (SUBJECT_END_RE.exec(rest.slice(lead))?.index ?? rest.length);
    const about = /\s(?=(?:về việc|về|V\/v)\s)/u.exec(rest.slice(0, Math.min(end, 250)));
    if (about) {
      skip = about.index;
      v = SUBJECT_RE.exec(rest.slice(skip));
    }
  }
  if (!v) return null;
  const body = rest.slice(skip + v[0].length);
  const stop = SUBJECT_END_RE.exec(body);
  const s = from + skip + v[0].length;
  const got = spannedTrim(text, s, s + (stop ? stop.index : body.length), /[\s.,;:“”"]/u);
  // A quoted title inside the subject keeps its closing quote ("… về “Một số vấn đề … của Đảng”").
  if (got && (got.value.match(/“/gu) ?? []).length > (got.value.match(/”/gu) ?? []).length && text[got.span[1]] === '”') {
    return { value: `${got.value}”`, span: [got.span[0], got.span[1] + 1] };
  }
  return got;
}

/** Number, date, issuer ("của X") and subject written after a mention of the document that ends at `from`. */
function details(text: string, from: number, to: number, symbols: SymbolMatch[]): Omit<QuotedDocument, 'docType' | 'at' | 'kind'> & { end: number } {
  let cursor = from + (/^\s+(?:thượng khẩn|khẩn|hỏa tốc|hoả tốc)(?![\p{L}\d])/u.exec(text.slice(from, from + 20))?.[0].length ?? 0);
  const lead = /^\s*(?:số\s*:?\s*)?/iu.exec(text.slice(cursor))?.[0].length ?? 0;
  const symbol = symbols.find((s) => s.start === cursor + lead) ?? null;
  if (symbol) cursor = symbol.end;
  else {
    const bare = /^\s*(?:số\s*:?\s*)?\d{1,5}(?![\d/\p{L}])/iu.exec(text.slice(cursor));
    if (bare) cursor += bare[0].length;
  }
  let date: Spanned<PartialDate> | null = null;
  let issuer: Spanned<string> | null = null;
  for (let round = 0; round < 2; round++) {
    const dm: RegExpExecArray | null = date ? null : DATE_AFTER_RE.exec(text.slice(cursor, Math.min(to, cursor + 60)));
    if (dm) {
      date = { value: dateOf(dm, 1), span: [cursor + dm.index, cursor + dm.index + dm[0].length] };
      cursor += dm[0].length;
    }
    const of: { value: string; end: number } | null = issuer ? null : readIssuer(text, cursor, to);
    if (of) {
      const got = spannedTrim(text, of.end - of.value.length, of.end);
      if (got?.value === of.value) issuer = got;
      cursor = of.end;
    }
  }
  return { symbol, date, issuer, subject: subjectAfter(text, cursor, to), end: cursor };
}

type Mention = QuotedDocument;

function leadDate(text: string, start: number, end: number): Spanned<PartialDate> | null {
  let found: Spanned<PartialDate> | null = null;
  for (const m of text.slice(start, end).matchAll(LEAD_DATE_RE)) {
    found = { value: dateOf(m as RegExpExecArray, 1), span: [start + (m.index ?? 0), start + (m.index ?? 0) + m[0].length] };
  }
  return found;
}

function mentions(text: string, from: number, to: number, symbols: SymbolMatch[]): Mention[] {
  const zone = text.slice(from, to);
  const out: Mention[] = [];
  const add = (kind: Kind, typeWord: string | undefined, typeAt: number, verbAt: number) => {
    const type = typeWord ? wordType(typeWord) : null;
    const d = details(text, typeAt + (typeWord?.length ?? 0), to, symbols);
    // A lower-case type word is a common noun ("có kế hoạch triển khai") unless a number follows, the verb issues
    // ("đã ký quyết định", "ban hành kết luận") or the document is qualified ("công văn khẩn về việc …"); no type word needs a number.
    const strong = /^(?:ký ban hành|ban hành|ký|phát hành)(?![\p{L}])/iu.test(text.slice(verbAt, typeAt)) || /^\s+(?:khẩn|hỏa tốc|hoả tốc|về việc|số)(?![\p{L}])/u.test(text.slice(typeAt + (typeWord?.length ?? 0)));
    const urgent = !typeWord && kind === 'issued' && new RegExp(`^${URGENT}`, 'u').test(text.slice(typeAt, typeAt + 12));
    if (!d.symbol && !urgent && (!typeWord || !(/^\p{Lu}/u.test(typeWord) || (kind === 'issued' && strong)))) return;
    const start = sentenceStart(text, typeAt, from);
    const resolved = d.symbol ? resolveType(type, d.symbol) : type;
    const span: [number, number] | null = resolved === type && typeWord ? [typeAt, typeAt + typeWord.length] : (d.symbol?.typeSpan ?? null);
    const docType = resolved && span ? { value: resolved, span } : null;
    const issuer = d.issuer ?? (kind === 'issued' ? issuerBefore(text, start, verbAt) : null);
    const date = d.date ?? (kind === 'issued' ? leadDate(text, start, verbAt) : null);
    let subject = d.subject;
    if (!subject && d.end === typeAt + (typeWord?.length ?? 0) && /^\p{Lu}/u.test(typeWord ?? '') && /^\s+\p{Ll}/u.test(text.slice(d.end, d.end + 2))) {
      // "Thông báo lịch tiếp công dân …" (a page title), "vừa ban hành Kế hoạch tổ chức Đại hội …": what follows the type word names it.
      const nl = text.indexOf('\n', d.end);
      const lineEnd = nl < 0 || nl > to ? to : nl;
      const stop = kind === 'title' ? null : SUBJECT_END_RE.exec(text.slice(d.end, lineEnd));
      subject = spannedTrim(text, d.end, stop ? d.end + stop.index : lineEnd, /[\s.,;:]/u);
    }
    out.push({ kind, docType, symbol: d.symbol, date, issuer, subject, at: start });
  };
  for (const m of zone.matchAll(ISSUE_RE)) {
    const typeAt = m[1] ? from + (m.index ?? 0) + m[0].length - m[1].length : from + (m.index ?? 0) + m[0].length;
    add('issued', m[1], typeAt, from + (m.index ?? 0));
  }
  for (const m of zone.matchAll(REPORT_RE)) {
    const typeAt = from + (m.index ?? 0) + m[0].length - (m[1] ?? '').length;
    // "Đó là chỉ đạo của UBND tỉnh đối với … tại Công văn …": the body named before "tại".
    add(/^(?:Nguồn|Xem)/iu.test(m[0]) ? 'source' : 'issued', m[1], typeAt, typeAt);
  }
  let lineStart = from;
  for (let n = 0; n < 12 && lineStart < to; n++) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 || nl > to ? to : nl;
    const line = text.slice(lineStart, lineEnd);
    const t = TITLE_LINE_RE.exec(line) ?? scrambled(line);
    // A title is short and does not end a sentence ("Kế hoạch nhấn mạnh …." is a paragraph).
    if (t?.[1] && line.length <= 250 && !/[^/]\.\s*$/u.test(line)) add('title', t[1], lineStart, lineStart);
    lineStart = lineEnd + 1;
  }
  return out.sort((a, b) => a.at - b.at);
}

/** A title whose type word has scrambled marks, as a match of TITLE_LINE_RE would give it. */
function scrambled(line: string): [string, string] | null {
  const head = scrambledTitleType(line);
  return head ? [head, head] : null;
}

/** A headline: the line holding `at` is short and does not end like a sentence. */
function inHeadline(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  const line = text.slice(start, nl < 0 ? text.length : nl).trim();
  return line.length < 200 && !/[.!?…:;]$/u.test(line);
}

/** The document the text names as issued, searched in text[from, to): the first mention with a number wins, details merged from every mention of it. */
export function readQuotedDocument(text: string, from: number, to: number): QuotedDocument | null {
  const symbols = findSymbols(text, from, to);
  const all = mentions(text, from, to, symbols);
  // Without a number, a sentence of the article speaks before its headline (a headline shortens: "ra công văn khẩn về …").
  const chosen = all.find((m) => m.symbol && m.kind !== 'title') ?? all.find((m) => m.symbol) ?? all.find((m) => !inHeadline(text, m.at)) ?? all[0];
  if (!chosen) return null;
  // Every mention of the same number adds what it says; the fullest mention (date, issuer, subject) speaks first.
  const same: Omit<QuotedDocument, 'at' | 'kind'>[] = [chosen];
  if (chosen.symbol) {
    for (const s of symbols) if (s.canonical === chosen.symbol.canonical && s.start !== chosen.symbol.start) same.push({ docType: null, ...details(text, s.start, to, symbols) });
  }
  const filled = (m: Omit<QuotedDocument, 'at' | 'kind'>) => Number(m.date !== null) + Number(m.issuer !== null) + Number(m.subject !== null);
  same.sort((a, b) => filled(b) - filled(a));
  // A page title without a number ("Thông báo về việc …") names the same document when its type agrees.
  if (chosen.symbol) same.push(...all.filter((m) => m.kind === 'title' && !m.symbol && m.docType?.value === chosen.docType?.value));
  const result: QuotedDocument = { ...chosen, date: null, issuer: null, subject: null };
  for (const m of same) {
    result.docType ??= m.docType;
    result.date ??= m.date;
    result.issuer ??= m.issuer;
    result.subject ??= m.subject;
  }
  if (result.symbol) result.symbol = withIssuer(result.symbol, result.issuer?.value ?? null);
  if (!result.docType && chosen.symbol?.docTypeFromCode) {
    result.docType = { value: chosen.symbol.docTypeFromCode, span: chosen.symbol.typeSpan ?? [chosen.symbol.start, chosen.symbol.end] };
  }
  return result;
}
