import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from '../../../platform/xlsx/exceljs.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBlank, OpinionValidator, parseInstant } from './opinion-file.js';
import { CsvSplitter, detectDelimiter, OpinionFileError, readOpinionRecords, readXlsxWhole, type FileProblem, type RawRecord } from './opinion-file-read.js';

const HEADER = 'submission_id,submitted_at,unit_code,channel,contributor_group,document_code,section_ref,stance,opinion_text';
const maps = { units: new Map([['X-BADINH', 1], ['X-HOANKIEM', 2]]), documents: new Map([['BCCT', 10]]), window: { opensAt: new Date('2025-01-01T00:00:00+07:00'), closesAt: null }, now: new Date() };
const good = (id: string, text = 'Đề nghị bổ sung', unit = 'X-BADINH', at = '2025-10-15T08:30:00+07:00') => `${id},${at},${unit},vneid,dang_vien,BCCT,II.3,partial,"${text}"`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'opinion-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Validates a whole file the way the import does. */
async function check(name: string, content: string | Buffer): Promise<{ rows: number; errors: FileProblem[] }> {
  const p = path.join(dir, name);
  await writeFile(p, content);
  const validator = new OpinionValidator(maps);
  const errors: FileProblem[] = [];
  let rows = 0;
  for await (const batch of readOpinionRecords(p)) {
    for (const record of batch) {
      if (isBlank(record)) continue;
      if (!validator.hasHeader) {
        validator.header(record);
        continue;
      }
      const r = validator.row(record);
      if (r.row) rows++;
      else errors.push({ line: record.line, message: r.problem });
    }
  }
  return { rows, errors };
}

describe('CsvSplitter', () => {
  it('keeps physical line numbers across quoted line breaks, CRLF and chunk borders', () => {
    const text = 'a;b\r\n"x\r\ny";"q""z"\r\n\r\nlast;1';
    for (let cut = 0; cut <= text.length; cut++) {
      const s = new CsvSplitter();
      const records = [...s.push(text.slice(0, cut), false), ...s.push(text.slice(cut), true)];
      expect(records.map((r) => [r.line, r.cells])).toEqual([
        [1, ['a', 'b']],
        [2, ['x\r\ny', 'q"z']],
        [5, ['last', '1']],
      ]);
    }
  });

  it('reports an unclosed quote with its line', () => {
    const s = new CsvSplitter();
    expect(() => s.push('a,b\n1,"open\n', true)).toThrow(OpinionFileError);
  });
});

describe('opinion file validation', () => {
  it('reads a UTF-8 CSV with BOM and semicolons', async () => {
    const content = `\uFEFF${HEADER.replaceAll(',', ';')}\n${good('S1').replaceAll(',', ';')}\n`;
    expect(await check('bom.csv', content)).toEqual({ rows: 1, errors: [] });
  });

  it('refuses a file that is not UTF-8 naming the line of the first bad byte, also past the first chunk', async () => {
    // A lone surrogate written out as bytes (ED A0 BD) on line 3000, well past the 64 KiB read chunk.
    const lines = [HEADER, ...Array.from({ length: 2998 }, (_, i) => good(`S${i}`))];
    const bad = Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from('S-X,2025-10-15T08:30:00+07:00,X-BADINH,web,nhan_dan,BCCT,,none,Sai '), Buffer.from([0xed, 0xa0, 0xbd]), Buffer.from('\n')]);
    await expect(check('surrogate.csv', bad)).rejects.toMatchObject({ problem: { line: 3000, message: expect.stringContaining('dòng 3000') } });
    const cp1258 = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from('S1,2025-10-15T08:30:00+07:00,X-BADINH,web,nhan_dan,BCCT,,none,X'), Buffer.from([0xe3]), Buffer.from('\n')]);
    await expect(check('cp1258.csv', cp1258)).rejects.toMatchObject({ problem: { line: 2 } });
  });

  it('reports every bad line with its number and a Vietnamese reason', async () => {
    const lines = [
      HEADER,
      good('S1'),
      good('S2', 'x', 'KHONG-CO'),
      'S3,15/10/2025,X-BADINH,fax,dang_vien,BCCT,,agree,',
      'S4,2025-10-15T08:30:00+07:00,X-BADINH,web,ai_do,BCTK,,disagree,',
      good('S1', 'khác giờ', 'X-BADINH', '2025-10-15T09:00:00+07:00'),
      good('S1', 'khác đơn vị', 'X-HOANKIEM'),
      'S5,2025-02-30T08:00:00+07:00,X-BADINH,web,nhan_dan,BCCT,,none,',
      'S6,2025-10-15T08:30:00+07:00,X-BADINH,web,nhan_dan,BCCT,,agree,',
    ];
    const { rows, errors } = await check('bad.csv', lines.join('\n'));
    expect(rows).toBe(2);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(errors[0]?.message).toContain('Không tìm thấy đơn vị');
    expect(errors[1]?.message).toMatch(/submitted_at.*channel/s);
    expect(errors[2]?.message).toMatch(/contributor_group.*document_code.*lý do/s);
    expect(errors[3]?.message).toContain('dòng 2');
    expect(errors[4]?.message).toContain('unit_code');
    expect(errors[5]?.message).toContain('submitted_at');
  });

  it('rejects a header without the required columns', async () => {
    await expect(check('header.csv', 'submission_id,text\n1,a\n')).rejects.toThrow(/Thiếu cột bắt buộc/);
  });

  it('names line 50,000 when it is the only bad row of a large file', async () => {
    const lines = [HEADER];
    for (let i = 2; i <= 60_000; i++) lines.push(i === 50_000 ? good(`S${i}`, 'x', 'X-BADINH', 'hôm qua') : good(`S${i}`, `Ý kiến số ${i}, về kinh tế`));
    const { rows, errors } = await check('large.csv', lines.join('\r\n'));
    expect(rows).toBe(59_998);
    expect(errors.map((e) => e.line)).toEqual([50_000]);
  });

  it('reads XLSX and reports its row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ý kiến');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['S1', '2025-10-15T08:30:00+07:00', 'X-BADINH', 'vneid', 'dang_vien', 'BCCT', 'II.3', 'partial', 'Đề nghị làm rõ']);
    sheet.addRow(['S2', new Date(Date.UTC(2025, 9, 15, 8, 30)), 'X-BADINH', 'letter', 'nhan_dan', 'BCCT', null, 'agree', null]);
    sheet.addRow(['S3', '2025-10-15T08:30:00+07:00', 'X-BADINH', 'vneid', 'dang_vien', 'BCCT', 'II.3', 'maybe', 'Sai']);
    const { rows, errors } = await check('y-kien.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(rows).toBe(2);
    expect(errors.map((e) => e.line)).toEqual([4]);
    expect(errors[0]?.message).toContain('stance');
  });
});

