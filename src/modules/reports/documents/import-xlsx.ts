/**
 * Reads a filled XLSX template (template-xlsx.ts) into a unit's report content. Runs in a parse
 * worker (platform/files/parse-in-worker.ts) with the zip limits checked first. Every bad cell is
 * collected as {sheet, cell: "E7", message}: the "Thông tin" sheet naming another regime, unit or
 * period (then nothing else is read), an unknown or repeated code, a row with a value but no code,
 * a value of the wrong type or out of range, a required value left blank, a broken relation, an
 * indicator missing from the file. The caller saves nothing when any error is listed.
 */
import type { Row, Workbook, Worksheet } from 'exceljs';
import ExcelJS from '../../../platform/xlsx/exceljs.js';
import { AppError, fail } from '../../../platform/errors.js';
import { assertZipWithinLimits, listZipEntries } from '../../../platform/files/zip-limits.js';
import { formIndicators, type IndicatorValue, type ReportForm, type ReportIndicator } from '../../../shared/report-form.js';
import { validateValues } from '../fill/validate-values.js';
import { MAX_NARRATIVE, MAX_NOTE, rawOf, readIndicatorValue, shown, textOf } from './cell-values.js';
import { formatNumber, NO, YES } from './labels.js';
import { INFO_LABELS, INFO_SHEET, OUTLINE_COLUMNS, OUTLINE_SHEET, SECTION_COLUMNS, SECTION_HEADER_ROW, sectionSheetName, type SectionColumn } from './template-layout.js';

export interface ReportCellError {
  sheet: string;
  /** The cell's address, e.g. "E7". */
  cell: string;
  message: string;
}

/** What the file must be a template of. */
export interface ExpectedTemplate {
  regimeCode: string;
  unitCode: string;
  closingDate: string;
}

/** What a file fills in: the content without the pre-filled figures (the server knows those). */
export interface ImportedContent {
  values: Record<string, IndicatorValue>;
  notes: Record<string, string>;
  narrative: string[];
  noActivity: boolean;
}

export interface ParsedReportFile {
  content: ImportedContent;
  errors: ReportCellError[];
}

const LABEL = 'Excel (.xlsx)';
const MB = 1024 * 1024;
/** A template's worksheet is tens of KB; a sheet (or the shared strings) unpacking past this is refused. */
export const MAX_SHEET_XML_BYTES = 8 * MB;
/** Rows read per sheet: far more than any form has indicators. */
export const MAX_SHEET_ROWS = 5_000;
const HEADER_SEARCH_ROWS = 20;

/** Refuses files that are not a ZIP, break the zip limits, or hold an oversized sheet. */
function checkContainer(data: Buffer): void {
  const listed = listZipEntries(data);
  if (!listed) fail('ZIP_UNREADABLE', undefined, { params: { label: LABEL } });
  assertZipWithinLimits(data, LABEL);
  const big = listed.entries.find((e) => /^xl\/(worksheets\/[^/]+|sharedStrings)\.xml$/u.test(e.name) && e.uncompressedSize > MAX_SHEET_XML_BYTES);
  if (big) fail('REPORT_SHEET_TOO_LARGE', { part: big.name, maxSize: `${MAX_SHEET_XML_BYTES / MB} MB` });
}

async function loadWorkbook(data: Buffer): Promise<Workbook> {
  checkContainer(data);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (err) {
    if (err instanceof AppError) throw err;
    fail('ZIP_UNREADABLE', undefined, { params: { label: LABEL } });
  }
  for (const sheet of workbook.worksheets) {
    if (sheet.rowCount > MAX_SHEET_ROWS) fail('REPORT_SHEET_TOO_MANY_ROWS', { sheet: sheet.name, rows: sheet.rowCount, maxRows: MAX_SHEET_ROWS });
  }
  return workbook;
}

/** The row of the "Thông tin" sheet whose column A reads `label`. */
function infoRow(sheet: Worksheet, label: string): Row | undefined {
  for (let r = 1; r <= Math.min(sheet.rowCount, 60); r++) {
    if (textOf(rawOf(sheet.getRow(r).getCell(1).value)) === label) return sheet.getRow(r);
  }
  return undefined;
}

