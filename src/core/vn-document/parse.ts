/**
 * parseDirective: from the text of a directive (any normal form, markdown or plain, TCVN3 or
 * Unicode) to its fields, each with the span of the normalised text it came from. Pure; never
 * throws on any string.
 */
import { readDistribution, readRecipients } from './addressees.js';
import { readDeadlines } from './deadlines.js';
import { BODY_OPENER_RE, readBodyIssuer, readHeader, type HeaderResult } from './header.js';
import { AUTHORITY_RE, isAllCaps, sectionMarker } from './line-kinds.js';
import { spannedTrim, toLines } from './layout.js';
import { normalizeDirectiveText } from './normalize-text.js';
import { readQuotedDocument, type QuotedDocument } from './quoted.js';
import { readReferences } from './references.js';
import { readSections } from './sections.js';
import { isSignerTitle, mixedCaseSignature, readSigner } from './signer.js';
import type { Convention, Footnote, ParsedDirective } from './types.js';

/** Where the header ends: Kính gửi, the first body sentence or the first numbered item. */
function headerLimit(text: string, bodyEnd: number): { limit: number; marked: boolean } {
  const zone = text.slice(0, Math.min(bodyEnd, 4000));
  const candidates: number[] = [];
  // A site's menu or metadata before the header ("1. Trang chủ", "Đang tải…") does not start the body: the body starts
  // after the header's first anchor line (the star, the number, a heading) when there is one.
  const anchor = /(?:^|\n)(?:\*|Số\s*:?\s*(?:\d|[-–/])|CỘNG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)/u.exec(zone.slice(0, 2500));
  const from = anchor ? anchor.index : 0;
  const kg = /Kính gửi/iu.exec(zone.slice(from));
  if (kg) candidates.push(from + kg.index);
  const opener = BODY_OPENER_RE.exec(zone.slice(from));
  if (opener) candidates.push(from + opener.index);
  const lines = toLines(text, 0, zone.length);
  const numbered = lines.find((l, i) => i > 0 && l.start >= from && sectionMarker(l.text) !== null && !/^[-–•+]/u.test(l.text));
  if (numbered) candidates.push(numbered.start);
  return candidates.length > 0 ? { limit: Math.min(...candidates), marked: true } : { limit: Math.min(zone.length, 1000), marked: false };
}

/** Start of the closing part (Nơi nhận or the signature), searched after `from`. */
function tailStart(text: string, from: number, bodyEnd: number): number {
  const lines = toLines(text, from, bodyEnd);
  let tail = bodyEnd;
  const noiNhan = lines.find((l) => /^Nơi nhận(?![\p{L}\d])/iu.test(l.text));
  if (noiNhan) tail = Math.min(tail, noiNhan.start);
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    if (AUTHORITY_RE.test(l.text) && l.start > from + (bodyEnd - from) / 3) {
      tail = Math.min(tail, l.start);
      break;
    }
  }
  if (tail === bodyEnd) {
    const flat = /\sNơi nhận\s*:/iu.exec(text.slice(from, bodyEnd));
    if (flat) tail = from + flat.index + 1;
  }
  if (tail === bodyEnd) {
    // Signed by the head without an authority prefix or Nơi nhận: the title among the last lines.
    const title = lines.slice(-4).find((l) => isSignerTitle(l.text)) ?? mixedCaseSignature(lines)?.title;
    if (title) tail = title.start;
  }
  return tail;
}

function conventionFromSigner(authority: string | null): Convention | null {
  if (!authority) return null;
  return authority.includes('/') ? 'party' : 'state';
}

/**
 * Where a web page's own lines after the document start: "Tài liệu tương tự" (a document site's list of other
 * documents), "Tin khác", "Bình luận", "Ý kiến bạn đọc" … standing alone on a line. What follows is not the
 * document's: not its subject, not its references. Returns the end of the document (textEnd when none).
 */
const SITE_TAIL_RE =
  /\n(?:Tài liệu tương tự|Tài liệu liên quan|Văn bản liên quan|Bài viết liên quan|Tin liên quan|Tin khác|Các tin khác|Tin cùng chuyên mục|Bình luận|Ý kiến bạn đọc|Gửi bình luận)\s*:?\s*(?=\n|$)/iu;

