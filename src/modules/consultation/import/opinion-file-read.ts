/**
 * Reading opinion files in the interchange format (README "Interchange format"): streaming reading
 * of CSV (UTF-8, BOM tolerated, `,` `;` or tab separated) and XLSX (first worksheet, exceljs
 * streaming reader) into batches of raw records with their physical line. The validation of the
 * records is `opinion-file.ts`.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import type { CellValue } from 'exceljs';
import ExcelJS from '../../../platform/xlsx/exceljs.js';
import { countLines, firstInvalidUtf8, incompleteTail, lineOfOffset, notUtf8Message } from '../../../platform/vn/index.js';

/** One record of the file: its physical line (CSV) or worksheet row (XLSX), and its cells as text. */
export interface RawRecord {
  line: number;
  cells: string[];
  /** The record's text as in the file (CSV only, when asked for). */
  raw?: string;
}

export interface FileProblem {
  line: number;
  message: string;
}

export class OpinionFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.message);
  }
}

// ------------------------------------------------------------- reading CSV

/** `;` or tab when the first line holds more of them (outside quotes) than commas. */
export function detectDelimiter(firstLine: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

const QUOTE = 34;
const CR = 13;

/**
 * Incremental CSV reader (RFC 4180 quotes, `""` escapes, LF or CRLF line ends, a quoted field may
 * span lines). Counts physical lines so every record knows the line it starts on.
 */
export class CsvSplitter {
  private buffer = '';
  private line = 1;
  delimiter: string | null = null;

  constructor(private readonly keepRaw = false) {}

  push(text: string, final: boolean): RawRecord[] {
    let buf = this.buffer + text;
    if (this.line === 1 && this.buffer === '' && buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    const out: RawRecord[] = [];
    let pos = 0;
    let nextQuote = buf.indexOf('"');
    while (pos < buf.length) {
      const nl = buf.indexOf('\n', pos);
      if (nl === -1 && !final) break;
      const end = nl === -1 ? buf.length : nl;
      const lineEnd = end > pos && buf.charCodeAt(end - 1) === 13 ? end - 1 : end;
      if (this.delimiter === null) this.delimiter = detectDelimiter(buf.slice(pos, lineEnd));
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf('"', pos);
      if (nextQuote === -1 || nextQuote >= lineEnd) {
        const text = buf.slice(pos, lineEnd);
        if (text !== '') out.push(this.record(this.line, text.split(this.delimiter), text));
        this.line++;
        pos = end + 1;
        continue;
      }
      const parsed = this.quoted(buf, pos, final);
      if (!parsed) break;
      out.push(this.record(this.line, parsed.cells, buf.slice(pos, parsed.end)));
      this.line += parsed.lines;
      pos = parsed.next;
    }
    this.buffer = buf.slice(pos);
    if (final && this.buffer !== '') {
      throw new OpinionFileError({ line: this.line, message: `Không đọc được tệp CSV từ dòng ${this.line}: dấu ngoặc kép (") chưa được đóng.` });
    }
    return out;
  }

  private record(line: number, cells: string[], raw: string): RawRecord {
    return this.keepRaw ? { line, cells, raw } : { line, cells };
  }

  /** Parses one record containing quotes from `start`; null when it runs past the data read so far. */
  private quoted(buf: string, start: number, final: boolean): { cells: string[]; end: number; next: number; lines: number } | null {
    const delimiter = this.delimiter ?? ',';
    const size = buf.length;
    const cells: string[] = [];
    let lines = 1;
    let i = start;
    /** The first line break at or after `i` (-1: none in the data read so far). */
    let newline = buf.indexOf('\n', i);
    for (;;) {
      let cell = '';
      if (buf.charCodeAt(i) === QUOTE) {
        // Quoted field: up to the closing quote, "" being one quote.
        i++;
        for (;;) {
          const q = buf.indexOf('"', i);
          if (q === -1) return null;
          while (newline !== -1 && newline < q) {
            lines++;
            newline = buf.indexOf('\n', newline + 1);
          }
          cell += buf.slice(i, q);
          if (buf.charCodeAt(q + 1) === QUOTE) {
            cell += '"';
            i = q + 2;
            continue;
          }
          if (q + 1 >= size && !final) return null;
          i = q + 1;
          break;
        }
      }
      // Unquoted part (or text after a closing quote, kept as is), up to a delimiter or the line end.
      const d = buf.indexOf(delimiter, i);
      const stop = newline === -1 ? (d === -1 ? size : d) : d !== -1 && d < newline ? d : newline;
      if (stop >= size && !final) return null;
      const atLineEnd = stop === newline || stop >= size;
      cell += atLineEnd && stop > i && buf.charCodeAt(stop - 1) === CR ? buf.slice(i, stop - 1) : buf.slice(i, stop);
      cells.push(cell);
      if (stop >= size) return { cells, end: stop, next: stop, lines: lines - 1 };
      if (stop === newline) return { cells, end: buf.charCodeAt(stop - 1) === CR ? stop - 1 : stop, next: stop + 1, lines };
      i = stop + 1;
    }
  }
}

async function* readCsv(filePath: string, onBytes: (n: number) => void, keepRaw: boolean): AsyncGenerator<RawRecord[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const splitter = new CsvSplitter(keepRaw);
  let linesBefore = 0;
  let tail: Uint8Array = Buffer.alloc(0); // a sequence the previous chunk began and did not finish (no LF in it)
  const decode = (chunk?: Buffer): string => {
    try {
      const text = chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
      if (chunk) {
        linesBefore += countLines(chunk);
        tail = incompleteTail(chunk);
      }
      return text;
    } catch {
      // Name the line of the first byte that is not UTF-8 (a lone surrogate, Windows-1258, a cut file).
      const bytes = Buffer.concat([tail, chunk ?? Buffer.alloc(0)]);
      const at = firstInvalidUtf8(bytes);
      const line = lineOfOffset(bytes, at === -1 ? bytes.length : at, linesBefore);
      throw new OpinionFileError({ line, message: notUtf8Message(line) });
    }
  };
  // Small chunks keep few records alive at a time (they die young, cheap for the garbage collector).
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 16 })) {
    const buf = chunk as Buffer;
    onBytes(buf.length);
    const records = splitter.push(decode(buf), false);
    if (records.length > 0) yield records;
  }
  const last = splitter.push(decode(), true);
  if (last.length > 0) yield last;
}