/** Checks that the file is the template of the expected regime, unit and period; reads "Không phát sinh". */
function readInfo(workbook: Workbook, expected: ExpectedTemplate, errors: ReportCellError[]): boolean {
  const sheet = workbook.getWorksheet(INFO_SHEET);
  if (!sheet) {
    errors.push({ sheet: INFO_SHEET, cell: 'A1', message: `Tệp không có trang "${INFO_SHEET}": đây không phải mẫu báo cáo tải từ Lan Tỏa. Hãy tải mẫu của kỳ này rồi điền lại.` });
    return false;
  }
  const checks: [string, string, string][] = [
    [INFO_LABELS.regimeCode, expected.regimeCode, 'chế độ báo cáo'],
    [INFO_LABELS.unitCode, expected.unitCode, 'đơn vị'],
    [INFO_LABELS.closingDate, expected.closingDate, 'kỳ báo cáo (ngày chốt)'],
  ];
  for (const [label, want, what] of checks) {
    const row = infoRow(sheet, label);
    const cell = row?.getCell(2);
    const got = cell ? textOf(rawOf(cell.value)) : '';
    if (got !== want) {
      errors.push({
        sheet: INFO_SHEET,
        cell: cell?.address ?? 'A1',
        message: row ? `Tệp là mẫu của ${what} ${shown(got)}, không phải ${shown(want)}: hãy tải đúng mẫu của đơn vị và kỳ này.` : `Thiếu dòng "${label}" trong trang "${INFO_SHEET}".`,
      });
    }
  }
  return errors.length === 0;
}

function readNoActivity(workbook: Workbook, errors: ReportCellError[]): boolean {
  const cell = infoRow(workbook.getWorksheet(INFO_SHEET) as Worksheet, INFO_LABELS.noActivity)?.getCell(2);
  const text = cell ? textOf(rawOf(cell.value)).toLocaleLowerCase('vi') : '';
  if (text === '' || text === NO.toLocaleLowerCase('vi')) return false;
  if (text === YES.toLocaleLowerCase('vi')) return true;
  errors.push({ sheet: INFO_SHEET, cell: cell?.address ?? 'B1', message: `"${INFO_LABELS.noActivity}" phải là "${YES}" hoặc "${NO}" (đang ghi ${shown(text)}).` });
  return false;
}

/** The header row of a section sheet and its columns by header text; undefined when the sheet has none. */
function sectionHeader(sheet: Worksheet): { row: number; columns: Map<SectionColumn, number> } | undefined {
  const byText = new Map<string, SectionColumn>(Object.entries(SECTION_COLUMNS).map(([key, text]) => [text, key as SectionColumn]));
  for (let r = 1; r <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); r++) {
    const columns = new Map<SectionColumn, number>();
    sheet.getRow(r).eachCell((cell, c) => {
      const key = byText.get(textOf(rawOf(cell.value)));
      if (key && !columns.has(key)) columns.set(key, c);
    });
    if (columns.has('code') && columns.has('value')) return { row: r, columns };
  }
  return undefined;
}

interface SectionRead {
  values: Record<string, IndicatorValue>;
  notes: Record<string, string>;
  /** Where each indicator's value was read: its sheet and cell. */
  found: Map<string, { sheet: string; cell: string }>;
  /** Indicators whose cell could not be read as their type (already reported). */
  unreadable: Set<string>;
}

function readSectionRow(sheet: Worksheet, row: Row, columns: Map<SectionColumn, number>, byCode: Map<string, ReportIndicator>, read: SectionRead, errors: ReportCellError[]): void {
  const cellOf = (key: SectionColumn) => row.getCell(columns.get(key) ?? 0);
  const at = (key: SectionColumn) => (columns.has(key) ? cellOf(key) : undefined);
  const code = textOf(rawOf(cellOf('code').value));
  const valueCell = cellOf('value');
  const raw = rawOf(valueCell.value);
  const note = at('note') ? textOf(rawOf(cellOf('note').value)) : '';
  const push = (cell: string, message: string): void => void errors.push({ sheet: sheet.name, cell, message });
  if (code === '') {
    if (textOf(raw) !== '' || note !== '') push(valueCell.address, `Dòng ${row.number} có số liệu nhưng không có mã chỉ tiêu (cột "${SECTION_COLUMNS.code}"): không biết số liệu thuộc chỉ tiêu nào.`);
    return;
  }
  const indicator = byCode.get(code);
  if (!indicator) {
    push(cellOf('code').address, `Mã chỉ tiêu ${shown(code)} không có trong biểu mẫu của chế độ báo cáo này.`);
    return;
  }
  const earlier = read.found.get(code);
  if (earlier) {
    push(cellOf('code').address, `Mã chỉ tiêu ${shown(code)} bị lặp: đã có ở ô ${earlier.cell} trang "${earlier.sheet}".`);
    return;
  }
  read.found.set(code, { sheet: sheet.name, cell: valueCell.address });
  const value = readIndicatorValue(indicator, raw, (valueCell.numFmt ?? '').includes('%'));
  if ('error' in value) {
    push(valueCell.address, value.error);
    read.unreadable.add(code);
  } else read.values[code] = value.value;
  if (note !== '') {
    if ([...note].length > MAX_NOTE) push(cellOf('note').address, `Ghi chú dài quá ${formatNumber(MAX_NOTE)} ký tự.`);
    else read.notes[code] = note;
  }
}

