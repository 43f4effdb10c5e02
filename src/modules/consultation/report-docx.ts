/**
 * The weekly report as DOCX in the official Party layout (Guidance 36: A4, Times New Roman, the
 * two-column header, "BÁO CÁO" and its subject), built from the directives module's layout blocks.
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
import { layoutTable, line, para, rule, run } from '../directives/official-layout/blocks.js';
import { BODY_PARAGRAPH, PARTY_SPEC } from '../directives/official-layout/spec.js';
import { formatVietnameseDate, officialDocument } from '../directives/official-layout/index.js';
import { vietnamDateOf } from '../../platform/time/index.js';
import { buildReportContent, cellText, type Cell, type ReportExportContext, type ReportRepresentatives, type ReportTable } from './report-content.js';
import { HIDDEN_CELL, SMALL_CELL } from './report-labels.js';
import type { WeeklyReport } from './weekly-report.js';

export type { ReportExportContext } from './report-content.js';

const spec = PARTY_SPEC;
const TEXT_WIDTH = spec.columns.left + spec.columns.right;
const TABLE_SIZE = 12;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function header(content: ReturnType<typeof buildReportContent>, context: ReportExportContext) {
  const s = spec.size;
  const left: Paragraph[] = [];
  if (context.parentUnitName) left.push(line(context.parentUnitName, { size: s.parentBody, caps: true }, { align: 'center' }));
  left.push(line(content.unitName, { size: s.issuingBody, bold: true, caps: true }, { align: 'center' }));
  left.push(line('*', { size: s.issuingBody }, { align: 'center' }));
  const right = [line('ĐẢNG CỘNG SẢN VIỆT NAM', { size: s.heading, bold: true, underline: true }, { align: 'center' })];
  const today = vietnamDateOf(content.generatedAt);
  const number = [line('Số        -BC', { size: s.number }, { align: 'center' })];
  const date = [line(formatVietnameseDate('……', today), { size: s.placeDate, italics: true }, { align: 'right', before: 60 })];
  return layoutTable([spec.columns.left, spec.columns.right], [
    [left, right],
    [number, date],
  ]);
}

function title(content: ReturnType<typeof buildReportContent>): Paragraph[] {
  const s = spec.size;
  return [
    line(content.title, { size: s.typeName, bold: true }, { align: 'center', before: 360 }),
    line(content.subtitle, { size: s.subject, bold: true }, { align: 'center', before: 60 }),
    line(content.consultationTitle, { size: s.subject, bold: true }, { align: 'center' }),
    line(content.periodLabel, { size: s.subject, italics: true }, { align: 'center', before: 60 }),
    rule(TEXT_WIDTH, 1800, 240),
  ];
}

const heading = (text: string) => line(text, { size: spec.size.body, bold: true }, { align: 'justify', firstLine: BODY_PARAGRAPH.firstLine, before: 120, after: 120, keepNext: true });
const bodyText = (text: string) => line(text, { size: spec.size.body }, { align: 'justify', firstLine: BODY_PARAGRAPH.firstLine, after: BODY_PARAGRAPH.after, line: BODY_PARAGRAPH.line });

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
function dataTable(table: ReportTable): Table {
  const sum = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => Math.floor((w / sum) * TEXT_WIDTH));
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
function representativesPart(part: ReportRepresentatives, number: string): Paragraph[] {
  const out = [heading(`${number}. ${part.heading.toLocaleUpperCase('vi')}`)];
  if (part.documents.length === 0) return [...out, bodyText(part.empty)];
  part.documents.forEach((document, d) => {
    out.push(heading(`${d + 1}. ${document.title}`));
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

function closing(): Table {
  const s = spec.size;
  return layoutTable([spec.columns.left, spec.columns.right], [
    [
      [
        line('Nơi nhận:', { size: s.recipientsLabel, underline: true }, { before: 240 }),
        line('- Cấp ủy cấp trên (để báo cáo),', { size: s.distribution }),
        line('- Lưu.', { size: s.distribution }),
      ],
      [line('NGƯỜI LẬP BÁO CÁO', { size: s.signature, bold: true }, { align: 'center', before: 240 })],
    ],
  ]);
}

/** Renders the weekly report (live figures of the unit's subtree) as an official-layout DOCX. */
export async function renderWeeklyReportDocx(report: WeeklyReport, context: ReportExportContext): Promise<Buffer> {
  const content = buildReportContent(report, context);
  const byKey = new Map(content.tables.map((t) => [t.key, t]));
  const children: (Paragraph | Table)[] = [header(content, context), ...title(content)];
  children.push(heading('I. TÌNH HÌNH TIẾP NHẬN Ý KIẾN GÓP Ý'));
  children.push(...content.summary.map(bodyText));
  children.push(heading('II. KẾT QUẢ TỔNG HỢP'));
  for (const key of ['documents', 'channels', 'groups', 'stances'] as const) {
    const table = byKey.get(key);
    if (!table) continue;
    children.push(heading(table.heading), dataTable(table));
  }
  let part = 2;
  const childTable = byKey.get('children');
  if (childTable) children.push(heading(`${ROMAN[part++]}. ${childTable.heading.toLocaleUpperCase('vi')}`), dataTable(childTable));
  children.push(...representativesPart(content.representatives, ROMAN[part++] ?? String(part)));
  children.push(line('Ghi chú:', { size: 12, bold: true, italics: true }, { before: 240 }));
  children.push(...content.notes.map((note) => line(`- ${note}`, { size: 12, italics: true }, { align: 'justify' })));
  children.push(closing());

  const doc = officialDocument({ title: `Báo cáo tổng hợp ý kiến góp ý – ${content.unitName} – ${content.periodLabel}`, spec, children });
  return Packer.toBuffer(doc);
}