describe('XLSX reading', () => {
  it('reads an XLSX whole (the fallback when the streamed read lost its start) into the same records as streamed', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ý kiến');
    sheet.addRow(HEADER.split(','));
    for (let i = 1; i <= 12_000; i++) sheet.addRow([`S${i}`, new Date(Date.UTC(2025, 9, 15, 8, i % 60)), 'X-BADINH', 'vneid', 'dang_vien', 'BCCT', i % 3 ? 'II.3' : null, 'partial', `Ý kiến số ${i}`]);
    sheet.addRow([]);
    sheet.addRow(['S-cuối', '2025-10-15T08:30:00+07:00', 'X-BADINH', 'letter', 'nhan_dan', 'BCCT', null, 'agree', null]);
    const p = path.join(dir, 'nguyen-tep.xlsx');
    await workbook.xlsx.writeFile(p);
    const all = async (batches: AsyncGenerator<RawRecord[]>) => {
      const out: RawRecord[] = [];
      for await (const batch of batches) out.push(...batch.map((r) => ({ line: r.line, cells: Array.from(r.cells, (c) => c) })));
      return out;
    };
    const streamed = await all(readOpinionRecords(p));
    const whole = await all(readXlsxWhole(p));
    expect(streamed).toHaveLength(12_002);
    const firstDifference = whole.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(streamed[i]));
    expect([firstDifference, whole[firstDifference], streamed[firstDifference]]).toEqual([-1, undefined, undefined]);
    expect(whole.at(-1)).toMatchObject({ line: 12_003, cells: ['S-cuối', '2025-10-15T08:30:00+07:00', 'X-BADINH', 'letter', 'nhan_dan', 'BCCT', '', 'agree'] });
  });
});

/**
 * The reader and the instant parser before they were made faster, kept as references: the fast ones
 * must give the same records, line numbers, errors and instants.
 */
class ReferenceCsvSplitter {
  private buffer = '';
  private line = 1;
  delimiter: string | null = null;

