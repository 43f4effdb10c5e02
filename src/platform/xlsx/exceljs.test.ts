import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from './exceljs.js';

const root = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe('ExcelJS with the fixed streaming decoder', () => {
  it('reads back streamed every Vietnamese text it wrote, whatever the chunk boundaries', async () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => `Ý kiến số ${i}: đề nghị làm rõ “điểm ${i % 97}” — Ưu tiên ${'ỗ'.repeat(i % 7)}`);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ý kiến');
    for (const t of texts) sheet.addRow([t]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    // Chunks of odd sizes, as a file stream or an upload cuts them.
    const chunks: Buffer[] = [];
    for (let at = 0; at < data.length; at += 997) chunks.push(data.subarray(at, at + 997));
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), { worksheets: 'emit', sharedStrings: 'cache' });
    const read: string[] = [];
    for await (const worksheet of reader) for await (const row of worksheet) read.push(String((row.values as unknown[])[1]));
    expect(read.filter((t, i) => t !== texts[i])).toEqual([]);
    expect(read).toHaveLength(texts.length);
  });

  it('is imported from platform/xlsx/exceljs.ts everywhere (a direct import would load the broken decoder first)', () => {
    const offenders = ['src', 'test', 'bench', 'scripts']
      .flatMap((d) => sources(path.join(root, d)))
      .filter((f) => !f.endsWith(path.join('platform', 'xlsx', 'exceljs.ts')))
      .filter((f) => /^import (?!type )[^;]*from 'exceljs'|require\('exceljs'\)|import\('exceljs'\)/m.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(offenders).toEqual([]);
  });
});
