/**
 * A consolidated report as XLSX: a sheet per form section with a row per reporting child (code,
 * name, timeliness, review, each indicator), a row of the unit's own figures when it has any, and a
 * total row (the consolidated values); numbers are numbers, yes/no "Có"/"Không". A last sheet lists
 * the mismatches between the consolidated and the live figures, when there are any.
 */
import type { Workbook, Worksheet } from 'exceljs';
import ExcelJS from '../../../platform/xlsx/exceljs.js';
import type { IndicatorValue, ReportForm, ReportIndicator } from '../../../shared/report-form.js';
import type { ConsolidatedReport } from '../types.js';
import { NO, REVIEW_LABELS, TIMELINESS_LABELS, YES } from './labels.js';
import { sectionSheetName } from './template-layout.js';

const FONT = { name: 'Times New Roman', size: 12 };
const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FIXED_COLUMNS = ['Mã đơn vị', 'Tên đơn vị', 'Tình trạng', 'Xét duyệt'];
const HEADER_ROW = 3;

function cellValue(value: IndicatorValue | undefined): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? YES : NO;
  return value;
}

function numberFormat(indicator: ReportIndicator): string | undefined {
  if (indicator.type === 'integer') return '#,##0';
  if (indicator.type === 'decimal' || indicator.type === 'percentage') return '#,##0.##';
  return undefined;
}

function sectionSheet(workbook: Workbook, name: string, title: string, indicators: ReportIndicator[], report: ConsolidatedReport): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 2 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = [{ width: 14 }, { width: 36 }, { width: 14 }, { width: 14 }, ...indicators.map(() => ({ width: 16 }))];
  sheet.addRow([`${title} — ${report.unit.name}`]).font = { ...FONT, bold: true, size: 13 };
  sheet.addRow([`${report.regime.name} — ${report.period.label}`]).font = { ...FONT, italic: true };
  const head = sheet.addRow([...FIXED_COLUMNS, ...indicators.map((i) => `${i.label}${i.unitOfMeasure ? ` (${i.unitOfMeasure})` : ''} [${i.code}]`)]);
  head.font = { ...FONT, bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const add = (cells: (string | number | null)[], bold = false) => {
    const row = sheet.addRow(cells);
    row.font = { ...FONT, bold };
    indicators.forEach((indicator, i) => {
      const format = numberFormat(indicator);
      if (format) row.getCell(FIXED_COLUMNS.length + 1 + i).numFmt = format;
    });
  };
  for (const child of report.children) {
    add([child.code, child.name, TIMELINESS_LABELS[child.status], child.review ? REVIEW_LABELS[child.review] : null, ...indicators.map((i) => cellValue(child.values[i.code]))]);
  }
  if (Object.values(report.own).some((v) => v !== null && v !== undefined)) {
    add([report.unit.code, `${report.unit.name} (tự báo cáo)`, null, null, ...indicators.map((i) => cellValue(report.own[i.code]))]);
  }
  add([null, 'Tổng cộng', null, null, ...indicators.map((i) => (i.aggregation === 'none' ? null : (report.values[i.code] ?? null)))], true);
  for (let r = HEADER_ROW; r <= sheet.rowCount; r++) for (let c = 1; c <= FIXED_COLUMNS.length + indicators.length; c++) sheet.getRow(r).getCell(c).border = BORDER;
  return sheet;
}

function mismatchSheet(workbook: Workbook, form: ReportForm, report: ConsolidatedReport): void {
  const labels = new Map(form.sections.flatMap((s) => s.indicators).map((i) => [i.code, i.label]));
  const sheet = workbook.addWorksheet('Số liệu chưa khớp');
  sheet.columns = [{ width: 14 }, { width: 40 }, { width: 16 }, { width: 16 }, { width: 60 }];
  sheet.addRow(['Mã chỉ tiêu', 'Chỉ tiêu', 'Tổng hợp', 'Hiện có', 'Đơn vị có số liệu khác']).font = { ...FONT, bold: true };
  for (const m of report.mismatches) {
    const why = m.explainedBy.map((c) => `${c.name} (${c.code}): báo cáo ${c.reported ?? 'trống'}, hiện có ${c.live ?? 'trống'}`).join('; ');
    sheet.addRow([m.indicator, labels.get(m.indicator) ?? '', m.values, m.live, why]).font = FONT;
  }
}

export async function renderConsolidationXlsx(form: ReportForm, report: ConsolidatedReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lan Tỏa';
  const taken = new Set<string>();
  form.sections.forEach((section, i) => sectionSheet(workbook, sectionSheetName(i, section.title, taken), `Biểu ${i + 1}. ${section.title}`, section.indicators, report));
  if (report.mismatches.length > 0) mismatchSheet(workbook, form, report);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
