import ExcelJS from '../../src/platform/xlsx/exceljs.js';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { submissionContacts } from '../../src/modules/consultation/tables.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import type { App } from '../../src/server/app.js';
import { buildSubmission, buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/** Weekly report endpoints: access, submission to the parent, exports and privacy. */
const { db } = await createTestDatabase();
const vn = (local: string) => new Date(`${local}+07:00`);
const SECRET_NAME = 'Nguyễn Thị Bímật';
const SECRET_PHONE = '0912345678';
let app: App;
let laoCaiViewer: Session;
let communeEditor: Session;
let communeViewer: Session;
let provinceViewer: Session;
let province: number;
let commune: number;
let otherCommune: number;
const url = (unitId: number, rest = '', periodEnd = '2025-11-05') => `/api/v1/consultations/DH14/reports/${unitId}${rest}?periodEnd=${periodEnd}`;

beforeAll(async () => {
  app = await buildTestApp(db);
  const created = await createConsultation(db, {
    actor: cliActor(),
    input: {
      code: 'DH14',
      title: 'Lấy ý kiến vào dự thảo văn kiện Đại hội XIV',
      documents: [{ code: 'BCCT', title: 'Dự thảo Báo cáo chính trị' }, { code: 'DLD', title: 'Dự thảo Điều lệ Đảng (sửa đổi)' }],
      opensAt: vn('2025-10-15T00:00:00'),
    },
  });
  const doc = Object.fromEntries(created.documents.map((d) => [d.code, d.id]));
  province = (await buildUnit(db, { code: 'LCH', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' })).id;
  commune = (await buildUnit(db, { code: 'LCH-TD', name: 'Đảng ủy xã Tam Đường', kind: 'party_committee', parentId: province })).id;
  otherCommune = (await buildUnit(db, { code: 'LCH-SH', name: 'Đảng ủy xã Sìn Hồ', kind: 'party_committee', parentId: province })).id;
  const laoCai = (await buildUnit(db, { code: 'LCA', name: 'Tỉnh ủy Lào Cai', kind: 'party_committee' })).id;
  const users = {
    laoCai: await buildUser(db, { role: 'viewer', unitId: laoCai }),
    editor: await buildUser(db, { role: 'editor', unitId: commune }),
    viewer: await buildUser(db, { role: 'viewer', unitId: commune }),
    province: await buildUser(db, { role: 'viewer', unitId: province }),
  };
  // The commune: 6 submissions (one with 3 opinions) in the week closing 05/11, 3 of them by letter; one the week before.
  const first = await buildSubmission(db, {
    consultationId: created.id,
    unitId: commune,
    submittedAt: vn('2025-11-01T09:00:00'),
    channel: 'letter',
    contributorGroup: 'nhan_dan',
    opinions: [{ documentId: doc.BCCT!, stance: 'agree', body: 'Tán thành' }, { documentId: doc.BCCT!, stance: 'partial', body: 'Cần bổ sung' }, { documentId: doc.DLD!, stance: 'disagree', body: 'Chưa hợp lý' }],
  });
  for (let i = 0; i < 2; i++) await buildSubmission(db, { consultationId: created.id, unitId: commune, submittedAt: vn('2025-11-02T10:00:00'), channel: 'letter', opinions: [{ documentId: doc.BCCT! }] });
  for (let i = 0; i < 3; i++) await buildSubmission(db, { consultationId: created.id, unitId: commune, submittedAt: vn('2025-11-04T10:00:00'), channel: 'vneid', opinions: [{ documentId: doc.BCCT! }] });
  await buildSubmission(db, { consultationId: created.id, unitId: otherCommune, submittedAt: vn('2025-10-28T10:00:00'), opinions: [{ documentId: doc.DLD! }] });
  await db.insert(submissionContacts).values({ submissionId: first.id, unitId: commune, sealed: `${SECRET_NAME} ${SECRET_PHONE}`, consent: true });

  laoCaiViewer = await logInAs(app, users.laoCai.username);
  communeEditor = await logInAs(app, users.editor.username);
  communeViewer = await logInAs(app, users.viewer.username);
  provinceViewer = await logInAs(app, users.province.username);
});

afterAll(async () => {
  await app.close();
});

async function docxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => f.name.endsWith('.xml')).map((f) => f.async('string')));
  return parts.join('\n').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<');
}

async function xlsxCells(body: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells;
}

describe('weekly report routes', () => {
  it('lists consultations with their weeks for pickers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/consultations', headers: provinceViewer.headers });
    expect(response.statusCode).toBe(200);
    const [first] = response.json() as { code: string; weeks: { periodEnd: string; label: string }[]; documents: unknown[] }[];
    expect(first?.code).toBe('DH14');
    expect(first?.documents).toHaveLength(2);
    expect(first?.weeks).toContainEqual({ periodEnd: '2025-11-05', label: 'Tuần chốt 16:00 thứ Tư 05/11/2025', hasData: true });
    expect((await app.inject({ method: 'GET', url: '/api/v1/consultations' })).statusCode).toBe(401);
  });

  it('hides a Lai Châu unit from a Lào Cai viewer (404) for the report and its downloads', async () => {
    for (const rest of ['', '/docx', '/xlsx']) {
      const response = await app.inject({ method: 'GET', url: url(commune, rest), headers: laoCaiViewer.headers });
      expect(response.statusCode).toBe(404);
    }
    const submit = await app.inject({ method: 'POST', url: `/api/v1/consultations/DH14/reports/${commune}/submit`, headers: laoCaiViewer.headers, payload: { periodEnd: '2025-11-05' } });
    expect(submit.statusCode).toBe(404);
  });

  it('shows the live figures, the history and the change from the week before', async () => {
    const response = await app.inject({ method: 'GET', url: url(province), headers: provinceViewer.headers });
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.report).toMatchObject({ unit: 'LCH', submissions: 6, opinions: 8 });
    expect(view.contributors.byChannel).toMatchObject({ letter: 3, vneid: 3 });
    expect(view.history.at(-1)).toMatchObject({ periodEnd: '2025-11-05', submissions: 6, opinions: 8 });
    expect(view.history.at(-2)).toMatchObject({ periodEnd: '2025-10-29', submissions: 1, opinions: 1 });
    expect(view.change).toMatchObject({ previousPeriodEnd: '2025-10-29', submissions: 5, opinions: 7 });
    expect(view.period).toMatchObject({ periodEnd: '2025-11-05', pickerLabel: 'Tuần chốt 16:00 thứ Tư 05/11/2025' });
    expect(view.canSubmit).toBe(false);
    // The week closed long ago: the communes that sent nothing are overdue.
    expect(view.children.map((c: { code: string; status: string }) => [c.code, c.status])).toEqual([
      ['LCH-SH', 'overdue'],
      ['LCH-TD', 'overdue'],
    ]);
    const bad = await app.inject({ method: 'GET', url: url(province, '', '2025-11-04'), headers: provinceViewer.headers });
    expect(bad.statusCode).toBe(400);
  });

  it('lets an editor submit (a viewer may not), and the parent sees the child late with its frozen snapshot', async () => {
    const path = `/api/v1/consultations/DH14/reports/${commune}/submit`;
    const denied = await app.inject({ method: 'POST', url: path, headers: communeViewer.headers, payload: { periodEnd: '2025-11-05' } });
    expect(denied.statusCode).toBe(403);
    const submitted = await app.inject({ method: 'POST', url: path, headers: communeEditor.headers, payload: { periodEnd: '2025-11-05' } });
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toMatchObject({ late: true, snapshot: { unit: 'LCH-TD', submissions: 6, opinions: 8 } });
    const again = await app.inject({ method: 'POST', url: path, headers: communeEditor.headers, payload: { periodEnd: '2025-11-05' } });
    expect(again.statusCode).toBe(409);

    const own = (await app.inject({ method: 'GET', url: url(commune), headers: communeEditor.headers })).json();
    expect(own.canSubmit).toBe(true);
    expect(own.submission).toMatchObject({ late: true, submissions: 6, opinions: 8 });

    const parent = (await app.inject({ method: 'GET', url: url(province), headers: provinceViewer.headers })).json();
    const child = parent.children.find((c: { code: string }) => c.code === 'LCH-TD');
    expect(child).toMatchObject({ status: 'late', live: { submissions: 6, opinions: 8 }, frozen: { late: true, submissions: 6, opinions: 8 } });
    expect(parent.children.find((c: { code: string }) => c.code === 'LCH-SH')).toMatchObject({ status: 'overdue', frozen: null });
  });

  it('downloads DOCX and XLSX with the right types, "< 5" for small cells and no contact detail anywhere', async () => {
    const docx = await app.inject({ method: 'GET', url: url(province, '/docx'), headers: provinceViewer.headers });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers['content-disposition']).toContain('bao-cao-gop-y-DH14-LCH-2025-11-05.docx');
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Tổng hợp ý kiến góp ý vào dự thảo các văn kiện');
    expect(text).toContain('< 5'); // letters: 3 contributors
    expect(text).toContain('Gửi muộn');

    const xlsx = await app.inject({ method: 'GET', url: url(province, '/xlsx'), headers: provinceViewer.headers });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const cells = await xlsxCells(xlsx.rawPayload);
    expect(cells).toContain('< 5');

    const json = (await app.inject({ method: 'GET', url: url(province), headers: provinceViewer.headers })).body;
    const ownDocx = await docxText((await app.inject({ method: 'GET', url: url(commune, '/docx'), headers: communeEditor.headers })).rawPayload);
    const ownXlsx = (await xlsxCells((await app.inject({ method: 'GET', url: url(commune, '/xlsx'), headers: communeEditor.headers })).rawPayload)).join('\n');
    for (const secret of [SECRET_NAME, SECRET_PHONE, 'Bímật']) {
      expect(text).not.toContain(secret);
      expect(cells.join('\n')).not.toContain(secret);
      expect(json).not.toContain(secret);
      expect(ownDocx).not.toContain(secret);
      expect(ownXlsx).not.toContain(secret);
    }
  });
});