  push(text: string, final: boolean): RawRecord[] {
    let buf = this.buffer + text;
    if (this.line === 1 && this.buffer === '' && buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    const out: RawRecord[] = [];
    let pos = 0;
    while (pos < buf.length) {
      const nl = buf.indexOf('\n', pos);
      if (nl === -1 && !final) break;
      const end = nl === -1 ? buf.length : nl;
      const lineEnd = end > pos && buf.charCodeAt(end - 1) === 13 ? end - 1 : end;
      this.delimiter ??= detectDelimiter(buf.slice(pos, lineEnd));
      const quote = buf.indexOf('"', pos);
      if (quote === -1 || quote >= lineEnd) {
        const text = buf.slice(pos, lineEnd);
        if (text !== '') out.push({ line: this.line, cells: text.split(this.delimiter) });
        this.line++;
        pos = end + 1;
        continue;
      }
      const parsed = this.quoted(buf, pos, final);
      if (!parsed) break;
      out.push({ line: this.line, cells: parsed.cells });
      this.line += parsed.lines;
      pos = parsed.next;
    }
    this.buffer = buf.slice(pos);
    if (final && this.buffer !== '') throw new OpinionFileError({ line: this.line, message: 'unclosed' });
    return out;
  }

  private quoted(buf: string, start: number, final: boolean): { cells: string[]; next: number; lines: number } | null {
    const delimiter = this.delimiter ?? ',';
    const cells: string[] = [];
    let cell = '';
    let lines = 1;
    let i = start;
    for (;;) {
      if (buf[i] === '"') {
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
      let j = i;
      while (j < buf.length && buf[j] !== delimiter && buf[j] !== '\n') j++;
      if (j >= buf.length && !final) return null;
      let piece = buf.slice(i, j);
      if (j < buf.length && buf[j] === '\n' && piece.endsWith('\r')) piece = piece.slice(0, -1);
      else if (j >= buf.length && piece.endsWith('\r')) piece = piece.slice(0, -1);
      cell += piece;
      cells.push(cell);
      cell = '';
      if (j >= buf.length) return { cells, next: j, lines: lines - 1 };
      if (buf[j] === '\n') return { cells, next: j + 1, lines };
      i = j + 1;
    }
  }
}

function referenceInstant(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', zone = 'Z'] = m;
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return null;
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(-2)) > 59)) return null;
  const normal = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const at = new Date(text.replace(' ', 'T').replace(/(Z|[+-]\d{2}:?\d{2})$/, normal));
  return Number.isNaN(at.getTime()) ? null : at.getTime();
}

/** Feeds `text` in the given pieces; the records, or the error's line. */
function split(make: () => { push(text: string, final: boolean): RawRecord[] }, text: string, cuts: number[]): unknown {
  const splitter = make();
  const records: [number, string[]][] = [];
  let from = 0;
  try {
    for (const cut of [...cuts.filter((c) => c < text.length)].sort((a, b) => a - b)) {
      for (const r of splitter.push(text.slice(from, cut), false)) records.push([r.line, r.cells]);
      from = cut;
    }
    for (const r of splitter.push(text.slice(from), true)) records.push([r.line, r.cells]);
  } catch (error) {
    return { records, error: (error as OpinionFileError).problem.line };
  }
  return { records };
}

describe('fast reading equals the reference reader', () => {
  it('gives the same records, lines and errors for any CSV text cut anywhere', () => {
    const pieces = ['a', 'bc', 'đề', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', '\t', '\uFEFF', 'x,"y\nz",w\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), fc.array(fc.nat({ max: 80 }), { maxLength: 4 }), (parts, cuts) => {
        const text = parts.join('');
        expect(split(() => new CsvSplitter(), text, cuts)).toEqual(split(() => new ReferenceCsvSplitter(), text, cuts));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads instants as before, to the millisecond', () => {
    const digits = (n: number, min: number, max: number) => fc.integer({ min, max }).map((v) => String(v).padStart(n, '0'));
    const instant = fc
      .tuple(digits(4, 1000, 9999), digits(2, 0, 13), digits(2, 0, 32), fc.constantFrom('T', ' ', 't'), digits(2, 0, 25), digits(2, 0, 61), fc.option(digits(2, 0, 61)), fc.option(fc.stringMatching(/^\.\d{1,10}$/)), fc.constantFrom('Z', '+07:00', '-05:30', '+0700', '+14:00', '+15:00', '-00:00', '+07:60', ''))
      .map(([y, mo, d, sep, h, mi, s, frac, zone]) => `${y}-${mo}-${d}${sep}${h}:${mi}${s === null ? '' : `:${s}${frac ?? ''}`}${zone}`);
    fc.assert(
      fc.property(instant, (text) => {
        expect(parseInstant(text)).toBe(referenceInstant(text));
      }),
      { numRuns: 20_000 },
    );
    expect(parseInstant('2025-10-15T15:59:59.999+07:00')).toBe(Date.UTC(2025, 9, 15, 8, 59, 59, 999));
    expect(parseInstant('2024-02-29T00:00:00Z')).not.toBeNull();
    expect(parseInstant('2025-02-29T00:00:00Z')).toBeNull();
  });
});