function documentEnd(text: string, bodyEnd: number): number {
  const m = SITE_TAIL_RE.exec(text.slice(0, bodyEnd));
  return m ? m.index : text.length;
}

export function parseDirective(input: string): ParsedDirective {
  const normalized = normalizeDirectiveText(typeof input === 'string' ? input : String(input));
  const { text, footnotes } = normalized;
  const textEnd = documentEnd(text, normalized.bodyEnd);
  const bodyEnd = Math.min(normalized.bodyEnd, textEnd);
  const warnings: string[] = [];
  const { limit: headerZone, marked } = headerLimit(text, bodyEnd);
  const header = readHeader(text, headerZone);
  // Without a clear start of the body, the header ends after the last header field found.
  const limit = marked
    ? headerZone
    : Math.max(0, ...[header.numberSymbol, header.date, header.place, header.subject, header.docType, header.issuer].map((f) => f?.span[1] ?? 0));
  const recipients = readRecipients(text, 0, Math.min(bodyEnd, limit + 3000));
  const recipientsInHeader = recipients !== null && recipients.items.length > 0 && (recipients.items[0]?.span[0] ?? 0) <= limit + 40;
  let bodyStart = limit;
  if (recipientsInHeader && recipients) bodyStart = Math.max(bodyStart, recipients.end);
  const tail = tailStart(text, bodyStart, bodyEnd);
  const distribution = readDistribution(text, tail, bodyEnd);
  const signer = readSigner(text, tail, bodyEnd);

  // A text without a header, an addressee or a signature of its own is an article about a document: the document it reports as issued is the one.
  const quoted =
    !header.numberSymbol && !header.place && !header.titled && !recipientsInHeader && !signer && distribution === null ? readQuotedDocument(text, 0, bodyEnd) : null;
  if (quoted) return fromQuoted(text, bodyEnd, textEnd, quoted, footnotes);

  // A reprint that lost its header may name itself before the body or in a source note ("Công văn 3676 của Ban Tổ chức TW
  // ngày 29/10/2012 về …", "Ngày 23/8/2017, Tỉnh ủy đã ban hành Chương trình số 27-CTr/TU …", "(Nguồn: Thông báo số 81/TB-UBND …)").
  if (!header.numberSymbol || !header.docType) fillFromNamingLine(header, readQuotedDocument(text, 0, bodyEnd), limit);

  // A notice reposted without its header keeps its title line right above the body ("ĐỊNH HƯỚNG TUYÊN TRUYỀN THÁNG 7 NĂM 2020" /
  // "Thực hiện …"): that title is its subject, without the post date a site glues to it.
  if (!header.subject && !header.docType && !header.numberSymbol) header.subject = titleAboveBody(text, bodyStart);

  const looksLikeDirective =
    header.numberSymbol !== null || header.date !== null || header.docType !== null || header.subject !== null || recipientsInHeader || distribution !== null || signer !== null;

  const issuer = header.issuer ? issuerAgreeingWithCode(text, header, bodyStart, tail) : bodyIssuer(text, looksLikeDirective, bodyStart, tail, bodyEnd);
  let convention = header.convention;
  if (!convention && looksLikeDirective) {
    convention = conventionFromSigner(signer?.value.authority ?? null) ?? (header.partyMarks ? 'party' : header.stateMarks ? 'state' : null);
  }

  const references = documentReferences(text, header, bodyStart, bodyEnd, textEnd);
  const deadlines = readDeadlines(text, bodyStart, tail);
  const sections = readSections(text, bodyStart, tail);

  if (looksLikeDirective) {
    if (!header.date) warnings.push('Không đọc được ngày ban hành.');
    else if (header.date.value.day === null) warnings.push('Ngày ban hành để trống (văn bản chưa vào sổ).');
    if (!header.numberSymbol) warnings.push('Không đọc được số, ký hiệu văn bản.');
    else if (header.number === null) warnings.push('Số văn bản để trống (văn bản chưa vào sổ).');
    if (!issuer) warnings.push('Không xác định được cơ quan ban hành.');
    else if (!header.issuer) warnings.push('Cơ quan ban hành được suy ra từ nội dung văn bản (phần tiêu đề bị thiếu).');
    if (!signer) warnings.push('Không đọc được phần chữ ký.');
  } else {
    warnings.push('Văn bản không có phần tiêu đề, số hiệu hay chữ ký: có thể đây là bài viết thuật lại văn bản khác.');
  }

  return {
    text,
    docType: looksLikeDirective ? header.docType : null,
    convention: looksLikeDirective ? convention : null,
    numberSymbol: header.numberSymbol,
    number: header.number,
    issuer,
    place: header.place,
    date: header.date,
    subject: header.subject,
    recipients: recipientsInHeader && recipients ? recipients.items : [],
    distribution: distribution?.items ?? [],
    signer,
    references,
    deadlines,
    sections,
    footnotes,
    warnings,
  };
}

