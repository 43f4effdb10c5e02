/**
 * Unit lists as files: parse and serialise CSV (UTF-8, optional BOM, `,` `;` or tab separated)
 * and XLSX (first worksheet, read as a stream). Pure: no database; parent codes are not resolved here.
 * At most uploadLimits.unitFileRows rows are read; import-units runs parseUnitFile in a parse worker.
 */
import { Readable } from 'node:stream';
import { parse as parseCsv, CsvError } from 'csv-parse/sync';
import type { CellValue } from 'exceljs';
import ExcelJS from '../../platform/xlsx/exceljs.js';
import { AppError, fail } from '../../platform/errors.js';
import { uploadLimits } from '../../platform/files/limits.js';
import { assertZipWithinLimits, listZipEntries } from '../../platform/files/zip-limits.js';
import { firstInvalidUtf8, hasUnsafeText, isVietnameseLetter, isoDateOf, lineOfOffset, normalizeVi, notUtf8Message, parseViDate, toSafeText } from '../../platform/vn/index.js';
import { parseUnitKind, unitKinds, type UnitKind } from './unit-kinds.js';
import { columnOfHeader, unitFileColumns as knownColumns, type UnitFileColumn } from './unit-file-columns.js';

export interface UnitFileRow {
  /** 1-based physical line (CSV) or worksheet row (XLSX) where the row starts; the header is line 1. */
  line: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  abbreviation: string | null;
  sortOrder: number | null;
  activeFrom: string | null;
  activeTo: string | null;
  /** Place written on the unit's documents; undefined when the file has no `place` column (the unit keeps its own). */
  place?: string | null | undefined;
}
/** What the serialisers need: a row without its line number. */
export type UnitFileRecord = Omit<UnitFileRow, 'line'> & { line?: number };
export interface UnitFileError {
  line: number;
  message: string;
}
export interface UnitFileParse {
  rows: UnitFileRow[];
  errors: UnitFileError[];
}

const requiredColumns = ['code', 'name', 'kind', 'parent_code'] as const;
type Column = UnitFileColumn;
export const maxUnitCodeLength = 64;

/** A raw cell: text from CSV, or a typed value from XLSX. */
type Cell = string | number | Date | null;
interface RawRow {
  line: number;
  cells: Cell[];
}

// ---------------------------------------------------------------- reading CSV

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** The header line and at most uploadLimits.unitFileRows units. */
const MAX_RECORDS = uploadLimits.unitFileRows + 1;

function tooManyRows(): never {
  fail('TOO_MANY_ROWS', { reason: 'TOO_MANY_ROWS', maxRows: uploadLimits.unitFileRows });
}
/** Text guarded against formulas on writing (unit-file-write.ts) loses exactly one leading ' on reading. */
const GUARDED = /^'[=+\-@\t\r']/;

/** `;` or tab when the header line holds more of them (outside quotes) than commas. */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.replace(/^[\r\n]+/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  const [best = ','] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0] ?? [];
  return (counts[best] ?? 0) > 0 ? best : ',';
}

/** Tracks physical line numbers (CRLF, LF or CR) while walking forward through a buffer. */
function lineCounter(buf: Buffer): { lineAt: (offset: number) => number; skipBreaks: (offset: number) => number } {
  let pos = 0;
  let line = 1;
  const lineAt = (offset: number): number => {
    for (; pos < offset && pos < buf.length; pos++) {
      const b = buf[pos];
      if (b === 0x0a || (b === 0x0d && buf[pos + 1] !== 0x0a)) line++;
    }
    return line;
  };
  const skipBreaks = (offset: number): number => {
    let o = offset;
    while (o < buf.length && (buf[o] === 0x0a || buf[o] === 0x0d)) o++;
    return o;
  };
  return { lineAt, skipBreaks };
}

