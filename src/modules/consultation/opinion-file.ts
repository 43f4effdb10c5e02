/**
 * Opinion files in the interchange format (README "Interchange format"): streaming reading of CSV
 * (UTF-8, BOM tolerated, `,` `;` or tab separated) and XLSX (first worksheet, exceljs streaming reader),
 * and row-by-row validation with the physical line number and a Vietnamese reason. Pure: no database;
 * the caller loads the unit and document maps once.
 *
 * Decisions: `opinion_text` may be empty only with stance `agree` (a bare "Tán thành"); `disagree`
 * needs its reason, `partial` its text and `none` is nothing but its text. `section_ref` is optional.
 * Rows of one `submission_id` must agree on `submitted_at` (the same instant) and `unit_code`; the
 * first row sets the reference and every disagreeing row is reported. Channel and contributor group
 * of a submission are those of its first row. An XLSX date cell for `submitted_at` (no zone) is read
 * as Vietnam time (UTC+7); text cells must carry their offset.
 */
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { channels, contributorGroups, stances, type Channel, type ContributorGroup, type Stance } from '../../platform/db/schema/index.js';
import { dedupKey, normalizeVi } from '../../platform/vn/index.js';

export const requiredOpinionColumns = ['submission_id', 'submitted_at', 'unit_code', 'channel', 'contributor_group', 'document_code', 'section_ref', 'stance', 'opinion_text'] as const;
export const optionalOpinionColumns = ['contributor_name', 'contributor_phone', 'contributor_id_number'] as const;
type Column = (typeof requiredOpinionColumns)[number] | (typeof optionalOpinionColumns)[number];
const knownColumns: readonly Column[] = [...requiredOpinionColumns, ...optionalOpinionColumns];

export const maxOpinionTextLength = 20_000;
const maxIdLength = 128;
const maxSectionRefLength = 64;

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

export interface OpinionRow {
  line: number;
  submissionId: string;
  submittedAt: Date;
  unitId: number;
  channel: Channel;
  contributorGroup: ContributorGroup;
  documentId: number;
  sectionRef: string | null;
  stance: Stance;
  /** NFC, look-alikes replaced, trimmed. */
  text: string;
  /** dedupKey of the text. */
  textKey: string;
  /** Contact details (encrypted storage is issue 4 §7; the import does not store them yet). */
  contact: { name: string; phone: string; idNumber: string } | null;
}

export class OpinionFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem.message);
  }
}

// ------------------------------------------------------------- text keys

const FORMAT_RE = /\p{Cf}/gu;
const SEPARATOR_RE = /[^\p{L}\p{N}\p{M}]+/gu;
/** Letters and marks of Vietnamese text beyond ASCII: Latin-1 letters, Latin Extended-A/B, combining marks, Latin Extended Additional. */
function isLatinWordUnit(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff);
}

/** `s.replace(SEPARATOR_RE, ' ').trim()` by hand for Latin text; null when another character shows up. */
function collapseSeparators(s: string): string | null {
  const parts: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const word = c < 0x80 ? (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) : isLatinWordUnit(c);
    if (!word && c >= 0x80) return null;
    if (word) {
      if (start === -1) start = i;
    } else if (start !== -1) {
      parts.push(s.slice(start, i));
      start = -1;
    }
  }
  if (start !== -1) parts.push(s.slice(start));
  return parts.join(' ');
}
/**
 * A letter run ending in o/u followed by a toned a/e/y: the only case in which toneKey rewrites a
 * syllable (oa, oe, uy with the mark on the second vowel). A superset, so the fast path is exact.
 */
const SWING_RE = /[oOuU][àáãảạÀÁÃẢẠèéẽẻẹÈÉẼẺẸỳýỹỷỵỲÝỸỶỴ](?![\p{L}\p{M}])/u;

/** Equal to `dedupKey(s)` for every string, about twenty times faster on texts without a swinging tone mark. */
export function fastDedupKey(s: string): string {
  const normal = normalizeVi(s.replace(FORMAT_RE, ''));
  if (SWING_RE.test(normal)) return dedupKey(s);
  const lower = normal.toLowerCase();
  return collapseSeparators(lower) ?? lower.replace(SEPARATOR_RE, ' ').trim();
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
    const cells: string[] = [];
    let cell = '';
    let lines = 1;
    let i = start;
    for (;;) {
      if (buf[i] === '"') {
        // Quoted field: up to the closing quote, "" being one quote.
        i++;
        for (;;) {
          const q = buf.indexOf('"', i);
          if (q === -1) return null;
          const piece = buf.slice(i, q);
          for (let k = piece.indexOf('\n'); k !== -1; k = piece.indexOf('\n', k + 1)) lines++;
          cell += piece;
          if (buf[q + 1] === '"') {
            cell += '"';
            i = q + 2;
            continue;
          }
          if (q + 1 >= buf.length && !final) return null;
          i = q + 1;
          break;
        }
      }
      // Unquoted part (or text after a closing quote, kept as is).
      let j = i;
      while (j < buf.length && buf[j] !== delimiter && buf[j] !== '\n') j++;
      if (j >= buf.length && !final) return null;
      let piece = buf.slice(i, j);
      if (j < buf.length && buf[j] === '\n' && piece.endsWith('\r')) piece = piece.slice(0, -1);
      else if (j >= buf.length && piece.endsWith('\r')) piece = piece.slice(0, -1);
      cell += piece;
      cells.push(cell);
      cell = '';
      if (j >= buf.length) return { cells, end: j, next: j, lines: lines - 1 };
      if (buf[j] === '\n') return { cells, end: buf[j - 1] === '\r' ? j - 1 : j, next: j + 1, lines };
      i = j + 1;
    }
  }
}

