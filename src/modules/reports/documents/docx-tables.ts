/**
 * The indicator tables of the reports module's DOCX: a unit's own report (one column of values and
 * the notes) and a consolidation (a column per child, the unit's own when it has figures, and the
 * total), rows grouped by form section with units of measure. Many children are split over several
 * tables of at most CHILDREN_PER_TABLE columns, each repeating the total, so the page stays readable.
 */
import { BorderStyle, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import { para, run, type LayoutSpec } from '../../../core/official-docx/index.js';
import type { IndicatorValue, ReportFormSection, ReportIndicator } from '../../../shared/report-form.js';
import { formatValue } from './labels.js';

const TABLE_SIZE = 11;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
export const CHILDREN_PER_TABLE = 4;
const NUMBER_WIDTH = 650;
const UNIT_WIDTH = 1100;
const VALUE_WIDTH = 1050;

type Align = 'left' | 'center' | 'right';

function cell(text: string, width: number, options: { bold?: boolean; align?: Align; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    ...(options.span ? { columnSpan: options.span } : {}),
    children: [para([run(text, { size: TABLE_SIZE, bold: options.bold ?? false })], { align: options.align ?? 'left' })],
  });
}

export interface ValueColumn {
  heading: string;
  /** The value shown in this column for an indicator. */
  value: (indicator: ReportIndicator) => IndicatorValue | undefined;
  bold?: boolean;
}

const textWidth = (spec: LayoutSpec) => spec.columns.left + spec.columns.right;
const alignOf = (indicator: ReportIndicator): Align => (indicator.type === 'text' ? 'left' : indicator.type === 'yesno' ? 'center' : 'right');

/**
 * A bordered table: STT, Chỉ tiêu, Đơn vị tính, then `columns` (and a trailing text column such as
 * "Ghi chú" when given), one bold row per section and a row per indicator.
 */
export function indicatorTable(sections: readonly ReportFormSection[], columns: readonly ValueColumn[], spec: LayoutSpec, trailing?: { heading: string; width: number; text: (i: ReportIndicator) => string }): Table {
  const fixed = NUMBER_WIDTH + UNIT_WIDTH + columns.length * VALUE_WIDTH + (trailing?.width ?? 0);
  const labelWidth = Math.max(1500, textWidth(spec) - fixed);
  const widths = [NUMBER_WIDTH, labelWidth, UNIT_WIDTH, ...columns.map(() => VALUE_WIDTH), ...(trailing ? [trailing.width] : [])];
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['STT', 'Chỉ tiêu', 'Đơn vị tính', ...columns.map((c) => c.heading), ...(trailing ? [trailing.heading] : [])].map((text, i) => cell(text, widths[i] ?? 0, { bold: true, align: 'center' })),
  });
  const rows = [head];
  let number = 0;
  sections.forEach((section, s) => {
    rows.push(new TableRow({ cantSplit: true, children: [cell(`${String.fromCharCode(65 + (s % 26))}`, NUMBER_WIDTH, { bold: true, align: 'center' }), cell(section.title, widths.slice(1).reduce((a, b) => a + b, 0), { bold: true, span: widths.length - 1 })] }));
    for (const indicator of section.indicators) {
      number++;
      const values = columns.map((c, i) => cell(formatValue(indicator, c.value(indicator)), widths[3 + i] ?? 0, { align: alignOf(indicator), bold: c.bold ?? false }));
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell(String(number), NUMBER_WIDTH, { align: 'center' }),
            cell(indicator.label, labelWidth),
            cell(indicator.unitOfMeasure ?? '', UNIT_WIDTH, { align: 'center' }),
            ...values,
            ...(trailing ? [cell(trailing.text(indicator), trailing.width)] : []),
          ],
        }),
      );
    }
  });
  return new Table({ width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows });
}

/** Splits the unit columns into groups of CHILDREN_PER_TABLE, each followed by the total column. */
export function chunkColumns(units: readonly ValueColumn[], total: ValueColumn): ValueColumn[][] {
  if (units.length === 0) return [[total]];
  const out: ValueColumn[][] = [];
  for (let i = 0; i < units.length; i += CHILDREN_PER_TABLE) out.push([...units.slice(i, i + CHILDREN_PER_TABLE), total]);
  return out;
}