function readCsv(data: Buffer): { rows: RawRow[]; errors: UnitFileError[] } {
  const buf = data.subarray(0, 3).equals(BOM) ? data.subarray(3) : data;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    const line = lineOfOffset(buf, Math.max(0, firstInvalidUtf8(buf)));
    return { rows: [], errors: [{ line, message: notUtf8Message(line) }] };
  }
  const rows: RawRow[] = [];
  const lines = lineCounter(buf);
  let recordStart = 0;
  try {
    parseCsv(buf, {
      delimiter: detectDelimiter(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      to: MAX_RECORDS + 1,
      on_record: (record: string[], info) => {
        const start = lines.skipBreaks(recordStart);
        rows.push({ line: lines.lineAt(start), cells: record.map(unguardFormula) });
        recordStart = info.bytes;
        return null;
      },
    });
  } catch (err) {
    const line = lines.lineAt(lines.skipBreaks(recordStart));
    const detail =
      err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED' ? 'dấu ngoặc kép (") chưa được đóng' : `lỗi định dạng (${err instanceof CsvError ? err.code : String(err)})`;
    return { rows, errors: [{ line, message: `Không đọc được tệp CSV từ dòng ${line}: ${detail}.` }] };
  }
  if (rows.length > MAX_RECORDS) tooManyRows();
  return { rows, errors: [] };
}

function unguardFormula(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

// --------------------------------------------------------------- reading XLSX

function cellOf(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellOf(value.text as CellValue);
  if ('error' in value) return value.error;
  if ('result' in value) return cellOf(value.result as CellValue);
  return null;
}

const XLSX_BROKEN = 'Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không đúng định dạng.';

/**
 * Reads the first worksheet, streamed; when that read found no readable header row, reads it again
 * whole (ExcelJS's non-streaming loader, JSZip). ExcelJS's streaming reader now and then loses the
 * start of a zip entry ("Cannot read properties of undefined (reading 'sheets')", or a header row read
 * empty) — 2–11 in 300 reads of files our own export had just written, more under load, while 200
 * reads of one such file all succeeded: a race, not the bytes. The whole-file read has no such race;
 * a truly broken file fails it too. The zip limits were checked before either read.
 */
async function readXlsx(data: Buffer): Promise<{ rows: RawRow[]; errors: UnitFileError[] }> {
  const first = await readXlsxOnce(data);
  const header = first.rows[0];
  const readable = first.errors.length === 0 && header !== undefined && header.line === 1;
  return readable || first.errors.some((e) => e.message !== XLSX_BROKEN) ? first : readXlsxWhole(data);
}

/** The first worksheet of `data`, loaded whole (the fallback of readXlsx). */
async function readXlsxWhole(data: Buffer): Promise<{ rows: RawRow[]; errors: UnitFileError[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ line: 0, message: XLSX_BROKEN }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], errors: [{ line: 0, message: 'Tệp Excel không có trang tính nào.' }] };
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (rows.length >= MAX_RECORDS) tooManyRows();
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellOf(row.getCell(c).value));
    rows.push({ line: row.number, cells });
  });
  return { rows, errors: [] };
}

/** The first worksheet, streamed row by row: memory stays small and reading stops at the row limit. */
async function readXlsxOnce(data: Buffer): Promise<{ rows: RawRow[]; errors: UnitFileError[] }> {
  if (!listZipEntries(data)) return { rows: [], errors: [{ line: 0, message: XLSX_BROKEN }] };
  assertZipWithinLimits(data, 'Excel (.xlsx)');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date formats: a date cell reads as a Date
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows: RawRow[] = [];
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        if (!row.hasValues) continue;
        if (rows.length >= MAX_RECORDS) tooManyRows();
        const cells: Cell[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(cellOf(row.getCell(c).value));
        rows.push({ line: row.number, cells });
      }
      break; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    return { rows: [], errors: [{ line: 0, message: XLSX_BROKEN }] };
  }
  if (sheets === 0) return { rows: [], errors: [{ line: 0, message: 'Tệp Excel không có trang tính nào.' }] };
  return { rows, errors: [] };
}

// ----------------------------------------------------------------- validation

const allowedKinds = unitKinds.join(', ');

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoDateOf(cell) ?? '';
  return normalizeVi(String(cell)).trim();
}

/** A value quoted for a message, shortened when long. */
function show(value: string): string {
  const chars = [...toSafeText(value)];
  return `"${chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : value}"`;
}

const PLAIN_CODE = /^[A-Za-z0-9._-]*$/;

function codeProblems(code: string, column: string, what: string): string[] {
  const problems: string[] = [];
  if (/\s/.test(code)) problems.push(`${what} ${show(code)} (cột ${column}) không được chứa dấu cách.`);
  if ([...code].length > maxUnitCodeLength) problems.push(`${what} ${show(code)} (cột ${column}) dài quá ${maxUnitCodeLength} ký tự.`);
  const bad = PLAIN_CODE.test(code) ? [] : [...new Set([...code].filter((ch) => !/[0-9._\s-]/.test(ch) && !isVietnameseLetter(ch)))];
  if (bad.length > 0) {
    problems.push(`${what} ${show(code)} (cột ${column}) có ký tự không hợp lệ ${bad.map(show).join(', ')}; chỉ dùng chữ cái, chữ số và các dấu . _ -`);
  }
  return problems;
}

function dateOf(cell: Cell | undefined, column: Column, problems: string[]): string | null {
  const text = cellText(cell);
  if (text === '') return null;
  const iso = cell instanceof Date ? isoDateOf(cell) : parseViDate(text);
  if (iso === null) problems.push(`Ngày ${show(text)} (cột ${column}) không hợp lệ; hãy ghi theo dạng YYYY-MM-DD hoặc DD/MM/YYYY.`);
  return iso;
}

function sortOrderOf(cell: Cell | undefined, problems: string[]): number | null {
  const text = cellText(cell);
  if (text === '') return null;
  const n = typeof cell === 'number' ? cell : /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < -2147483648 || n > 2147483647) {
    problems.push(`Thứ tự sắp xếp ${show(text)} (cột sort_order) phải là số nguyên.`);
    return null;
  }
  return n;
}