async function* readCsv(filePath: string, onBytes: (n: number) => void, keepRaw: boolean): AsyncGenerator<RawRecord[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const splitter = new CsvSplitter(keepRaw);
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new OpinionFileError({ line: 0, message: 'Tệp CSV không ở mã UTF-8. Hãy lưu lại tệp với định dạng "CSV UTF-8".' });
    }
  };
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    onBytes(buf.length);
    const records = splitter.push(decode(buf), false);
    if (records.length > 0) yield records;
  }
  const last = splitter.push(decode(), true);
  if (last.length > 0) yield last;
}

// ------------------------------------------------------------- reading XLSX

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // A date cell has no zone: its wall-clock time is read as Vietnam time (UTC+7).
  if (value instanceof Date) return `${value.toISOString().slice(0, 19)}+07:00`;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  return '';
}

async function* readXlsx(filePath: string, onBytes: (n: number) => void): AsyncGenerator<RawRecord[]> {
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
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        batch.push({ line: row.number, cells });
        if (batch.length >= 5000) {
          yield batch;
          batch = [];
        }
      }
      break; // first worksheet only
    }
  } catch (error) {
    if (error instanceof OpinionFileError) throw error;
    throw new OpinionFileError({ line: 0, message: 'Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không đúng định dạng.' });
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

// -------------------------------------------------------------- validation

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function parseInstant(text: string): Date | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(-2)) > 59)) return null;
  const normal = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const at = new Date(text.replace(' ', 'T').replace(/(Z|[+-]\d{2}:?\d{2})$/, normal));
  return Number.isNaN(at.getTime()) ? null : at;
}

function show(value: string): string {
  const chars = [...value];
  return `"${chars.length > 60 ? `${chars.slice(0, 60).join('')}…` : value}"`;
}

const channelSet = new Set<string>(channels);
const groupSet = new Set<string>(contributorGroups);
const stanceSet = new Set<string>(stances);

interface SubmissionInfo {
  line: number;
  at: number | null;
  unitCode: string | null;
}

export interface OpinionMaps {
  /** unit code → id, of the units that may receive opinions of this consultation. */
  units: ReadonlyMap<string, number>;
  /** document code → id, of the consultation's documents. */
  documents: ReadonlyMap<string, number>;
}

/**
 * Validates the records of one file in order: first the header, then each row against the maps and
 * against the earlier rows of its submission.
 */
export class OpinionValidator {
  private index: Map<Column, number> | null = null;
  private readonly submissions = new Map<string, SubmissionInfo>();

  constructor(private readonly maps: OpinionMaps) {}

  get hasHeader(): boolean {
    return this.index !== null;
  }

  /** Reads the header; throws OpinionFileError when a required column is missing or doubled. */
  header(record: RawRecord): void {
    const index = new Map<Column, number>();
    const problems: string[] = [];
    record.cells.forEach((cell, i) => {
      const key = normalizeVi(cell).trim().toLowerCase().replace(/[\s-]+/g, '_');
      const column = knownColumns.find((c) => c === key);
      if (!column) return;
      if (index.has(column)) problems.push(`Cột "${column}" xuất hiện nhiều lần trong dòng tiêu đề.`);
      else index.set(column, i);
    });
    const missing = requiredOpinionColumns.filter((c) => !index.has(c));
    if (missing.length > 0) problems.push(`Thiếu cột bắt buộc: ${missing.join(', ')}. Dòng tiêu đề phải có các cột ${requiredOpinionColumns.join(',')}.`);
    if (problems.length > 0) throw new OpinionFileError({ line: record.line, message: problems.join(' ') });
    this.index = index;
  }

  /** The trimmed text of one column of a record ('' when absent). */
  cell(record: RawRecord, column: Column): string {
    const i = this.index?.get(column);
    return i === undefined ? '' : (record.cells[i] ?? '').trim();
  }

