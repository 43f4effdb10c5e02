/** Small docx builders shared by the header, body and closing parts. */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from 'docx';
import { FONT } from './spec.js';
import { clean } from './text.js';

export interface RunStyle {
  size: number; // points
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  caps?: boolean; // upper-case the text itself (not a display attribute, so extracted text is in caps too)
}

/** A run of text in Times New Roman; spaces are kept as given (blank number and date parts rely on them). */
export function run(text: string, style: RunStyle): TextRun {
  const t = text.normalize('NFC');
  return new TextRun({
    text: style.caps ? t.toLocaleUpperCase('vi') : t,
    font: FONT,
    size: style.size * 2,
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  });
}

export type Align = 'left' | 'center' | 'right' | 'justify';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export interface ParaOptions {
  align?: Align;
  before?: number; // twips
  after?: number; // twips
  line?: number; // 240 = single
  firstLine?: number;
  left?: number;
  hanging?: number;
  keepNext?: boolean;
}

export function para(children: TextRun[], o: ParaOptions = {}): Paragraph {
  const indent =
    o.firstLine || o.left || o.hanging
      ? { ...(o.firstLine ? { firstLine: o.firstLine } : {}), ...(o.left ? { left: o.left } : {}), ...(o.hanging ? { hanging: o.hanging } : {}) }
      : undefined;
  return new Paragraph({
    alignment: ALIGN[o.align ?? 'left'],
    spacing: { before: o.before ?? 0, after: o.after ?? 0, line: o.line ?? 240, lineRule: LineRuleType.AUTO },
    ...(indent ? { indent } : {}),
    ...(o.keepNext ? { keepNext: true } : {}),
    children,
  });
}

/** A one-run paragraph. */
export function line(text: string, style: RunStyle, o: ParaOptions = {}): Paragraph {
  return para([run(text, style)], o);
}

/**
 * Text that may hold line breaks ("\n") as one paragraph per line: mammoth and other text
 * extractors drop soft breaks, which would glue "THỂ THAO" and "VÀ DU LỊCH" together.
 * Spacing before goes to the first line, spacing after to the last.
 */
export function lines(text: string, style: RunStyle, o: ParaOptions = {}): Paragraph[] {
  const parts = text.split(/\r?\n/u).map((s) => clean(s)).filter((s) => s.length > 0);
  return parts.map((s, i) =>
    para([run(s, style)], { ...o, before: i === 0 ? o.before : 0, after: i === parts.length - 1 ? o.after : 0 }),
  );
}

/** An empty paragraph of the given size, used as vertical space (e.g. for the signature). */
export function blank(size: number): Paragraph {
  return para([run('', { size })]);
}

/**
 * A short solid rule centred in a cell of `cellWidth` twips, `ruleWidth` long: an empty, very
 * low paragraph with a bottom border (no characters, so extracted text stays clean).
 */
export function rule(cellWidth: number, ruleWidth: number, after = 80): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - ruleWidth) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/** A borderless table of one or more rows of cells, fixed column widths (twips). */
export function layoutTable(widths: number[], rows: Paragraph[][][]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                verticalAlign: VerticalAlign.TOP,
                borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
                children: children.length > 0 ? children : [new Paragraph({ children: [] })],
              }),
          ),
        }),
    ),
  });
}
