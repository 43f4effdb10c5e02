import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectUnitsByCodes } from '../../src/modules/org/repository.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildDocx, buildDocxBomb, buildPdfDeepNesting, buildPdfManyPages, buildPdfStreamBomb, buildUnitsXlsx } from '../support/hostile-files.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/** Hostile uploads: refused within limits, with a Vietnamese 4xx, while the server keeps serving. */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);
let viewer: Session;
let editor: Session;
let unitAdmin: Session;

beforeAll(async () => {
  const province = await buildUnit(db, { code: 'UPL-TU', name: 'Tỉnh ủy Thử Tải', kind: 'party_committee' });
  await buildUser(db, { username: 'xem.tai', role: 'viewer', unitId: province.id });
  await buildUser(db, { username: 'bientap.tai', role: 'editor', unitId: province.id });
  await buildUser(db, { username: 'quantri.tai', role: 'unit_admin', unitId: province.id });
  viewer = await logInAs(app, 'xem.tai');
  editor = await logInAs(app, 'bientap.tai');
  unitAdmin = await logInAs(app, 'quantri.tai');
});

const BOUNDARY = '----lantoa-upload-test';

function multipartHead(fileName: string, fields: Record<string, string> = {}): Buffer {
  const parts = Object.entries(fields).map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return Buffer.from(parts.join(''));
}

function upload(session: Session, url: string, fileName: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const payload = Buffer.concat([multipartHead(fileName, fields), Buffer.from(content), Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]);
  return app.inject({ method: 'POST', url, payload, headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
}

/** The server still answers an ordinary request, and quickly. */
async function expectServing(): Promise<void> {
  const started = Date.now();
  const res = await app.inject({ method: 'GET', url: '/api/v1/units', headers: editor.headers });
  expect(res.statusCode).toBe(200);
  expect(Date.now() - started).toBeLessThan(2_500);
}

describe('role before the body', () => {
  it.each([
    ['/api/v1/directives/parse-file', 'viewer'],
    ['/api/v1/directives/upload', 'viewer'],
    ['/api/v1/units/import', 'viewer'],
    ['/api/v1/units/import', 'editor'],
  ])('%s refuses a %s with 403 without reading the upload', async (url, who) => {
    // A body that never ends: a route that read it before checking the role would never answer.
    const body = new PassThrough();
    body.write(multipartHead('van-ban.docx', { data: '{}' }));
    const session = who === 'viewer' ? viewer : editor;
    const res = await app.inject({ method: 'POST', url, payload: body, headers: { ...session.headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
    body.destroy();
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
  }, 5_000);

  it('refuses pasted text to a viewer too (parsing prepares a registration)', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/directives/parse', headers: viewer.headers, payload: { text: 'Số 12-CV/TU' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('DOCX', () => {
  it('refuses a ZIP bomb from its directory, before inflating it', async () => {
    const bomb = await buildDocxBomb(2_000);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const started = Date.now();
    const res = await upload(editor, '/api/v1/directives/parse-file', 'bom.docx', bomb);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'FILE_TOO_COMPLEX' } });
    expect(res.json().message).toContain('Tệp Word (.docx) bị từ chối');
    expect(Date.now() - started).toBeLessThan(5_000);
    await expectServing();
  });

  it('stops a ZIP bomb whose directory lies about its sizes while it is read, and keeps serving meanwhile', async () => {
    await expectMemoryLimitWhileServing('noi-doi.docx', await buildDocxBomb(2_000, { declaredKb: 64 }));
  });

  it('still reads an ordinary DOCX after the hostile ones', async () => {
    const docx = await buildDocx(['ĐẢNG ỦY UBND TỈNH', 'Số 212-CV/ĐU', 'Lai Châu, ngày 22 tháng 10 năm 2025', 'Kính gửi: Các chi, đảng bộ cơ sở.']);
    const res = await upload(editor, '/api/v1/directives/parse-file', 'cong-van.docx', docx);
    expect(res.statusCode).toBe(200);
    expect(res.json().draft.numberSymbol).toBe('212-CV/ĐU');
  });
});

/** Uploads a file that blows up while it is read: the server answers others meanwhile, then refuses it. */
async function expectMemoryLimitWhileServing(fileName: string, data: Buffer): Promise<void> {
  const started = Date.now();
  const pending = upload(editor, '/api/v1/directives/parse-file', fileName, data);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await expectServing();
  const res = await pending;
  expect(res.statusCode).toBe(400);
  expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'PARSE_MEMORY_LIMIT' } });
  expect(Date.now() - started).toBeLessThan(15_000);
}