  /** Validates one data row: the row, or the reasons it is bad (joined into one sentence list). */
  row(record: RawRecord): { row: OpinionRow; problem: null } | { row: null; problem: string } {
    const index = this.index;
    if (!index) throw new Error('header() first');
    const { cells, line } = record;
    const get = (c: Column): string => {
      const i = index.get(c);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const problems: string[] = [];
    const submissionId = get('submission_id');
    if (submissionId === '') problems.push('Thiếu mã lượt góp ý (cột submission_id).');
    else if (submissionId.length > maxIdLength || /[\p{Cc}]/u.test(submissionId)) problems.push(`Mã lượt góp ý ${show(submissionId)} (cột submission_id) dài quá ${maxIdLength} ký tự hoặc có ký tự điều khiển.`);

    const atText = get('submitted_at');
    const submittedAt = parseInstant(atText);
    if (atText === '') problems.push('Thiếu thời điểm gửi (cột submitted_at).');
    else if (!submittedAt) problems.push(`Thời điểm gửi ${show(atText)} (cột submitted_at) không hợp lệ; cần dạng ISO 8601 có múi giờ, ví dụ 2025-10-15T08:30:00+07:00.`);

    const unitCode = get('unit_code');
    const unitId = this.maps.units.get(unitCode);
    if (unitCode === '') problems.push('Thiếu mã đơn vị tiếp nhận (cột unit_code).');
    else if (unitId === undefined) problems.push(`Không tìm thấy đơn vị có mã ${show(unitCode)} (cột unit_code) tham gia đợt lấy ý kiến.`);

    const channel = get('channel').toLowerCase();
    if (!channelSet.has(channel)) problems.push(`Kênh ${show(channel)} (cột channel) không hợp lệ. Các giá trị được phép: ${channels.join(', ')}.`);
    const group = get('contributor_group').toLowerCase();
    if (!groupSet.has(group)) problems.push(`Đối tượng ${show(group)} (cột contributor_group) không hợp lệ. Các giá trị được phép: ${contributorGroups.join(', ')}.`);

    const documentCode = get('document_code');
    const documentId = this.maps.documents.get(documentCode);
    if (documentCode === '') problems.push('Thiếu mã dự thảo (cột document_code).');
    else if (documentId === undefined) problems.push(`Không có dự thảo mã ${show(documentCode)} (cột document_code) trong đợt lấy ý kiến này.`);

    const sectionRef = get('section_ref');
    if (sectionRef.length > maxSectionRefLength) problems.push(`Mục ${show(sectionRef)} (cột section_ref) dài quá ${maxSectionRefLength} ký tự.`);

    const stance = get('stance').toLowerCase();
    if (!stanceSet.has(stance)) problems.push(`Ý kiến ${show(stance)} (cột stance) không hợp lệ. Các giá trị được phép: ${stances.join(', ')}.`);
    const text = normalizeVi(get('opinion_text')).trim();
    if (text === '' && stanceSet.has(stance) && stance !== 'agree') {
      problems.push(stance === 'disagree' ? 'Ý kiến không tán thành cần nêu lý do (cột opinion_text trống).' : 'Thiếu nội dung ý kiến (cột opinion_text trống).');
    }
    if (text.length > maxOpinionTextLength) problems.push(`Nội dung ý kiến dài quá ${maxOpinionTextLength.toLocaleString('vi-VN')} ký tự (cột opinion_text).`);

    if (submissionId !== '') this.checkSubmission(submissionId, line, submittedAt, unitCode, problems);

    if (problems.length > 0 || !submittedAt || unitId === undefined || documentId === undefined) return { row: null, problem: problems.join(' ') };
    const name = get('contributor_name');
    const phone = get('contributor_phone');
    const idNumber = get('contributor_id_number');
    return {
      row: {
        line,
        submissionId,
        submittedAt,
        unitId,
        channel: channel as Channel,
        contributorGroup: group as ContributorGroup,
        documentId,
        sectionRef: sectionRef === '' ? null : sectionRef,
        stance: stance as Stance,
        text,
        textKey: fastDedupKey(text),
        contact: name || phone || idNumber ? { name, phone, idNumber } : null,
      },
      problem: null,
    };
  }

  private checkSubmission(id: string, line: number, at: Date | null, unitCode: string, problems: string[]): void {
    const seen = this.submissions.get(id);
    const time = at ? at.getTime() : null;
    if (!seen) {
      this.submissions.set(id, { line, at: time, unitCode: unitCode === '' ? null : unitCode });
      return;
    }
    if (seen.at === null) seen.at = time;
    else if (time !== null && time !== seen.at) {
      problems.push(`Các dòng của lượt góp ý ${show(id)} phải cùng thời điểm gửi: dòng này khác với dòng ${seen.line} (cột submitted_at).`);
    }
    if (seen.unitCode === null) seen.unitCode = unitCode === '' ? null : unitCode;
    else if (unitCode !== '' && unitCode !== seen.unitCode) {
      problems.push(`Các dòng của lượt góp ý ${show(id)} phải cùng đơn vị tiếp nhận: dòng này ghi ${show(unitCode)}, dòng ${seen.line} ghi ${show(seen.unitCode)} (cột unit_code).`);
    }
  }
}

/** True when a record holds nothing but empty cells (such rows are skipped). */
export function isBlank(record: RawRecord): boolean {
  return record.cells.every((c) => c.trim() === '');
}
