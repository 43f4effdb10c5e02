/**
 * The document a news article or a portal notice reports as issued ("Ban Thường vụ Tỉnh ủy vừa ban
 * hành Kế hoạch số 52-KH/TU ngày 4/3/2025 về …"): for a text without a header of its own, that
 * document is the one the text is about. The article's own timestamp, its photo captions and a site's
 * metadata are never read: only the sentence that issues the document gives its fields.
 */
import { spannedTrim } from './layout.js';
import { ISSUER_HEAD } from './header.js';
import { DATE_AFTER_RE, TYPE_ALT, dateAfter, readIssuer, wordType } from './references.js';
import { findSymbols, type SymbolMatch } from './symbols.js';
import type { DocType, PartialDate, Spanned } from './types.js';

export interface QuotedDocument {
  docType: Spanned<DocType>;
  symbol: SymbolMatch | null;
  date: Spanned<PartialDate> | null;
  issuer: Spanned<string> | null;
  subject: Spanned<string> | null;
}

/** A verb that issues a document, right before its type word: "vừa ban hành", "đã ký", "có", "ra". */
const ISSUE_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:ký ban hành|ban hành|ký|có|ra|phát hành|gửi|công bố)\\s+(?:(?:văn bản|bản)\\s+)?(${TYPE_ALT})(?![\\p{L}\\d])`,
  'giu',
);
const ISSUER_START_RE = new RegExp(`(?<=^|[\\s,(])${ISSUER_HEAD}(?![\\p{L}\\d])`, 'u');
const LINKING_RE = /\s+(?:(?:cũng\s+)?(?:vừa|đã|mới|đã chính thức|chính thức|vừa chính thức)\s+)?(?:ký\s+)?$/u;
const SUBJECT_RE = /^\s*,?\s*(?:về việc|về|V\/v)\s*:?\s+/iu;
const QUOTED_RE = /^\s*[:,]?\s*(?:về\s+(?:việc\s+)?)?[“"«]([^”"»\n]{4,400})[”"»]/iu;
/** Where a "về …" subject stops: a sentence end (not "TP."), a semicolon, a line end, or a clause that says why. */
const SUBJECT_END_RE = /(?<![\s(]\p{Lu}|TP|Tp)\.(?=\s+\p{Lu}|\s*$)|;|\n|,\s+(?:nhằm|với mục (?:đích|tiêu)|theo đó|trong đó|qua đó|để|yêu cầu|đề nghị)(?![\p{L}\d])|\s+(?:nhằm|theo đó)(?![\p{L}\d])/u;
const LEAD_DATE_RE = /^\s*(?:Ngày|Vào ngày)\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})\s*,/u;

function sentenceStart(text: string, pos: number, floor: number): number {
  for (let i = pos - 1; i > floor; i--) {
    const ch = text[i];
    if (ch === '\n') return i + 1;
    if (ch === '.' && /\s/.test(text[i + 1] ?? '') && /\p{Lu}/u.test(text[i + 2] ?? '') && !/(?:TP|Tp|\s\p{Lu})$/u.test(text.slice(i - 2, i))) return i + 2;
  }
  return floor;
}

/** The issuing body: the subject of the sentence, from its first body name to the verb. */
function issuerBefore(text: string, start: number, verbAt: number): Spanned<string> | null {
  const head = text.slice(start, verbAt);
  const link = LINKING_RE.exec(head);
  const upTo = link ? link.index : head.length;
  const m = ISSUER_START_RE.exec(head.slice(0, upTo));
  if (!m) return null;
  const value = head.slice(m.index, upTo);
  if (value.split(/\s+/).length > 16 || /[.;:]/u.test(value)) return null;
  return spannedTrim(text, start + m.index, start + upTo, /[\s,]/u);
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
    const end = SUBJECT_END_RE.exec(rest)?.index ?? rest.length;
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
  return spannedTrim(text, s, s + (stop ? stop.index : body.length), /[\s.,;:“”"]/u);
}

/** The document the text reports as issued, searched in text[from, to); the first one with a number wins, else the first one. */
export function readQuotedDocument(text: string, from: number, to: number): QuotedDocument | null {
  const zone = text.slice(from, to);
  const symbols = findSymbols(text, from, to);
  let best: QuotedDocument | null = null;
  for (const m of zone.matchAll(ISSUE_RE)) {
    const typeWord = m[1] ?? '';
    const typeAt = from + (m.index ?? 0) + m[0].length - typeWord.length;
    const type = wordType(typeWord);
    if (!type) continue;
    let cursor = typeAt + typeWord.length;
    const numberLead = /^\s*(?:số\s*:?\s*)?/iu.exec(text.slice(cursor))?.[0].length ?? 0;
    const symbol = symbols.find((s) => s.start === cursor + numberLead) ?? null;
    // A lower-case type word is a common noun ("có kế hoạch triển khai") unless a number follows.
    if (!symbol && !/^\p{Lu}/u.test(typeWord)) continue;
    if (symbol) cursor = symbol.end;
    let date: Spanned<PartialDate> | null = null;
    const dm = DATE_AFTER_RE.exec(text.slice(cursor, Math.min(to, cursor + 60)));
    if (dm) {
      date = { value: dateAfter(dm), span: [cursor + dm.index, cursor + dm.index + dm[0].length] };
      cursor += dm[0].length;
    }
    const start = sentenceStart(text, typeAt, from);
    let issuer: Spanned<string> | null = null;
    const of = readIssuer(text, cursor, to);
    if (of) {
      issuer = spannedTrim(text, of.end - of.value.length, of.end);
      if (issuer?.value !== of.value) issuer = null;
      cursor = of.end;
    }
    issuer ??= issuerBefore(text, start, from + (m.index ?? 0));
    if (!date) {
      const lead = LEAD_DATE_RE.exec(text.slice(start, typeAt));
      if (lead) {
        const month = Number(lead[2]);
        const day = Number(lead[1]);
        date = { value: { year: Number(lead[3]), month: month >= 1 && month <= 12 ? month : null, day: day >= 1 && day <= 31 ? day : null }, span: [start + lead.index, start + lead[0].length] };
      }
    }
    const found: QuotedDocument = { docType: { value: type, span: [typeAt, typeAt + typeWord.length] }, symbol, date, issuer, subject: subjectAfter(text, cursor, to) };
    if (symbol) return found;
    best ??= found;
  }
  return best;
}
