import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dedupKey } from '../../platform/vn/index.js';
import { CsvSplitter, fastDedupKey, isBlank, OpinionFileError, OpinionValidator, readOpinionRecords, type FileProblem } from './opinion-file.js';

const HEADER = 'submission_id,submitted_at,unit_code,channel,contributor_group,document_code,section_ref,stance,opinion_text';
const maps = { units: new Map([['X-BADINH', 1], ['X-HOANKIEM', 2]]), documents: new Map([['BCCT', 10]]) };
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

describe('fastDedupKey', () => {
  it('equals dedupKey', () => {
    const letters = [...'aăâeêioôơuưyđAĐOUYhqtnkgc .,;-!?\u00A0\u200B–…«»'].concat(['oà', 'oá', 'uỷ', 'uý', 'oẻ', 'quý', 'hoà', 'Hoá', 'thuỷ', 'o\u0300a', 'khoẻ']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(fastDedupKey(s)).toBe(dedupKey(s));
        expect(fastDedupKey(s.normalize('NFD'))).toBe(dedupKey(s.normalize('NFD')));
      }),
      { numRuns: 2000 },
    );
  });
});
