import { randomBytes } from 'node:crypto';
import ExcelJS from '../xlsx/exceljs.js';
import { describe, expect, it } from 'vitest';
import { buildDocx, buildZip, deflatedRepeat } from '../../../test/support/hostile-files.js';
import { AppError } from '../errors.js';
import { zipLimits } from './limits.js';
import { assertZipWithinLimits, listZipEntries } from './zip-limits.js';

const MB = 1024 * 1024;

function refusal(data: Buffer): AppError {
  try {
    assertZipWithinLimits(data, 'Word (.docx)');
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected a refusal');
}

describe('assertZipWithinLimits', () => {
  it('lets real DOCX and XLSX files through, listing their entries', async () => {
    const docx = assertZipWithinLimits(await buildDocx(['Văn bản thử']), 'Word (.docx)');
    expect(docx.map((e) => e.name)).toContain('word/document.xml');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Đơn vị').addRow(['code', 'name']);
    const xlsx = assertZipWithinLimits(Buffer.from(await workbook.xlsx.writeBuffer()), 'Excel (.xlsx)');
    expect(xlsx.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
  });

  it('calls anything that is not a ZIP a broken file', () => {
    for (const data of [Buffer.alloc(0), Buffer.from('không phải zip'), Buffer.alloc(100_000, 7)]) {
      const err = refusal(data);
      expect(err).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Không đọc được tệp Word (.docx): tệp bị hỏng hoặc không đúng định dạng.' });
    }
  });

  it('refuses more entries than the limit', () => {
    const entries = Array.from({ length: zipLimits.maxEntries + 1 }, (_, i) => ({ name: `word/media/${i}.xml`, data: Buffer.from('x') }));
    const err = refusal(buildZip(entries));
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'FILE_TOO_COMPLEX' } });
    expect(err.message).toContain('5.001 phần');
  });

  it('refuses more unpacked bytes in all than the limit, from the directory alone', () => {
    const entries = Array.from({ length: 3 }, (_, i) => ({ name: `word/part${i}.bin`, data: randomBytes(10) }));
    const bomb = buildZip([...entries, { name: 'word/document.xml', deflated: deflatedRepeat(101, 'a'), size: 101 * MB }]);
    const err = refusal(bomb);
    expect(err.message).toContain('101 MB, vượt giới hạn 100 MB');
  });

  it('refuses an entry with an absurd compression ratio, and accepts a large one that compresses normally', () => {
    const err = refusal(buildZip([{ name: 'word/document.xml', data: Buffer.alloc(2 * MB, 'a') }]));
    expect(err.message).toContain('"word/document.xml" nén bất thường');
    const text = Array.from({ length: 40_000 }, (_, i) => `<w:p><w:t>Đoạn văn số ${i} ${randomBytes(6).toString('hex')}</w:t></w:p>`).join('');
    expect(() => assertZipWithinLimits(buildZip([{ name: 'word/document.xml', data: Buffer.from(text) }]), 'Word (.docx)')).not.toThrow();
  });

  it('reads ZIP64 sizes from the extra field', () => {
    const zip = buildZip([{ name: 'word/document.xml', deflated: deflatedRepeat(1, 'a'), size: 5 * 1024 * MB, zip64: true }]);
    expect(listZipEntries(zip)?.entries).toEqual([{ name: 'word/document.xml', compressedSize: expect.any(Number), uncompressedSize: 5 * 1024 * MB }]);
    expect(refusal(zip).message).toContain('5.120 MB');
  });
});
