import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { getReport } from '../../src/modules/reports/fill/get-report.js';
import { submitReport } from '../../src/modules/reports/fill/submit-report.js';
import type { ReportContent } from '../../src/shared/report-form.js';
import { createTestDatabase } from '../support/db.js';
import { buildDocxBomb } from '../support/hostile-files.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';
import { buildFlowFixture, vn, type FlowFixture, type FlowUnit } from '../support/report-flow-fixtures.js';
import { docxText, fillValue, loadXlsx, saveXlsx } from '../support/report-documents.js';

/** Issue 13 items 2, 7 and 12: the XLSX template round trip over HTTP, bad cells, other units' files, DOCX and XLSX downloads. */
const { db } = await createTestDatabase();
let app: App;
let f: FlowFixture;
const session = new Map<string, Session>();

async function as(role: 'editor' | 'viewer', unit: FlowUnit): Promise<Session> {
  const key = `${role}:${unit}`;
  if (!session.has(key)) session.set(key, await logInAs(app, (await f.actor(role, unit)).username));
  return session.get(key) as Session;
}
const url = (unit: FlowUnit, tail: string) => `/api/v1/report-regimes/${f.regimeId}/periods/${f.closingDate}/units/${f.u[unit]}/${tail}`;

function multipart(s: Session, fileName: string, content: Buffer) {
  const boundary = `----lantoa${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function template(unit: FlowUnit, by: FlowUnit = unit): Promise<Buffer> {
  const res = await app.inject({ method: 'GET', url: url(unit, 'template.xlsx'), headers: (await as('editor', by)).headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

async function filled(unit: FlowUnit, values: Record<string, string | number | null>): Promise<Buffer> {
  const workbook = await loadXlsx(await template(unit));
  for (const [code, value] of Object.entries(values)) fillValue(workbook, code, value);
  workbook.getWorksheet('Đề cương')!.getCell('C3').value = 'Tổ chức hội nghị quán triệt.';
  return saveXlsx(workbook);
}

const importAs = async (unit: FlowUnit, file: Buffer, query = '') => app.inject({ method: 'POST', url: url(unit, `import${query}`), ...multipart(await as('editor', unit), 'bao-cao.xlsx', file) });
const draftOf = async (unit: FlowUnit) => (await getReport(db, { actor: await f.actor('editor', unit), regimeId: f.regimeId, closingDate: f.closingDate, unitId: f.u[unit] })).content;

beforeAll(async () => {
  app = await buildTestApp(db);
  f = await buildFlowFixture(db, { prefix: 'DOC' });
});
afterAll(async () => app.close());

describe('report XLSX template over HTTP', () => {
  it('round trip: download the template, fill it in Excel, import it: the draft is what was filled; the same file again gives the same draft', async () => {
    const res = await app.inject({ method: 'GET', url: url('C11', 'template.xlsx'), headers: (await as('editor', 'C11')).headers });
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''M%E1%BA%ABu%20b%C3%A1o%20c%C3%A1o%20DOC-TUAN%20DOC-C11%202025-11-12.xlsx`);
    const file = await filled('C11', { HN: 2, NG: 40, CO: 'Có', TL: 92.5 });
    const first = await importAs('C11', file);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ submitted: null });
    const draft = await draftOf('C11');
    expect(draft).toMatchObject({ values: { HN: 2, NG: 40, CO: true, TL: 92.5 }, narrative: ['Tổ chức hội nghị quán triệt.', ''], noActivity: false });
    expect((await importAs('C11', file)).statusCode).toBe(200);
    expect(await draftOf('C11')).toEqual(draft);
    const audit = await db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'report.import' and unit_id = ${f.u.C11}`);
    expect(audit.rows[0]?.n).toBe(2);
  });

  it('refuses a file with bad cells (422, each with its sheet and address) and saves nothing', async () => {
    const before = await draftOf('C11');
    const res = await importAs('C11', await filled('C11', { HN: 'ba', NG: 1, CO: 'Chưa rõ' }));
    expect(res.statusCode).toBe(422);
    const body = res.json() as { code: string; reason: string; details: { errors: { sheet: string; cell: string; message: string }[] } };
    expect(body).toMatchObject({ code: 'IMPORT_REJECTED', reason: 'REPORT_IMPORT_REJECTED' });
    expect(body.details.errors.map((e) => `${e.sheet}!${e.cell}`)).toEqual(['1. Hội nghị!E4', '1. Hội nghị!E6']);
    expect(await draftOf('C11')).toEqual(before);
  });

  it('refuses the template of another unit, naming the cell, and saves nothing', async () => {
    const before = await draftOf('C11');
    const res = await importAs('C11', await filled('C12', { HN: 1, NG: 1 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().details.errors).toEqual([{ sheet: 'Thông tin', cell: 'B5', message: expect.stringContaining('"DOC-C12", không phải "DOC-C11"') }]);
    expect(await draftOf('C11')).toEqual(before);
  });

  it('refuses a zip bomb with a clear 400, never a 500', async () => {
    const res = await importAs('C12', await buildDocxBomb(300));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('bị từ chối') });
  });

  it('?submit=true also submits the imported draft as a version', async () => {
    const res = await importAs('C12', await filled('C12', { HN: 3, NG: 60, CO: 'Không' }), '?submit=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ submitted: { version: 1 } });
    // Sent: the report is now read-only, a second import is refused.
    expect((await importAs('C12', await filled('C12', { HN: 3, NG: 60 }))).json()).toMatchObject({ reason: 'REPORT_READ_ONLY' });
  });
});

describe('report documents over HTTP', () => {
  const content = (values: ReportContent['values']): ReportContent => ({ values, notes: {}, prefilled: {}, narrative: ['Đã tổ chức hội nghị.', ''], noActivity: false });

  it('the committee downloads its consolidation: a column per cell and a total that adds up (DOCX), a row per cell and a total row (XLSX)', async () => {
    await submitReport(db, { actor: await f.actor('editor', 'C11'), regimeId: f.regimeId, closingDate: f.closingDate, unitId: f.u.C11, content: content({ HN: 2, NG: 40 }), now: vn('2025-11-11T10:00:00') });
    const docx = await app.inject({ method: 'GET', url: url('K1', 'consolidation.docx'), headers: (await as('viewer', 'K1')).headers });
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const { text, cells } = await docxText(docx.rawPayload);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('tuần từ 06/11/2025 đến 12/11/2025');
    const head = cells.indexOf('STT');
    expect(cells.slice(head + 3, head + 6)).toEqual(['Chi bộ 11 DOC', 'Chi bộ 12 DOC', 'Tổng cộng']);
    const row = cells.slice(cells.indexOf('Số hội nghị') + 2, cells.indexOf('Số hội nghị') + 5);
    expect(row).toEqual(['2', '3', '5']);
    const xlsx = await app.inject({ method: 'GET', url: url('K1', 'consolidation.xlsx'), headers: (await as('viewer', 'K1')).headers });
    const sheet = (await loadXlsx(xlsx.rawPayload)).getWorksheet('1. Hội nghị')!;
    expect([sheet.getRow(4).getCell(5).value, sheet.getRow(5).getCell(5).value, sheet.getRow(6).getCell(5).value]).toEqual([2, 3, 5]);
    expect(sheet.getRow(6).getCell(2).value).toBe('Tổng cộng');
  });

  it('a unit\'s report DOCX for its viewers and its recipient; a sibling gets 404', async () => {
    const own = await app.inject({ method: 'GET', url: url('C11', 'report.docx'), headers: (await as('viewer', 'C11')).headers });
    expect(own.statusCode).toBe(200);
    expect((await docxText(own.rawPayload)).text).toContain('Kính gửi: Đảng ủy bộ phận 1 DOC.');
    expect((await app.inject({ method: 'GET', url: url('C11', 'report.docx'), headers: (await as('viewer', 'K1')).headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: url('C11', 'report.docx'), headers: (await as('editor', 'C12')).headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: url('C11', 'template.xlsx'), headers: (await as('editor', 'C12')).headers })).statusCode).toBe(404);
  });
});
