/**
 * The weekly report as DOCX in the official layout of the reporting unit (core/official-docx): the
 * Party layout (Guidance 36) for Party bodies and the central level, the State layout (Decree 30)
 * for people's committees, departments, communes, portals and the press. A4, Times New Roman, the
 * two-column header of the neutral heading, then "BÁO CÁO", its subject, the tables and the closing.
 */
import {
  BorderStyle,
  Packer,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Paragraph } from 'docx';
import {
  BODY_PARAGRAPH,
  conventionOfUnitKind,
  distributionBlock,
  layoutTable,
  line,
  officialDocument,
  officialHeader,
  para,
  rule,
  run,
  signatureHeadLines,
  specFor,
  type LayoutSpec,
  type OfficialHeading,
} from '../../../core/official-docx/index.js';
import { vietnamDateOf } from '../../../platform/time/index.js';
import { buildReportContent, cellText, type Cell, type ReportExportContext, type ReportRepresentatives, type ReportTable } from './content.js';
import { HIDDEN_CELL, SMALL_CELL } from './labels.js';
import type { WeeklyReport } from './weekly-report.js';

export type { ReportExportContext } from './content.js';

type Content = ReturnType<typeof buildReportContent>;

const TABLE_SIZE = 12;
/** Blank lines left for the handwritten signature and the seal. */
const SIGNATURE_SPACE_LINES = 4;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/**
 * The report's neutral heading in the unit's layout: the unit issues it under its abbreviation
 * ("Số:      /BC-SVHTTDL", "Số      -BC/TU"), the number left blank, at the unit's place (inherited
 * from the nearest ancestor that has one), dated the day it is made, signed by the unit's signer.
 */
function reportHeading(content: Content, context: ReportExportContext): OfficialHeading {
  const convention = conventionOfUnitKind(context.unitKind);
  const party = convention === 'party';
  const { abbreviation, place, signer } = context.signing;
  const symbol = party ? `-BC${abbreviation ? `/${abbreviation}` : ''}` : `/BC${abbreviation ? `-${abbreviation}` : ''}`;
  const configured = signer.title !== null || signer.name !== null;
  return {
    convention,
    docType: 'Báo cáo',
    parentBody: context.parentUnitName,
    issuingBody: content.unitName,
    numberSymbol: symbol,
    place: place ?? '……',
    date: vietnamDateOf(content.generatedAt),
    subject: content.subtitle,
    recipients: [],
    distribution: [party ? 'Cấp ủy cấp trên (để báo cáo)' : 'Cơ quan cấp trên (để báo cáo)', 'Lưu'],
    signer: configured
      ? { authority: signer.authority, body: null, title: signer.title ?? '', name: signer.name ?? '' }
      : { authority: null, body: null, title: 'Người lập báo cáo', name: '' },
  };
}

const textWidth = (spec: LayoutSpec) => spec.columns.left + spec.columns.right;

function title(content: Content, spec: LayoutSpec): Paragraph[] {
  const s = spec.size;
  return [
    line(content.title, { size: s.typeName, bold: true }, { align: 'center', before: 360 }),
    line(content.subtitle, { size: s.subject, bold: true }, { align: 'center', before: 60 }),
    line(content.consultationTitle, { size: s.subject, bold: true }, { align: 'center' }),
    line(content.periodLabel, { size: s.subject, italics: true }, { align: 'center', before: 60 }),
    rule(textWidth(spec), 1800, 240),
  ];
}

const heading = (spec: LayoutSpec, text: string) => line(text, { size: spec.size.body, bold: true }, { align: 'justify', firstLine: BODY_PARAGRAPH.firstLine, before: 120, after: 120, keepNext: true });
const bodyText = (spec: LayoutSpec, text: string) => line(text, { size: spec.size.body }, { align: 'justify', firstLine: BODY_PARAGRAPH.firstLine, after: BODY_PARAGRAPH.after, line: BODY_PARAGRAPH.line });

function cell(value: Cell, width: number, options: { bold?: boolean; align?: 'left' | 'center' | 'right' } = {}): TableCell {
  const text = cellText(value);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [para([run(text, { size: TABLE_SIZE, bold: options.bold ?? false })], { align: options.align ?? (typeof value === 'number' || value === SMALL_CELL || value === HIDDEN_CELL ? 'right' : 'left') })],
  });
}