describe('PDF', () => {
  it('stops a content stream that inflates to 2 GB, within the memory limit, and keeps serving', async () => {
    const pdf = buildPdfStreamBomb(2_000);
    expect(pdf.length).toBeLessThan(2 * 1024 * 1024);
    await expectMemoryLimitWhileServing('bom.pdf', pdf);
  });

  it('refuses a PDF with more pages than the limit', async () => {
    const res = await upload(editor, '/api/v1/directives/parse-file', 'nhieu-trang.pdf', buildPdfManyPages(5_000));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'TOO_MANY_PAGES' } });
    expect(res.json().message).toContain('5.000 trang');
  });

  it('answers a deeply nested content stream with a 4xx, quickly', async () => {
    const started = Date.now();
    const res = await upload(editor, '/api/v1/directives/parse-file', 'long-nhau.pdf', buildPdfDeepNesting(200_000));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('unit files', () => {
  it('refuses an XLSX with more rows than the limit, reading it as a stream', async () => {
    const xlsx = buildUnitsXlsx(200_001);
    const res = await upload(unitAdmin, '/api/v1/units/import', 'don-vi.xlsx', xlsx);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'TOO_MANY_ROWS' } });
    expect(res.json().message).toContain('200.000 đơn vị');
  });

  it('refuses a CSV with more rows than the limit', async () => {
    const lines = ['code,name,kind,parent_code'];
    for (let i = 0; i <= 200_000; i++) lines.push(`X${i},Đơn vị ${i},other,UPL-TU`);
    const res = await upload(unitAdmin, '/api/v1/units/import', 'don-vi.csv', lines.join('\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { reason: 'TOO_MANY_ROWS' } });
  });

  it('answers a 40 MB CSV of units with a 4xx, not a 500', async () => {
    const row = 'UPL-X0000000,Chi bộ thôn bản số không không không,party_cell,UPL-TU\n';
    const csv = `code,name,kind,parent_code\n${row.repeat(Math.ceil((40 * 1024 * 1024) / row.length))}`;
    const res = await upload(unitAdmin, '/api/v1/units/import', 'lon.csv', csv);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'FILE_TOO_LARGE', details: { reason: 'FILE_TOO_LARGE' } });
    expect(res.json().message).toContain('20 MB');
    await expectServing();
  });

  it('looks up any number of unit codes in one statement (no parameter per code)', async () => {
    const codes = Array.from({ length: 100_000 }, (_, i) => `UPL-KHONG-CO-${i}`);
    const found = await selectUnitsByCodes(db, [...codes, 'UPL-TU']);
    expect(found.map((u) => u.code)).toEqual(['UPL-TU']);
  });
});

describe('form fields', () => {
  const directive = (text: string) => ({
    ownerUnitId: null as number | null, text, docType: 'Công văn', convention: 'party', numberSymbol: null, issuerName: null, issuerUnitId: null, place: null,
    date: null, subject: 'Văn bản dài', recipients: [], distribution: [], signer: null, references: [], deadlines: [],
  });

  it('registers a directive whose text is over 1 MB with its file (the text field is not cut at 1 MB)', async () => {
    const units = await selectUnitsByCodes(db, ['UPL-TU']);
    const text = `Số 01-CV/TU\nV/v văn bản dài\n${'Đề nghị các đơn vị triển khai thực hiện nghiêm túc. '.repeat(30_000)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(1.5 * 1024 * 1024);
    const data = JSON.stringify({ ...directive(text), ownerUnitId: units[0]!.id });
    const res = await upload(editor, '/api/v1/directives/upload', 'van-ban.txt', 'Số 01-CV/TU', { data });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
    const got = await app.inject({ method: 'GET', url: `/api/v1/directives/${res.json().id}`, headers: editor.headers });
    expect(got.json().text).toBe(text.trimEnd());
  });

  it('refuses a field over the limit as such, instead of reading a cut JSON', async () => {
    const res = await upload(editor, '/api/v1/directives/upload', 'van-ban.txt', 'x', { data: 'x'.repeat(17 * 1024 * 1024) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'FIELD_TOO_LARGE' });
  });
});
