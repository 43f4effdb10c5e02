/**
 * A scanned PDF uploaded for registration (issue 15): read by OCR with the progress the page polls
 * and the page images beside the fields; without Tesseract the file is still accepted, the form is
 * filled by hand and the file kept with the directive.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

const { db } = await createTestDatabase();
const app = await buildTestApp(db);
const scan = await readFile(path.resolve(import.meta.dirname, '../fixtures/directives/scanned/004_a0fd7ee58ac0dcea.pdf'));
let laiChau: Session;
let editor: Session;
let owner: number;

function multipart(session: Session, parts: { name: string; fileName?: string; content: string | Buffer }[]) {
  const boundary = `----lantoa${Date.now()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.fileName === undefined ? `form-data; name="${part.name}"` : `form-data; name="${part.name}"; filename="${part.fileName}"`;
    const type = part.fileName === undefined ? '' : 'Content-Type: application/pdf\r\n';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  await loadDemo(db);
  laiChau = await logInAs(app, 'quantri.laichau', demoPassword);
  editor = await logInAs(app, 'bientap.vhttdl', demoPassword);
  owner = (await db.execute<{ id: number }>(sql`select id from units where code = 'LCU-DU-UBND'`)).rows[0]!.id;
});

afterEach(() => {
  delete process.env.LANTOA_TESSERACT;
});

describe('a scanned PDF uploaded for registration', () => {
  it('is read by OCR: fields pre-filled, page images returned, progress known only to the uploader', async () => {
    const progressId = 'test-progress-0001';
    const parts = [{ name: 'ownerUnitId', content: String(owner) }, { name: 'progressId', content: progressId }, { name: 'file', fileName: 'cong-van-scan.pdf', content: scan }];
    const response = await app.inject({ method: 'POST', url: '/api/v1/directives/parse-file', ...multipart(laiChau, parts) });
    expect(response.statusCode).toBe(200);
    const parsed = response.json();
    expect(parsed.draft).toMatchObject({ docType: 'Công văn', numberSymbol: '-CV/ĐU', date: { year: 2025, month: 10, day: null }, signer: { name: 'Tổng Thanh Hải' } });
    expect(parsed.warnings[0]).toContain('nhận dạng chữ (OCR)');
    expect(parsed.pageImages.map((p: { page: number; src: string }) => [p.page, p.src.slice(0, 23)])).toEqual([
      [1, 'data:image/jpeg;base64,'],
      [2, 'data:image/jpeg;base64,'],
    ]);

    const mine = await app.inject({ method: 'GET', url: `/api/v1/directives/parse-file/progress/${progressId}`, headers: laiChau.headers });
    expect(mine.json()).toEqual({ started: 2, done: 2, total: 2 });
    const other = await app.inject({ method: 'GET', url: `/api/v1/directives/parse-file/progress/${progressId}`, headers: editor.headers });
    expect(other.statusCode).toBe(404);
  }, 120_000);

  it('without Tesseract is still accepted: a clear message, the fields typed by hand, the file kept', async () => {
    process.env.LANTOA_TESSERACT = '/khong-co/tesseract';
    const response = await app.inject({ method: 'POST', url: '/api/v1/directives/parse-file', ...multipart(laiChau, [{ name: 'file', fileName: 'scan.pdf', content: scan }]) });
    expect(response.statusCode).toBe(200);
    const parsed = response.json();
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toContain('chưa cài phần mềm nhận dạng chữ');
    expect(parsed.warnings[0]).toContain('tesseract-ocr, tesseract-ocr-vie');
    expect(parsed.pageImages).toEqual([]);

    const typed = { ...parsed.draft, ownerUnitId: owner, docType: 'Công văn', numberSymbol: '215-CV/ĐU', issuerName: 'Đảng ủy UBND tỉnh', date: { year: 2025, month: 10, day: 24 }, subject: 'nhập tay từ bản scan' };
    const saved = await app.inject({ method: 'POST', url: '/api/v1/directives/upload', ...multipart(laiChau, [{ name: 'data', content: JSON.stringify(typed) }, { name: 'file', fileName: 'scan.pdf', content: scan }]) });
    expect(saved.statusCode).toBe(201);
    const file = await app.inject({ method: 'GET', url: `/api/v1/directives/${saved.json().id}/file`, headers: laiChau.headers });
    expect(file.rawPayload.equals(scan)).toBe(true);
  }, 60_000);
});