function validate(raw: RawRow[]): UnitFileParse {
  const nonBlank = raw.filter((r) => r.cells.some((c) => c !== null && (typeof c !== 'string' || c.trim() !== '')));
  const [header, ...body] = nonBlank;
  const columns: Column[] = ['code', 'name', 'kind', 'parent_code'];
  if (!header) {
    return { rows: [], errors: [{ line: 1, message: `Tệp trống: thiếu dòng tiêu đề với các cột ${columns.join(', ')}.` }] };
  }
  const index = new Map<Column, number>();
  const errors: UnitFileError[] = [];
  header.cells.forEach((cell, i) => {
    const column = columnOfHeader(cellText(cell));
    if (!column) return;
    if (index.has(column)) errors.push({ line: header.line, message: `Cột "${column}" xuất hiện nhiều lần trong dòng tiêu đề.` });
    else index.set(column, i);
  });
  const missing = requiredColumns.filter((c) => !index.has(c));
  if (missing.length > 0) {
    errors.push({
      line: header.line,
      message: `Thiếu cột bắt buộc: ${missing.join(', ')}. Dòng tiêu đề phải có các cột ${requiredColumns.join(', ')}.`,
    });
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: UnitFileRow[] = [];
  const firstLineOfCode = new Map<string, number>();
  for (const { line, cells } of body) {
    const get = (c: Column): Cell | undefined => {
      const i = index.get(c);
      return i === undefined ? undefined : cells[i];
    };
    const problems: string[] = [];
    const unsafe = knownColumns.filter((c) => {
      const cell = get(c);
      return typeof cell === 'string' && hasUnsafeText(cell);
    });
    if (unsafe.length > 0) problems.push(`Có ký tự không hợp lệ (ký tự rỗng U+0000 hoặc ký tự Unicode bị hỏng) ở cột ${unsafe.join(', ')}; hãy xóa ký tự đó.`);
    const code = cellText(get('code'));
    const name = cellText(get('name'));
    const kindText = cellText(get('kind'));
    const parentCode = cellText(get('parent_code')) || null;
    if (code === '') problems.push('Thiếu mã đơn vị (cột code).');
    else problems.push(...codeProblems(code, 'code', 'Mã đơn vị'));
    if (name === '') problems.push('Thiếu tên đơn vị (cột name).');
    const kind = parseUnitKind(kindText);
    if (kindText === '') problems.push(`Thiếu loại đơn vị (cột kind). Các mã được phép: ${allowedKinds}.`);
    else if (kind === null) problems.push(`Loại đơn vị ${show(kindText)} (cột kind) không hợp lệ. Các mã được phép: ${allowedKinds}.`);
    if (parentCode !== null) {
      problems.push(...codeProblems(parentCode, 'parent_code', 'Mã đơn vị cấp trên'));
      if (parentCode === code) problems.push(`Mã đơn vị cấp trên ${show(parentCode)} (cột parent_code) trùng với mã của chính đơn vị.`);
    }
    const sortOrder = sortOrderOf(get('sort_order'), problems);
    const activeFrom = dateOf(get('active_from'), 'active_from', problems);
    const activeTo = dateOf(get('active_to'), 'active_to', problems);
    if (activeFrom !== null && activeTo !== null && activeTo < activeFrom) {
      problems.push(`Ngày kết thúc ${show(activeTo)} (cột active_to) sớm hơn ngày bắt đầu ${show(activeFrom)} (cột active_from).`);
    }
    if (code !== '') {
      const first = firstLineOfCode.get(code);
      if (first !== undefined) problems.push(`Mã đơn vị ${show(code)} (cột code) bị trùng: đã có ở dòng ${first}.`);
      else firstLineOfCode.set(code, line);
    }
    if (problems.length > 0 || kind === null) {
      for (const message of problems) errors.push({ line, message });
      continue;
    }
    const abbreviation = cellText(get('abbreviation')) || null;
    const row: UnitFileRow = { line, code, name, kind, parentCode, abbreviation, sortOrder, activeFrom, activeTo };
    if (index.has('place')) row.place = cellText(get('place')) || null;
    rows.push(row);
  }
  return { rows, errors };
}

/** Parses a unit list from a `.csv` or `.xlsx` file. Rows with any error are left out of `rows`. */
export async function parseUnitFile(data: Buffer, fileName: string): Promise<UnitFileParse> {
  const ext = /\.([^.\\/]+)$/.exec(fileName.trim())?.[1]?.toLowerCase();
  let read: { rows: RawRow[]; errors: UnitFileError[] };
  if (ext === 'csv') read = readCsv(data);
  else if (ext === 'xlsx') read = await readXlsx(data);
  else return { rows: [], errors: [{ line: 0, message: 'Chỉ hỗ trợ tệp .csv hoặc .xlsx.' }] };
  if (read.errors.length > 0 && read.rows.length === 0) return { rows: [], errors: read.errors };
  const result = validate(read.rows);
  return { rows: result.rows, errors: [...result.errors, ...read.errors] };
}
