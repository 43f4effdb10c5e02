/**
 * Reads a question file's cells (a parse-worker task: platform/files/parse-in-worker.ts): CSV in
 * UTF-8 with or without BOM (comma, semicolon or tab), or the first sheet of an XLSX, checked
 * against the zip limits first. Each row keeps the file's line number (the header is line 1).
 */
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import type { CellValue } from 'exceljs';
import ExcelJS from '../../../../platform/xlsx/exceljs.js';
import { AppError, fail } from '../../../../platform/errors.js';
import { assertZipWithinLimits, listZipEntries } from '../../../../platform/files/zip-limits.js';

export interface RawRow {
  line: number;
  cells: string[];
}

export interface ReadFile {
  rows: RawRow[];
  /** A problem that stops the reading (not UTF-8, a broken quote, an unreadable workbook), with its line. */
  problem: { line: number; reason: string } | null;
}

/** Rows read from one file: far more than any bank (a national bank holds a few thousand questions). */
export const MAX_QUESTION_ROWS = 20_000;

function delimiterOf(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function readCsv(data: Buffer): ReadFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { rows: [], problem: { line: 1, reason: 'Tệp CSV không phải mã UTF-8; hãy lưu lại tệp với bảng mã UTF-8 (Excel: "CSV UTF-8").' } };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows: RawRow[] = [];
  try {
    const records = parseCsv(text, { delimiter: delimiterOf(text.slice(0, text.indexOf('\n') >>> 0)), info: true, raw: true, relax_column_count: true, skip_empty_lines: true, to: MAX_QUESTION_ROWS + 1 }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
    for (const { record, info, raw } of records) {
      const inside = raw.replace(/^\n+/, '').replace(/\n$/, '');
      rows.push({ line: info.lines - (inside.match(/\n/g)?.length ?? 0), cells: record });
    }
  } catch (error) {
    const line = error instanceof CsvError ? Number((error as unknown as { lines?: number }).lines ?? 0) : 0;
    const detail = error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'dấu ngoặc kép (") chưa được đóng' : 'lỗi định dạng CSV';
    return { rows, problem: { line, reason: `Không đọc được tệp CSV: ${detail}.` } };
  }
  return { rows, problem: null };
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'result' in value) return value.result === undefined ? '' : String(value.result);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

const XLSX_BROKEN = 'Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải định dạng .xlsx.';

async function readXlsx(data: Buffer): Promise<ReadFile> {
  if (!listZipEntries(data)) return { rows: [], problem: { line: 0, reason: XLSX_BROKEN } };
  assertZipWithinLimits(data, 'Excel (.xlsx)');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    if (error instanceof AppError) throw error;
    return { rows: [], problem: { line: 0, reason: XLSX_BROKEN } };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], problem: { line: 0, reason: 'Tệp Excel không có trang tính nào.' } };
  if (sheet.rowCount > MAX_QUESTION_ROWS + 1) fail('CONTEST_IMPORT_TOO_MANY_ROWS', { rows: sheet.rowCount, maxRows: MAX_QUESTION_ROWS });
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ line: row.number, cells });
  });
  return { rows, problem: null };
}

/** The kind of a question file by its name: csv, xlsx, or null (refused). */
export function questionFileKind(fileName: string): 'csv' | 'xlsx' | null {
  const ext = /\.([^.\\/]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'xlsx' ? ext : null;
}

/** The worker task: the file's rows, by its kind. */
export async function readQuestionFile(data: Buffer, kind: 'csv' | 'xlsx'): Promise<ReadFile> {
  const read = kind === 'csv' ? readCsv(data) : await readXlsx(data);
  if (read.rows.length > MAX_QUESTION_ROWS + 1) fail('CONTEST_IMPORT_TOO_MANY_ROWS', { rows: read.rows.length, maxRows: MAX_QUESTION_ROWS });
  return read;
}