function readSections(workbook: Workbook, form: ReportForm, errors: ReportCellError[]): SectionRead {
  const byCode = new Map(formIndicators(form).map((i) => [i.code, i]));
  const read: SectionRead = { values: {}, notes: {}, found: new Map(), unreadable: new Set() };
  for (const sheet of workbook.worksheets) {
    if (sheet.name === INFO_SHEET || sheet.name === OUTLINE_SHEET) continue;
    const header = sectionHeader(sheet);
    if (!header) continue; // a sheet of the user's own (notes, working)
    for (let r = header.row + 1; r <= sheet.rowCount; r++) readSectionRow(sheet, sheet.getRow(r), header.columns, byCode, read, errors);
  }
  return read;
}

/**
 * Indicators the file does not have, then the form's checks on the values read (the same as a
 * submission's: integer, range, required unless "Không phát sinh", relations), each at its cell.
 */
function checkWhole(form: ReportForm, read: SectionRead, noActivity: boolean, errors: ReportCellError[]): void {
  const taken = new Set([INFO_SHEET, OUTLINE_SHEET].map((n) => n.toLocaleLowerCase('vi')));
  form.sections.forEach((section, i) => {
    const sheet = sectionSheetName(i, section.title, taken);
    for (const indicator of section.indicators) {
      if (read.found.has(indicator.code)) continue;
      errors.push({ sheet, cell: `A${SECTION_HEADER_ROW}`, message: `Thiếu dòng của chỉ tiêu ${shown(indicator.code)} (${indicator.label}): hãy dùng mẫu tải từ Lan Tỏa và không xóa dòng.` });
    }
  });
  for (const problem of validateValues(form, read.values, { noActivity })) {
    const where = read.found.get(problem.code);
    if (where && !read.unreadable.has(problem.code)) errors.push({ ...where, message: problem.message });
  }
}

function readOutline(workbook: Workbook, form: ReportForm, errors: ReportCellError[]): string[] {
  const narrative = form.outline.map(() => '');
  const sheet = workbook.getWorksheet(OUTLINE_SHEET);
  if (!sheet || form.outline.length === 0) return narrative;
  let header = 0;
  for (let r = 1; r <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS) && header === 0; r++) if (textOf(rawOf(sheet.getRow(r).getCell(1).value)) === OUTLINE_COLUMNS.number) header = r;
  for (let r = header + 1; header > 0 && r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const numberText = textOf(rawOf(row.getCell(1).value));
    const text = textOf(rawOf(row.getCell(3).value));
    if (numberText === '' && text === '') continue;
    const n = Number(numberText);
    if (!Number.isInteger(n) || n < 1 || n > form.outline.length) {
      errors.push({ sheet: sheet.name, cell: row.getCell(1).address, message: `Số thứ tự ${shown(numberText)} không ứng với phần nào của đề cương (1–${form.outline.length}).` });
    } else if ([...text].length > MAX_NARRATIVE) {
      errors.push({ sheet: sheet.name, cell: row.getCell(3).address, message: `Nội dung phần ${n} dài quá ${formatNumber(MAX_NARRATIVE)} ký tự.` });
    } else narrative[n - 1] = text;
  }
  return narrative;
}

/**
 * Parses a filled template of `form` for the `expected` regime, unit and period. File-level
 * problems (not an XLSX, over a limit) throw; cell-level ones are listed in `errors`.
 */
export async function parseReportWorkbook(data: Buffer, form: ReportForm, expected: ExpectedTemplate): Promise<ParsedReportFile> {
  const workbook = await loadWorkbook(Buffer.from(data));
  const errors: ReportCellError[] = [];
  const empty: ImportedContent = { values: {}, notes: {}, narrative: form.outline.map(() => ''), noActivity: false };
  if (!readInfo(workbook, expected, errors)) return { content: empty, errors };
  const noActivity = readNoActivity(workbook, errors);
  const read = readSections(workbook, form, errors);
  checkWhole(form, read, noActivity, errors);
  const narrative = readOutline(workbook, form, errors);
  return { content: { values: read.values, notes: read.notes, narrative, noActivity }, errors };
}