// ------------------------------------------------------------- reading XLSX

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A date cell has no zone: its wall-clock time is read as Vietnam time (UTC+7).
  if (value instanceof Date) return `${value.toISOString().slice(0, 19)}+07:00`;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellText(value.result as CellValue);
  return '';
}

const XLSX_BROKEN = 'Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không đúng định dạng.';
/** Above this size a file is not read whole (the fallback below): a broken streamed read stays an error. */
const MAX_WHOLE_XLSX_BYTES = 64 * 1024 * 1024;
const XLSX_BATCH = 5000;

/**
 * Reads the first worksheet streamed; when that read breaks or does not begin with a header row
 * (line 1, not empty) before anything was handed on, reads the file again whole (ExcelJS's
 * non-streaming loader). ExcelJS's streaming reader now and then loses the start of a zip entry — a
 * race, worse under load, seen on files our own export had just written (see org/unit-file.ts) —;
 * the whole-file read has no such race, and a truly broken file fails it too.
 */
async function* readXlsx(filePath: string, onBytes: (n: number) => void): AsyncGenerator<RawRecord[]> {
  let handedOn = false;
  try {
    for await (const batch of readXlsxStreamed(filePath, onBytes)) {
      if (!handedOn && !beginsWithHeader(batch)) break;
      handedOn = true;
      yield batch;
    }
  } catch (error) {
    if (handedOn || !(error instanceof OpinionFileError) || error.message !== XLSX_BROKEN) throw error;
  }
  if (!handedOn) yield* readXlsxWhole(filePath);
}

function beginsWithHeader(batch: RawRecord[]): boolean {
  const first = batch[0];
  return first !== undefined && first.line === 1 && first.cells.some((c) => c.trim() !== '');
}

/** The first worksheet loaded whole, in batches (the fallback of readXlsx). */
export async function* readXlsxWhole(filePath: string): AsyncGenerator<RawRecord[]> {
  const { size } = await stat(filePath);
  if (size > MAX_WHOLE_XLSX_BYTES) throw new OpinionFileError({ line: 0, message: XLSX_BROKEN });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((await readFile(filePath)) as unknown as ArrayBuffer);
  } catch {
    throw new OpinionFileError({ line: 0, message: XLSX_BROKEN });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return;
  const records: RawRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    records.push({ line: row.number, cells });
  });
  for (let i = 0; i < records.length; i += XLSX_BATCH) yield records.slice(i, i + XLSX_BATCH);
}

async function* readXlsxStreamed(filePath: string, onBytes: (n: number) => void): AsyncGenerator<RawRecord[]> {
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  const source = createReadStream(filePath).on('error', (e) => counter.destroy(e));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.pipe(counter), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let batch: RawRecord[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as CellValue[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        batch.push({ line: row.number, cells });
        if (batch.length >= XLSX_BATCH) {
          yield batch;
          batch = [];
        }
      }
      break; // first worksheet only
    }
  } catch (error) {
    if (error instanceof OpinionFileError) throw error;
    throw new OpinionFileError({ line: 0, message: XLSX_BROKEN });
  } finally {
    source.destroy();
  }
  if (batch.length > 0) yield batch;
}

/** Reads a `.csv` or `.xlsx` file as batches of records; throws OpinionFileError when it cannot be read. */
export function readOpinionRecords(filePath: string, options: { onBytes?: (n: number) => void; keepRaw?: boolean } = {}): AsyncGenerator<RawRecord[]> {
  const onBytes = options.onBytes ?? (() => undefined);
  const ext = /\.([^.\\/]+)$/.exec(filePath.trim())?.[1]?.toLowerCase();
  if (ext === 'csv') return readCsv(filePath, onBytes, options.keepRaw ?? false);
  if (ext === 'xlsx') return readXlsx(filePath, onBytes);
  throw new OpinionFileError({ line: 0, message: 'Chỉ hỗ trợ tệp .csv hoặc .xlsx.' });
}