/** A bordered table with a bold header row and, when given, a bold row of totals. */
function dataTable(table: ReportTable, spec: LayoutSpec): Table {
  const sum = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => Math.floor((w / sum) * textWidth(spec)));
  const row = (cells: Cell[], bold: boolean, headerRow = false) =>
    new TableRow({
      cantSplit: true,
      tableHeader: headerRow,
      children: cells.map((value, i) => cell(value, widths[i] ?? 0, { bold, ...(headerRow || i === 0 ? { align: 'center' as const } : {}) })),
    });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [row(table.columns, true, true), ...table.rows.map((r) => row(r, false)), ...(table.total ? [row(table.total, true)] : [])],
  });
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/**
 * "Ý KIẾN TIÊU BIỂU": one sub-heading per document, one per section in the order of the text, and
 * each opinion quoted with its stance, the unit that received it and the unit that picked it.
 */
function representativesPart(part: ReportRepresentatives, number: string, spec: LayoutSpec): Paragraph[] {
  const out = [heading(spec, `${number}. ${part.heading.toLocaleUpperCase('vi')}`)];
  if (part.documents.length === 0) return [...out, bodyText(spec, part.empty)];
  part.documents.forEach((document, d) => {
    out.push(heading(spec, `${d + 1}. ${document.title}`));
    for (const section of document.sections) {
      out.push(line(section.title, { size: spec.size.body, bold: true, italics: true }, { align: 'justify', firstLine: BODY_PARAGRAPH.firstLine, before: 60, after: 60, keepNext: true }));
      for (const entry of section.entries) {
        out.push(
          para([run('- “', { size: spec.size.body }), run(entry.quote, { size: spec.size.body, italics: true }), run('”', { size: spec.size.body })], {
            align: 'justify',
            firstLine: BODY_PARAGRAPH.firstLine,
            line: BODY_PARAGRAPH.line,
            keepNext: true,
          }),
          line(`(${entry.attribution})`, { size: 12 }, { align: 'justify', firstLine: BODY_PARAGRAPH.firstLine, after: BODY_PARAGRAPH.after }),
        );
      }
    }
  });
  return out;
}

/** "Nơi nhận" in the unit's convention, and the signature block: authority, title, room to sign, name. */
function closing(official: OfficialHeading, spec: LayoutSpec): Table {
  const size = spec.size.signature;
  const signer = signatureHeadLines(official.signer).map((text, i) => line(text, { size, bold: true }, { align: 'center', before: i === 0 ? 240 : 0 }));
  const name = official.signer.name.trim();
  if (name) signer.push(...Array.from({ length: SIGNATURE_SPACE_LINES }, () => line('', { size })), line(name, { size, bold: true }, { align: 'center' }));
  return layoutTable([spec.columns.left, spec.columns.right], [[distributionBlock(official, spec, 240), signer]]);
}

/** Renders the weekly report (live figures of the unit's subtree) as an official-layout DOCX. */
export async function renderWeeklyReportDocx(report: WeeklyReport, context: ReportExportContext): Promise<Buffer> {
  const content = buildReportContent(report, context);
  const officialHeading = reportHeading(content, context);
  const spec = specFor(officialHeading.convention);
  const byKey = new Map(content.tables.map((t) => [t.key, t]));
  const children: (Paragraph | Table)[] = [officialHeader(officialHeading, spec), ...title(content, spec)];
  children.push(heading(spec, 'I. TÌNH HÌNH TIẾP NHẬN Ý KIẾN GÓP Ý'));
  children.push(...content.summary.map((text) => bodyText(spec, text)));
  children.push(heading(spec, 'II. KẾT QUẢ TỔNG HỢP'));
  for (const key of ['documents', 'channels', 'groups', 'stances'] as const) {
    const table = byKey.get(key);
    if (!table) continue;
    children.push(heading(spec, table.heading), dataTable(table, spec));
  }
  let part = 2;
  const childTable = byKey.get('children');
  if (childTable) children.push(heading(spec, `${ROMAN[part++]}. ${childTable.heading.toLocaleUpperCase('vi')}`), dataTable(childTable, spec));
  children.push(...representativesPart(content.representatives, ROMAN[part++] ?? String(part), spec));
  children.push(line('Ghi chú:', { size: 12, bold: true, italics: true }, { before: 240 }));
  children.push(...content.notes.map((note) => line(`- ${note}`, { size: 12, italics: true }, { align: 'justify' })));
  children.push(closing(officialHeading, spec));

  const doc = officialDocument({ title: `Báo cáo tổng hợp ý kiến góp ý – ${content.unitName} – ${content.periodLabel}`, spec, children });
  return Packer.toBuffer(doc);
}
