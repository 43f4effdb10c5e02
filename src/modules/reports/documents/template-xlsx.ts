/**
 * The XLSX template of a regime's report for one unit and period (many units fill Excel offline):
 * a "Thông tin" sheet naming the regime, the unit and the period (the import checks them), a sheet
 * per form section (one row per indicator: code, label, unit of measure, type, value, note) and a
 * "Đề cương" sheet with one row per outline section. The sheets are protected without a password
 * so that only the value, note and narrative cells (and "Không phát sinh") can be edited by mistake-
 * free hands; the import finds indicators by code, so moved rows still read right. Yes/no cells
 * offer "Có"/"Không"; number cells check their type and range.
 */
import type { Cell, DataValidation, Workbook, Worksheet } from 'exceljs';
import ExcelJS from '../../../platform/xlsx/exceljs.js';
import { formatVietnamInstant } from '../../../platform/time/index.js';
import type { ReportContent, ReportForm, ReportIndicator } from '../../../shared/report-form.js';
import { formatNumber, INDICATOR_TYPE_LABELS, NO, YES } from './labels.js';
import { INFO_LABELS, INFO_SHEET, OUTLINE_COLUMNS, OUTLINE_HEADER_ROW, OUTLINE_SHEET, SECTION_COLUMNS, SECTION_HEADER_ROW, sectionSheetName } from './template-layout.js';

export interface ReportTemplateInput {
  regime: { code: string; name: string };
  unit: { code: string; name: string };
  period: { closingDate: string; label: string };
  deadline: Date | null;
  form: ReportForm;
  /** What to write in the value cells (the unit's draft, or the pre-filled new one); null = blank. */
  content: ReportContent | null;
}

const FONT = { name: 'Times New Roman', size: 12 };
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const EDITABLE_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF8DC' } };
/** Sheet protection without a password: against slips, not against a determined user. */
const PROTECTION = { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true };

function editable(cell: Cell): void {
  cell.protection = { locked: false };
  cell.fill = EDITABLE_FILL;
}

function infoSheet(workbook: Workbook, input: ReportTemplateInput): Worksheet {
  const sheet = workbook.addWorksheet(INFO_SHEET);
  sheet.columns = [{ width: 34 }, { width: 70 }];
  sheet.addRow(['MẪU BÁO CÁO SỐ LIỆU (nhập lại vào Lan Tỏa)']).font = { ...FONT, bold: true, size: 14 };
  const rows: [string, string][] = [
    [INFO_LABELS.regimeName, input.regime.name],
    [INFO_LABELS.regimeCode, input.regime.code],
    [INFO_LABELS.unitName, input.unit.name],
    [INFO_LABELS.unitCode, input.unit.code],
    [INFO_LABELS.period, input.period.label],
    [INFO_LABELS.closingDate, input.period.closingDate],
    [INFO_LABELS.deadline, input.deadline ? formatVietnamInstant(input.deadline) : ''],
  ];
  for (const [label, value] of rows) {
    const row = sheet.addRow([label, value]);
    row.font = FONT;
    row.getCell(1).font = { ...FONT, bold: true };
    row.getCell(2).numFmt = '@';
  }
  const noActivity = sheet.addRow([INFO_LABELS.noActivity, input.content?.noActivity ? YES : NO]);
  noActivity.font = { ...FONT, bold: true };
  const cell = noActivity.getCell(2);
  editable(cell);
  cell.dataValidation = yesNoValidation();
  sheet.addRow([]);
  const help = [
    'Hướng dẫn: ghi số liệu vào cột "Giá trị" và lý do điều chỉnh (nếu có) vào cột "Ghi chú" của từng biểu; ghi nội dung vào cột "Nội dung" của trang "Đề cương".',
    'Không sửa mã chỉ tiêu, mã đơn vị, mã chế độ và ngày chốt kỳ: Lan Tỏa dựa vào chúng để nhận tệp. Tệp của đơn vị khác hoặc kỳ khác sẽ bị từ chối.',
    'Ô có nền vàng nhạt là ô được ghi. Số liệu Lan Tỏa đã biết được điền sẵn (xem chú thích ở ô); có thể sửa và ghi lý do vào cột "Ghi chú".',
  ];
  for (const text of help) {
    const row = sheet.addRow([text]);
    row.font = { ...FONT, italic: true };
    sheet.mergeCells(row.number, 1, row.number, 2);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
  }
  return sheet;
}

function yesNoValidation(): DataValidation {
  return { type: 'list', allowBlank: true, formulae: [`"${YES},${NO}"`], showErrorMessage: true, errorTitle: 'Giá trị không hợp lệ', error: `Chọn "${YES}" hoặc "${NO}".` };
}

