/**
 * Scanned PDFs through the real OCR (tesseract-ocr + tesseract-ocr-vie + poppler-utils, installed
 * by .ci/run): a committed scan of seed 004 (200 dpi, skewed, noisy; bench/scan-fixtures.ts), a
 * mixed PDF (a text page and a scanned page), and the message when Tesseract is missing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { ocrToolsFromEnv, type ScanProgress } from '../../platform/files/ocr.js';
import { parseDirective, readDirectiveFile, readDirectiveText } from './index.js';

const SCANNED = path.resolve(import.meta.dirname, '../../../test/fixtures/directives/scanned');
const seed004 = () => readFileSync(path.join(SCANNED, '004_a0fd7ee58ac0dcea.pdf'));

describe('a scanned PDF', () => {
  it('is read by OCR, repaired and parsed: the key fields of seed 004, with progress and page images', async () => {
    const progress: ScanProgress[] = [];
    const { text, scan } = await readDirectiveFile(seed004(), 'cong-van-scan.pdf', { onProgress: (p) => progress.push(p), pageImages: true });
    const parsed = parseDirective(text);
    expect(parsed.numberSymbol?.value).toBe('-CV/ĐU');
    expect(parsed.date?.value).toEqual({ year: 2025, month: 10, day: null });
    expect(parsed.issuer?.value).toBe('Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh');
    expect(parsed.signer?.value.name).toBe('Tổng Thanh Hải');
    expect(parsed.references.map((r) => r.numberSymbol)).toEqual(['134-CV/TU', '381-KH/TU', '212-CV/ĐU']);
    expect(scan?.pages).toEqual([1, 2]);
    expect(scan?.warnings[0]).toContain('nhận dạng chữ (OCR) ở các trang 1, 2');
    expect(scan?.images.map((i) => [i.page, i.jpeg.subarray(0, 2).toString('hex')])).toEqual([
      [1, 'ffd8'],
      [2, 'ffd8'],
    ]);
    expect(progress.at(0)).toEqual({ started: 0, done: 0, total: 2 });
    expect(progress.at(-1)).toEqual({ started: 2, done: 2, total: 2 });
  }, 120_000);

  it('keeps the text layer of a mixed PDF and reads only its scanned page', async () => {
    const { text, scan } = await readDirectiveFile(readFileSync(path.join(SCANNED, 'mixed.pdf')), 'mixed.pdf');
    expect(scan?.pages).toEqual([2]);
    const [first, second] = text.split('\n\f\n');
    expect(first).toContain('So 134-CV/TU');
    expect(second).toContain('Tổng Thanh Hải');
  }, 120_000);

  it('without Tesseract says in Vietnamese that scans cannot be read and what to install', async () => {
    const tools = { ...ocrToolsFromEnv(), tesseract: '/khong-co/tesseract' };
    const err = await readDirectiveText(seed004(), 'scan.pdf', { ocrTools: tools }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'OCR_UNAVAILABLE' });
    expect((err as AppError).message).toContain('chưa cài phần mềm nhận dạng chữ (tesseract-ocr, tesseract-ocr-vie)');
    expect((err as AppError).message).toContain('apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils');
  }, 60_000);

  it('without the Vietnamese data names that package', async () => {
    const tools = { ...ocrToolsFromEnv(), language: 'xyz' };
    const err = await readDirectiveText(seed004(), 'scan.pdf', { ocrTools: tools }).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'OCR_UNAVAILABLE', details: { missing: 'tesseract-ocr-vie' } });
  }, 60_000);
});
