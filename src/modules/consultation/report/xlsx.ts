/** The weekly report as an XLSX workbook: the same content and small-cell rule ("< 5", "x") as the DOCX, one sheet per table, and a sheet of representative opinions. */
import ExcelJS from 'exceljs';
import { buildReportContent, type ReportExportContext } from './content.js';
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
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function renderWeeklyReportXlsx(report: WeeklyReport, context: ReportExportContext): Promise<Buffer> {
  const content = buildReportContent(report, context);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lan Tỏa';
  workbook.created = content.generatedAt;

  const summary = workbook.addWorksheet('Tổng hợp', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  summary.columns = [{ width: 34 }, { width: 90 }];
  const add = (label: string, value: string | number, bold = false) => {
    const row = summary.addRow([label, value]);
    row.font = { ...FONT, bold };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    return row;
  };
  add(content.title, content.subtitle, true);
  add('Đợt lấy ý kiến', `${content.consultationTitle} (${context.consultationCode})`);
  add('Đơn vị', `${content.unitName} (${content.unitCode})`);
  add('Kỳ báo cáo', content.periodLabel);
  add('Từ', report.periodStart);
  add('Đến trước', report.periodEnd);
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
    for (const values of rows) {
      const row = sheet.addRow(values);
      row.font = { ...FONT, bold: values === table.total };
      row.eachCell((c) => {
        if (typeof c.value === 'number') c.numFmt = '#,##0';
        if (c.value === SMALL_CELL || c.value === HIDDEN_CELL) c.alignment = { horizontal: 'right' };
      });
    }
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
