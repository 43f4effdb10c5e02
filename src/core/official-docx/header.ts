/**
 * The top of the document: the two-column header (bodies | national heading, number | place-date),
 * the type name and subject for documents other than a công văn, and "Kính gửi".
 */
import type { Paragraph, Table } from 'docx';
import { layoutTable, line, lines, rule } from './blocks.js';
import type { LayoutSpec } from './spec.js';
import { clean, congVanSubject, formatVietnameseDate, isCongVan, numberLine, recipientLines } from './text.js';
import type { OfficialHeading } from './types.js';
import { breakBodyName, capsWidth } from './wrap.js';

const PARTY_HEADING = 'ĐẢNG CỘNG SẢN VIỆT NAM';
const STATE_HEADING = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const STATE_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

function partyHeader(d: OfficialHeading, spec: LayoutSpec): Table {
  const s = spec.size;
  const left: Paragraph[] = [];
  if (d.parentBody) left.push(line(clean(d.parentBody), { size: s.parentBody, caps: true }, { align: 'center' }));
  left.push(...lines(breakBodyName(d.issuingBody, spec.columns.left, s.issuingBody), { size: s.issuingBody, bold: true, caps: true }, { align: 'center' }));
  left.push(line('*', { size: s.issuingBody }, { align: 'center' }));
  const right = [line(PARTY_HEADING, { size: s.heading, bold: true, underline: true }, { align: 'center' })];

  const number = [line(numberLine('party', d.numberSymbol), { size: s.number }, { align: 'center' })];
  if (isCongVan(d.docType) && clean(d.subject)) {
    number.push(...lines(congVanSubject('party', d.subject), { size: s.congVanSubject, italics: true }, { align: 'center', before: 60 }));
  }
  const date = [line(formatVietnameseDate(d.place, d.date), { size: s.placeDate, italics: true }, { align: 'right' })];
  return layoutTable([spec.columns.left, spec.columns.right], [
    [left, right],
    [number, date],
  ]);
}

function stateHeader(d: OfficialHeading, spec: LayoutSpec): Table {
  const s = spec.size;
  const { left: leftWidth, right: rightWidth } = spec.columns;
  const left: Paragraph[] = [];
  if (d.parentBody) left.push(line(clean(d.parentBody), { size: s.parentBody, caps: true }, { align: 'center' }));
  const issuing = breakBodyName(d.issuingBody, leftWidth, s.issuingBody);
  left.push(...lines(issuing, { size: s.issuingBody, bold: true, caps: true }, { align: 'center' }));
  // Decree 30: a solid rule one third to one half as long as the body's name, centred under it.
  const longest = Math.min(leftWidth, ...issuing.split('\n').map((l) => capsWidth(l, s.issuingBody)));
  left.push(rule(leftWidth, Math.max(900, Math.round(longest * 0.4))));
  const right = [
    line(STATE_HEADING, { size: s.heading, bold: true }, { align: 'center' }),
    line(STATE_MOTTO, { size: s.motto, bold: true, underline: true }, { align: 'center' }),
  ];

  const number = [line(numberLine('state', d.numberSymbol), { size: s.number }, { align: 'center', before: 60 })];
  if (isCongVan(d.docType) && clean(d.subject)) {
    number.push(...lines(congVanSubject('state', d.subject), { size: s.congVanSubject }, { align: 'center', before: 60 }));
  }
  const date = [line(formatVietnameseDate(d.place, d.date), { size: s.placeDate, italics: true }, { align: 'center', before: 60 })];
  return layoutTable([leftWidth, rightWidth], [
    [left, right],
    [number, date],
  ]);
}

/** Type name in capitals and the subject in bold, centred (not used for a công văn). */
function title(d: OfficialHeading, spec: LayoutSpec): Paragraph[] {
  if (isCongVan(d.docType)) return [];
  const s = spec.size;
  const out = [line(clean(d.docType), { size: s.typeName, bold: true, caps: true }, { align: 'center', before: 360 })];
  const after = d.convention === 'party' ? 240 : 0;
  if (clean(d.subject)) out.push(...lines(d.subject, { size: s.subject, bold: true }, { align: 'center', before: 60, after }));
  if (d.convention === 'state') out.push(rule(spec.columns.left + spec.columns.right, 2000, 240));
  return out;
}

/** "Kính gửi: X." centred, or "Kính gửi:" followed by an indented "- X;" list. */
function addressees(d: OfficialHeading, spec: LayoutSpec): Paragraph[] {
  const size = spec.size.body;
  const { inline, list } = recipientLines(d.recipients);
  if (inline) return [line(inline, { size }, { align: 'center', before: 240, after: 120 })];
  if (list.length === 0) return [];
  return [
    line('Kính gửi:', { size }, { left: 1701, before: 240, keepNext: true }),
    ...list.map((item, i) => line(item, { size }, { left: 2835, after: i === list.length - 1 ? 120 : 0 })),
  ];
}

/**
 * The two-column header table alone: issuing body | national heading, number | place and date.
 * Documents with a title of their own (a weekly report) put it under this table.
 */
export function officialHeader(d: OfficialHeading, spec: LayoutSpec): Table {
  return d.convention === 'party' ? partyHeader(d, spec) : stateHeader(d, spec);
}

/** The header table, the type name and subject (not for a công văn) and "Kính gửi". */
export function buildHeading(d: OfficialHeading, spec: LayoutSpec): (Paragraph | Table)[] {
  const header = officialHeader(d, spec);
  const spacer = title(d, spec).length === 0 && d.recipients.length === 0 ? [line('', { size: 14 }, { after: 120 })] : [];
  return [header, ...title(d, spec), ...addressees(d, spec), ...spacer];
}