/** Type and range checks Excel applies while a value is typed (the import checks them again). */
function validationOf(indicator: ReportIndicator): DataValidation | undefined {
  if (indicator.type === 'yesno') return yesNoValidation();
  if (indicator.type === 'text') return undefined;
  const min = indicator.min ?? (indicator.type === 'percentage' ? 0 : -1e15);
  const max = indicator.max ?? (indicator.type === 'percentage' ? 100 : 1e15);
  const what = indicator.type === 'integer' ? 'một số nguyên' : 'một số';
  return {
    type: indicator.type === 'integer' ? 'whole' : 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [min, max],
    showErrorMessage: true,
    errorTitle: 'Giá trị không hợp lệ',
    error: `Ghi ${what}${indicator.min !== undefined || indicator.max !== undefined || indicator.type === 'percentage' ? ` từ ${formatNumber(min)} đến ${formatNumber(max)}` : ''}.`,
  };
}

function valueCellOf(indicator: ReportIndicator, content: ReportContent | null): string | number | null {
  const value = content?.values[indicator.code];
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? YES : NO;
  return value;
}

function sectionSheet(workbook: Workbook, name: string, title: string, indicators: ReportIndicator[], input: ReportTemplateInput): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: SECTION_HEADER_ROW }] });
  sheet.columns = [{ width: 14 }, { width: 50 }, { width: 14 }, { width: 14 }, { width: 16 }, { width: 40 }];
  sheet.addRow([title]).font = { ...FONT, bold: true, size: 13 };
  sheet.addRow([`${input.regime.name} — ${input.unit.name} — ${input.period.label}`]).font = { ...FONT, italic: true };
  const head = sheet.addRow(Object.values(SECTION_COLUMNS));
  head.font = { ...FONT, bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  for (const indicator of indicators) {
    const row = sheet.addRow([indicator.code, `${indicator.label}${indicator.required ? ' (*)' : ''}`, indicator.unitOfMeasure ?? '', INDICATOR_TYPE_LABELS[indicator.type], valueCellOf(indicator, input.content), input.content?.notes[indicator.code] ?? '']);
    row.font = FONT;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    const value = row.getCell(5);
    const note = row.getCell(6);
    editable(value);
    editable(note);
    note.alignment = { wrapText: true, vertical: 'top' };
    if (indicator.type === 'text') value.alignment = { wrapText: true, vertical: 'top' };
    else if (indicator.type !== 'yesno') value.numFmt = indicator.type === 'integer' ? '#,##0' : '#,##0.##';
    const validation = validationOf(indicator);
    if (validation) value.dataValidation = validation;
    const prefilled = input.content?.prefilled[indicator.code];
    if (prefilled !== undefined) value.note = `Lan Tỏa điền sẵn từ số liệu đã có trong kỳ: ${formatNumber(prefilled)}. Nếu sửa, hãy ghi lý do vào cột "Ghi chú".`;
  }
  for (let r = SECTION_HEADER_ROW; r <= sheet.rowCount; r++) for (let c = 1; c <= 6; c++) sheet.getRow(r).getCell(c).border = BORDER;
  return sheet;
}

function outlineSheet(workbook: Workbook, input: ReportTemplateInput): Worksheet {
  const sheet = workbook.addWorksheet(OUTLINE_SHEET, { views: [{ state: 'frozen', ySplit: OUTLINE_HEADER_ROW }] });
  sheet.columns = [{ width: 6 }, { width: 36 }, { width: 100 }];
  sheet.addRow(['Đề cương báo cáo (phần lời)']).font = { ...FONT, bold: true, size: 13 };
  const head = sheet.addRow(Object.values(OUTLINE_COLUMNS));
  head.font = { ...FONT, bold: true };
  input.form.outline.forEach((title, i) => {
    const row = sheet.addRow([i + 1, title, input.content?.narrative[i] ?? '']);
    row.font = FONT;
    row.alignment = { wrapText: true, vertical: 'top' };
    editable(row.getCell(3));
    row.height = 90;
  });
  for (let r = OUTLINE_HEADER_ROW; r <= sheet.rowCount; r++) for (let c = 1; c <= 3; c++) sheet.getRow(r).getCell(c).border = BORDER;
  return sheet;
}

/** The template as an XLSX file. */
export async function renderReportTemplate(input: ReportTemplateInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lan Tỏa';
  const sheets = [infoSheet(workbook, input)];
  const taken = new Set([INFO_SHEET, OUTLINE_SHEET].map((n) => n.toLocaleLowerCase('vi')));
  input.form.sections.forEach((section, i) => {
    sheets.push(sectionSheet(workbook, sectionSheetName(i, section.title, taken), `Biểu ${i + 1}. ${section.title}`, section.indicators, input));
  });
  sheets.push(outlineSheet(workbook, input));
  for (const sheet of sheets) await sheet.protect('', PROTECTION);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
