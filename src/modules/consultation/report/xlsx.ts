/** The weekly report as an XLSX workbook: the same content and small-cell rule ("< 5", "x") as the DOCX, one sheet per table, and a sheet of representative opinions. */
import type { Workbook } from 'exceljs';
import ExcelJS from '../../../platform/xlsx/exceljs.js';
import { parseInstant } from '../../../platform/time/index.js';
import { buildReportContent, type ReportContent, type ReportExportContext } from './content.js';
import { HIDDEN_CELL, SMALL_CELL } from './labels.js';
import type { WeeklyReport } from './weekly-report.js';

const SHEET_NAMES = {
  documents: 'Theo dự thảo',
  channels: 'Theo kênh',
  groups: 'Theo đối tượng',
  stances: 'Theo loại ý kiến',
  children: 'Đơn vị trực thuộc',
} as const;

const FONT = { name: 'Times New Roman', size: 12 };
/** How every instant is shown: a real Excel date in Vietnamese order, Vietnam time. */
export const VI_DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** An instant as an Excel date: Excel has no time zones, so the cell holds the Vietnam wall-clock time. */
export function excelInstant(iso: string | Date): Date {
  const at = typeof iso === 'string' ? parseInstant(iso) : iso;
  return new Date(at.getTime() + VIETNAM_OFFSET_MS);
}
/** The column of the children table that holds when each child submitted. */
const CHILD_SUBMITTED_AT = 3;
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** The "Tổng hợp" sheet: what the report is about, its instants as dates, its figures, its text and notes. */
function summarySheet(workbook: Workbook, report: WeeklyReport, context: ReportExportContext, content: ReportContent): void {
  const summary = workbook.addWorksheet('Tổng hợp', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  summary.columns = [{ width: 34 }, { width: 90 }];
  const add = (label: string, value: string | number | Date, bold = false) => {
    const row = summary.addRow([label, value]);
    row.font = { ...FONT, bold };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    if (value instanceof Date) row.getCell(2).numFmt = VI_DATE_TIME_FORMAT;
    return row;
  };
  add(content.title, content.subtitle, true);
  add('Đợt lấy ý kiến', `${content.consultationTitle} (${context.consultationCode})`);
  add('Đơn vị', `${content.unitName} (${content.unitCode})`);
  add('Kỳ báo cáo', content.periodLabel);
  add('Từ', excelInstant(report.periodStart));
  add('Đến trước', excelInstant(report.periodEnd));
  add('Hạn gửi báo cáo của đơn vị', excelInstant(context.deadline));
  if (context.own) add('Đơn vị đã gửi báo cáo lúc', excelInstant(context.own.submittedAt));
  add('Số liệu tính đến', excelInstant(content.generatedAt));
  add('Số lượt góp ý trong tuần', report.submissions);
  add('Số ý kiến trong tuần', report.opinions);
  add('Lũy kế lượt góp ý', report.cumulative.submissions);
  add('Lũy kế ý kiến', report.cumulative.opinions);
  add('Lượt góp ý tuần trước', context.change.previous.submissions);
  add('Ý kiến tuần trước', context.change.previous.opinions);
  add('Thay đổi lượt góp ý so với tuần trước', context.change.submissions);
  add('Thay đổi ý kiến so với tuần trước', context.change.opinions);
  add('Nhóm ý kiến trùng nhau', report.identicalGroups);
  summary.addRow([]);
  for (const text of content.summary) add('', text);
  summary.addRow([]);
  for (const note of content.notes) add('Ghi chú', note).font = { ...FONT, italic: true };
}

export async function renderWeeklyReportXlsx(report: WeeklyReport, context: ReportExportContext): Promise<Buffer> {
  const content = buildReportContent(report, context);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lan Tỏa';
  workbook.created = content.generatedAt;

  summarySheet(workbook, report, context, content);

  for (const table of content.tables) {
    const sheet = workbook.addWorksheet(SHEET_NAMES[table.key], { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    sheet.columns = table.widths.map((w) => ({ width: Math.max(8, Math.round(w * 0.9)) }));
    const titleRow = sheet.addRow([`${table.heading} — ${content.unitName}`]);
    titleRow.font = { ...FONT, bold: true, size: 13 };
    sheet.addRow([content.periodLabel]).font = { ...FONT, italic: true };
    const head = sheet.addRow(table.columns);
    head.font = { ...FONT, bold: true };
    head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const rows = [...table.rows, ...(table.total ? [table.total] : [])];
    rows.forEach((values, i) => {
      // "Thời điểm gửi" of a child: the frozen report's instant as a date, not the DOCX's words.
      const frozen = table.key === 'children' ? context.frozenChildren[report.children[i]?.code ?? ''] : undefined;
      const row = sheet.addRow(frozen ? values.map((v, col) => (col === CHILD_SUBMITTED_AT ? excelInstant(frozen.submittedAt) : v)) : values);
      row.font = { ...FONT, bold: values === table.total };
      row.eachCell((c) => {
        if (typeof c.value === 'number') c.numFmt = '#,##0';
        if (c.value instanceof Date) c.numFmt = VI_DATE_TIME_FORMAT;
        if (c.value === SMALL_CELL || c.value === HIDDEN_CELL) c.alignment = { horizontal: 'right' };
      });
    });
    for (let r = 3; r <= sheet.rowCount; r++) {
      for (let col = 1; col <= table.columns.length; col++) sheet.getRow(r).getCell(col).border = BORDER;
    }
  }

  // Representative opinions: one row each, in document order, with the same columns as the DOCX says.
  const part = content.representatives;
  const sheet = workbook.addWorksheet(part.heading, { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = part.widths.map((width) => ({ width }));
  sheet.addRow([`${part.heading} — ${content.unitName}`]).font = { ...FONT, bold: true, size: 13 };
  sheet.addRow([content.periodLabel]).font = { ...FONT, italic: true };
  const head = sheet.addRow(part.columns);
  head.font = { ...FONT, bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const values of part.rows) {
    const row = sheet.addRow(values);
    row.font = FONT;
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  if (part.rows.length === 0) sheet.addRow([part.empty]).font = { ...FONT, italic: true };
  for (let r = 3; r <= 3 + part.rows.length; r++) {
    for (let col = 1; col <= part.columns.length; col++) sheet.getRow(r).getCell(col).border = BORDER;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