function titleAboveBody(text: string, bodyStart: number): HeaderResult['subject'] {
  if (!/^(?:Thực hiện|Căn cứ)\s/u.test(text.slice(bodyStart, bodyStart + 12))) return null;
  const lines = toLines(text, 0, bodyStart);
  const title = lines.at(-1);
  if (!title || lines.length > 4) return null;
  const t = title.text.replace(/\s*\(\d{1,2}\/\d{1,2}\/\d{4}\)\s*$/u, '');
  if (t.length < 10 || t.length > 200 || /[.:;,]$/u.test(t) || !/^\p{Lu}/u.test(t) || /^\d/u.test(t)) return null;
  return spannedTrim(text, title.start, title.start + t.length);
}

/** The initials of a body's name, as its code abbreviates it ("Liên đoàn Lao động Thành phố" → LĐLĐTP; "và" is left out). */
function initials(name: string): string {
  // In a mixed-case name a word in capitals is an abbreviation kept whole ("UBND"); in a caps name every word is a word.
  const caps = isAllCaps(name);
  return name
    .split(/[\s,-]+/u)
    .filter((w) => w !== '' && !/^(?:và|VÀ)$/u.test(w))
    .map((w) => (!caps && /^[\p{Lu}\d]{2,6}$/u.test(w) ? w : (w[0] ?? '')))
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase();
}

/**
 * The header kept only a parent's line ("TỔNG LIÊN ĐOÀN LAO ĐỘNG" over a lost "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ"): the own number's
 * issuer code ("730/LĐLĐ") does not abbreviate it, while the body names the body it does abbreviate ("Liên đoàn Lao động Thành
 * phố triển khai …"). Then the body's naming is the issuer; otherwise the header's.
 */
function issuerAgreeingWithCode(text: string, header: HeaderResult, bodyStart: number, tail: number): HeaderResult['issuer'] {
  const own = header.issuer;
  const symbol = header.symbol;
  if (!own || !symbol || symbol.kind !== 'state' || symbol.typeCode !== null) return own;
  const code = (/\/([^-/]+)/u.exec(symbol.canonical)?.[1] ?? '').normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
  if (code.length < 3 || initials(own.value).startsWith(code)) return own;
  const named = readBodyIssuer(text, bodyStart, Math.min(tail, bodyStart + 3000));
  return named && initials(named.value).startsWith(code) ? named : own;
}

/** The issuer named by the body of a text whose header lost it, or null. */
function bodyIssuer(text: string, looksLikeDirective: boolean, bodyStart: number, tail: number, bodyEnd: number) {
  // A body that opens like a directive ("Thực hiện …, Ban Tuyên giáo Tỉnh ủy đề nghị …") names its issuer even without a header.
  const opensLikeBody = /(?:^|\n)(?:Thực hiện|Căn cứ|Thi hành)\s/u.test(text.slice(0, Math.min(bodyEnd, 1500)));
  // A text that opens with its issuer's own sentence ("UBND tỉnh yêu cầu các sở …") is that body's.
  const opensWithIssuer = !looksLikeDirective && !opensLikeBody && readBodyIssuer(text, 0, Math.min(bodyEnd, 300))?.span[0] === 0;
  if (!(looksLikeDirective || opensLikeBody || opensWithIssuer)) return null;
  // The opening of the body names it ("…, Ban Tuyên giáo Tỉnh ủy đề nghị …"), or else its closing formula
  // ("Ủy ban nhân dân huyện thông báo để các phòng, ban … biết", "Với nội dung trên, HĐND huyện thông báo …").
  const opening = readBodyIssuer(text, opensWithIssuer ? 0 : bodyStart, Math.min(tail, bodyStart + 1500));
  if (opening || tail - bodyStart <= 1500) return opening;
  return readBodyIssuer(text, Math.max(bodyStart + 1500, tail - 1500), tail);
}

