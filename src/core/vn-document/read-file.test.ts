/** Reading directive files: text encodings, DOCX (built with the docx package), PDF with and without a text layer. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { parseDirective, readDirectiveText } from './index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../test/fixtures/directives');

describe('readDirectiveText', () => {
  it('reads UTF-8, UTF-8 with BOM and UTF-16 with BOM text files', async () => {
    const text = 'Số 12-CV/TU\nLai Châu, ngày 05 tháng 01 năm 2026';
    expect(await readDirectiveText(Buffer.from(text), 'a.txt')).toBe(text);
    expect(await readDirectiveText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'a.md')).toBe(text);
    expect(await readDirectiveText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]), 'a.txt')).toBe(text);
  });

  it('reads an 8-bit TCVN3 file so that the parser can decode it', async () => {
    const bytes = iconv.encode('Cộng hoà xã hội chủ nghĩa Việt Nam\nSố: 15/QĐ-UBND\nSơn La, ngày 05 tháng 3 năm 2024', 'tcvn');
    const text = await readDirectiveText(bytes, 'cu.txt');
    const parsed = parseDirective(text);
    expect(parsed.text.startsWith('Cộng hoà xã hội chủ nghĩa Việt Nam')).toBe(true);
    expect(parsed.numberSymbol?.value).toBe('15/QĐ-UBND');
  });

  it('reads a DOCX file', async () => {
    const lines = ['ĐẢNG ỦY UBND TỈNH', '*', 'Số 212-CV/ĐU', 'Lai Châu, ngày 22 tháng 10 năm 2025', 'Kính gửi: Các chi, đảng bộ cơ sở.', 'Thực hiện Công văn số 134-CV/TU, ngày 21/10/2025 của Ban Thường vụ Tỉnh ủy.'];
    const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
    const data = await Packer.toBuffer(doc);
    const text = await readDirectiveText(Buffer.from(data), 'cong-van.docx');
    const parsed = parseDirective(text);
    expect(parsed.numberSymbol?.value).toBe('212-CV/ĐU');
    expect(parsed.issuer?.value).toBe('ĐẢNG ỦY UBND TỈNH');
    expect(parsed.references.map((r) => [r.numberSymbol, r.relation])).toEqual([['134-CV/TU', 'implements']]);
  });

  it('reads a PDF with a text layer', async () => {
    const text = await readDirectiveText(readFileSync(path.join(FIXTURES, 'text-layer.pdf')), 'van-ban.pdf');
    expect(text).toContain('So 134-CV/TU');
    expect(parseDirective(text).references.map((r) => r.numberSymbol)).toContain('381-KH/TU');
  });

  it('refuses a PDF without a text layer, a broken DOCX, an empty file and unknown types, in Vietnamese', async () => {
    const cases: [Buffer, string, string][] = [
      [readFileSync(path.join(FIXTURES, 'no-text-layer.pdf')), 'scan.pdf', 'không có lớp chữ'],
      [Buffer.from('không phải zip'), 'hong.docx', 'Không đọc được tệp Word'],
      [Buffer.from('%PDF-1.4 hỏng'), 'hong.pdf', 'Không đọc được tệp PDF'],
      [Buffer.alloc(0), 'rong.txt', 'rỗng'],
      [Buffer.from('x'), 'anh.png', 'Không hỗ trợ loại tệp'],
    ];
    for (const [data, name, message] of cases) {
      const err = await readDirectiveText(data, name).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((err as AppError).message).toContain(message);
    }
  }, 30_000); // each DOCX or PDF is read in a fresh worker thread (about a second each on a busy machine)
});