/** The fields of an article that reports a document: those of the document it quotes as issued. */
function fromQuoted(text: string, bodyEnd: number, textEnd: number, q: QuotedDocument, footnotes: Footnote[]): ParsedDirective {
  const ranges: [number, number][] = [[0, bodyEnd]];
  if (bodyEnd < textEnd) ranges.push([bodyEnd, textEnd]);
  const own = q.symbol;
  const references = readReferences(text, ranges, own ? [own.start, own.end] : null).filter((r) => r.numberSymbol !== own?.canonical);
  const warnings = ['Văn bản là bài viết thuật lại một văn bản: các trường được đọc từ văn bản được nhắc đến, cần đối chiếu với bản gốc.'];
  if (!q.date) warnings.push('Không đọc được ngày ban hành.');
  if (!own) warnings.push('Không đọc được số, ký hiệu văn bản.');
  return {
    text,
    docType: q.docType,
    convention: own?.convention ?? null,
    numberSymbol: own ? { value: own.canonical, span: [own.start, own.end] } : null,
    number: own?.number ?? null,
    // A reprint named by its page title or source note, or an article silent on who issued it: the body's own sentence names the issuer.
    issuer: q.issuer ?? readBodyIssuer(text, 0, bodyEnd),
    place: null,
    date: q.date,
    subject: q.subject,
    recipients: [],
    distribution: [],
    signer: null,
    references,
    deadlines: readDeadlines(text, 0, bodyEnd),
    sections: readSections(text, 0, bodyEnd),
    footnotes,
    warnings,
  };
}

/** Every document the text cites, except the document itself. */
function documentReferences(text: string, header: HeaderResult, bodyStart: number, bodyEnd: number, textEnd: number) {
  // Documents quoted in the subject line are references too ("KẾ HOẠCH triển khai Quyết định số 34/2014/QĐ-TTg …").
  // So are those between the last header field and the body (bases whose "Căn cứ" was lost).
  const ranges: [number, number][] = [];
  const fieldsEnd = Math.max(0, ...[header.numberSymbol, header.date, header.place].map((f) => f?.span[1] ?? 0));
  const subjectSpan = header.subject && header.subject.span[1] <= bodyStart ? header.subject.span : null;
  if (subjectSpan && subjectSpan[0] < fieldsEnd) ranges.push(subjectSpan);
  const headerTail = Math.max(fieldsEnd, subjectSpan?.[0] ?? 0);
  if (headerTail > 0 && headerTail < bodyStart) ranges.push([headerTail, bodyStart]);
  // Prose before the body (an article's lead above a reprint, a preamble sentence): the documents it cites are references;
  // a list of headlines (short lines without a sentence end) is the site's.
  for (const line of toLines(text, 0, Math.min(bodyStart, fieldsEnd > 0 ? fieldsEnd : bodyStart))) {
    if (line.text.length >= 120 && /[.:;)…]$/u.test(line.text.trim())) ranges.push([line.start, line.end]);
  }
  ranges.push([bodyStart, bodyEnd]);
  if (bodyEnd < textEnd) ranges.push([bodyEnd, textEnd]);
  // The document itself is never one of its references, however often the text repeats its number.
  const own = header.numberSymbol?.value.toUpperCase();
  return readReferences(text, ranges, header.numberSymbol?.span ?? null).filter((r) => r.numberSymbol?.toUpperCase() !== own);
}

/** Fills what the header lacks from the text's own naming of the document, when that naming stands before the body or in a source note. */
function fillFromNamingLine(header: HeaderResult, q: QuotedDocument | null, limit: number): void {
  if (!q || !(q.at < limit || q.kind === 'source')) return;
  if (header.docType && q.docType && header.docType.value !== q.docType.value) return;
  if (header.numberSymbol && q.symbol && header.numberSymbol.value !== q.symbol.canonical) return;
  header.docType ??= q.docType;
  if (!header.numberSymbol && q.symbol) {
    header.numberSymbol = { value: q.symbol.canonical, span: [q.symbol.start, q.symbol.end] };
    header.number = q.symbol.number;
    header.convention ??= q.symbol.convention;
  }
  header.date ??= q.date;
  header.issuer ??= q.issuer;
  header.subject ??= q.subject;
}
