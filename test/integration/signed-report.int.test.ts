/**
 * Issue 11, item 6: the weekly report a clerk signs. A State body's DOCX is in the State layout and
 * a Party body's in the Party layout, numbered with the unit's abbreviation, dated at the unit's
 * place (inherited from the nearest ancestor that has one), signed by the signer its admin set; the
 * week reads the same in the heading and the text; the XLSX holds instants as Excel dates.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import ExcelJS from '../../src/platform/xlsx/exceljs.js';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { vietnamDateOf } from '../../src/platform/time/index.js';
import { formatVietnameseDate } from '../../src/core/official-docx/index.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import type { App } from '../../src/server/app.js';
import { buildSubmission, buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

const run = promisify(execFile);
const { db } = await createTestDatabase();
const vn = (local: string) => new Date(`${local}+07:00`);
const WEEK = 'từ 16:00 thứ Tư 29/10/2025 đến trước 16:00 thứ Tư 05/11/2025';
let app: App;
let stateAdmin: Session;
let partyAdmin: Session;
let departmentViewer: Session;
let department: number;
let commune: number;
let committee: number;
let centre: number;
let partyOffice: number;
const url = (unitId: number, format: 'docx' | 'xlsx') => `/api/v1/consultations/DH14/reports/${unitId}/${format}?periodEnd=2025-11-05`;

beforeAll(async () => {
  app = await buildTestApp(db);
  const created = await createConsultation(db, {
    actor: cliActor(),
    input: { code: 'DH14', title: 'Lấy ý kiến vào dự thảo văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Dự thảo Báo cáo chính trị' }], opensAt: vn('2025-10-15T00:00:00') },
  });
  committee = (await buildUnit(db, { code: 'LCH-UBND', name: 'UBND tỉnh Lai Châu', kind: 'people_committee' })).id;
  department = (await buildUnit(db, { code: 'LCH-SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department', parentId: committee, abbreviation: 'SVHTTDL' })).id;
  const province = (await buildUnit(db, { code: 'LCH-TU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' })).id;
  commune = (await buildUnit(db, { code: 'LCH-TD', name: 'Đảng ủy xã Tam Đường', kind: 'party_committee', parentId: province, abbreviation: 'ĐU' })).id;
  await db.execute(sql`update units set place = 'Lai Châu' where id = ${province}`);
  // Bodies of kind "other" write in the layout of the bloc they belong to.
  centre = (await buildUnit(db, { code: 'LCH-TTVH', name: 'Trung tâm Văn hóa tỉnh', kind: 'other', parentId: department })).id;
  partyOffice = (await buildUnit(db, { code: 'LCH-TD-VP', name: 'Tổ giúp việc Đảng ủy xã', kind: 'other', parentId: commune })).id;
  for (const unitId of [department, commune]) {
    await buildSubmission(db, { consultationId: created.id, unitId, submittedAt: vn('2025-11-03T10:00:00'), opinions: [{ documentId: created.documents[0]!.id }] });
  }
  await buildUser(db, { username: 'qt.ubnd', role: 'unit_admin', unitId: committee });
  await buildUser(db, { username: 'qt.tamduong', role: 'unit_admin', unitId: commune });
  await buildUser(db, { username: 'xem.so', role: 'viewer', unitId: department });
  stateAdmin = await logInAs(app, 'qt.ubnd');
  partyAdmin = await logInAs(app, 'qt.tamduong');
  departmentViewer = await logInAs(app, 'xem.so');
});

afterAll(async () => {
  await app.close();
});

/** The document's paragraphs, one line each (runs joined), as a reader sees them. */
async function docxLines(body: Buffer): Promise<string[]> {
  const xml = (await JSZip.loadAsync(body).then((zip) => zip.file('word/document.xml')?.async('string'))) ?? '';
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
}

const today = (place: string) => formatVietnameseDate(place, vietnamDateOf(new Date()));

describe('the unit admin sets the place and the signer', () => {
  it('saves them through the unit API, audited, and refuses a viewer', async () => {
    const place = await app.inject({ method: 'PATCH', url: `/api/v1/units/${committee}`, headers: stateAdmin.headers, payload: { place: ' Lai Châu ' } });
    expect(place.statusCode).toBe(200);
    expect(place.json()).toMatchObject({ place: 'Lai Châu', signerName: null });
    const signer = { signerAuthority: 'KT. Giám đốc', signerTitle: 'Phó Giám đốc', signerName: 'Nguyễn Văn An' };
    const saved = await app.inject({ method: 'PATCH', url: `/api/v1/units/${department}`, headers: stateAdmin.headers, payload: signer });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...signer, place: null });
    const detail = await app.inject({ method: 'GET', url: `/api/v1/units/${department}`, headers: departmentViewer.headers });
    expect(detail.json()).toMatchObject(signer);
    const audit = await db.execute<{ before: unknown; after: unknown }>(sql`select before, after from audit_log where action = 'unit.update' and entity_id = ${String(department)}`);
    expect(audit.rows).toEqual([{ before: { signerAuthority: null, signerTitle: null, signerName: null }, after: signer }]);
    const refused = await app.inject({ method: 'PATCH', url: `/api/v1/units/${department}`, headers: departmentViewer.headers, payload: { signerName: 'Người khác' } });
    expect(refused.statusCode).toBe(403);
    const party = await app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${commune}`,
      headers: partyAdmin.headers,
      payload: { signerAuthority: 'T/M Ban Thường vụ', signerTitle: 'Phó Bí thư', signerName: 'Lò Văn Bình' },
    });
    expect(party.statusCode).toBe(200);
  });
});

describe('the weekly report DOCX of a State body and of a Party body', () => {
  it('State: national heading and motto, "Số: /BC-SVHTTDL", the inherited place, the signer, one week wording', async () => {
    const res = await app.inject({ method: 'GET', url: url(department, 'docx'), headers: departmentViewer.headers });
    expect(res.statusCode).toBe(200);
    const lines = await docxLines(res.rawPayload);
    for (const expected of ['UBND TỈNH LAI CHÂU', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số:        /BC-SVHTTDL', today('Lai Châu'), 'BÁO CÁO', `Tuần ${WEEK}`]) {
      expect(lines).toContain(expected);
    }
    expect(lines.join('\n')).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(lines.some((l) => l.startsWith(`Trong tuần ${WEEK}, Sở Văn hóa, Thể thao và Du lịch`))).toBe(true);
    const closing = lines.slice(lines.lastIndexOf('Nơi nhận:')).filter((l) => l.trim() !== '');
    expect(closing).toEqual(['Nơi nhận:', '- Cơ quan cấp trên (để báo cáo);', '- Lưu.', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Văn An']);
  });

  it('Party: "ĐẢNG CỘNG SẢN VIỆT NAM", "Số -BC/ĐU", the place of the province, the Ban Thường vụ signer', async () => {
    const res = await app.inject({ method: 'GET', url: url(commune, 'docx'), headers: partyAdmin.headers });
    const lines = await docxLines(res.rawPayload);
    for (const expected of ['TỈNH ỦY LAI CHÂU', 'ĐẢNG ỦY XÃ TAM ĐƯỜNG', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số        -BC/ĐU', today('Lai Châu'), `Tuần ${WEEK}`]) {
      expect(lines).toContain(expected);
    }
    expect(lines.join('\n')).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const closing = lines.slice(lines.lastIndexOf('Nơi nhận:')).filter((l) => l.trim() !== '');
    expect(closing).toEqual(['Nơi nhận:', '- Cấp ủy cấp trên (để báo cáo),', '- Lưu.', 'T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Lò Văn Bình']);
  });

  it('a body of kind "other" writes in the layout of its bloc: State under a Sở, Party under a Đảng ủy', async () => {
    const admin = await logInAs(app, 'qt.ubnd');
    const state = await docxLines((await app.inject({ method: 'GET', url: url(centre, 'docx'), headers: admin.headers })).rawPayload);
    expect(state).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const party = await docxLines((await app.inject({ method: 'GET', url: url(partyOffice, 'docx'), headers: partyAdmin.headers })).rawPayload);
    expect(party).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(party).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  const soffice = ['soffice', 'libreoffice'].flatMap((name) => (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name))).find((p) => existsSync(p));
  if (!soffice) console.log('LibreOffice is not installed: skipping the State report PDF check.');

  it.skipIf(!soffice)('State: the PDF printed by LibreOffice carries the State header on page 1', { timeout: 180_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lantoa-signed-report-'));
    try {
      const docx = join(dir, 'bao-cao.docx');
      await writeFile(docx, (await app.inject({ method: 'GET', url: url(department, 'docx'), headers: departmentViewer.headers })).rawPayload);
      await run(soffice ?? 'soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 150_000 });
      const { stdout } = await run('pdftotext', ['-l', '1', '-enc', 'UTF-8', join(dir, 'bao-cao.pdf'), '-']);
      const page1 = stdout.normalize('NFC');
      for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '/BC-SVHTTDL', today('Lai Châu')]) {
        expect(page1).toContain(expected);
      }
      expect(page1).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the weekly report XLSX', () => {
  it('holds every instant as an Excel date in Vietnamese format, never an ISO string', async () => {
    const res = await app.inject({ method: 'GET', url: url(department, 'xlsx'), headers: departmentViewer.headers });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const dates: Record<string, { value: Date; numFmt: string }> = {};
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(typeof cell.value === 'string' && /\d{4}-\d{2}-\d{2}T\d{2}:/.test(cell.value), `${sheet.name}!${cell.address}: ${String(cell.value)}`).toBe(false);
          if (cell.value instanceof Date) dates[String(row.getCell(1).value)] = { value: cell.value, numFmt: cell.numFmt };
        }),
      );
    }
    // Excel has no time zone: the cell holds the Vietnam wall-clock time.
    expect(dates['Từ']).toEqual({ value: new Date('2025-10-29T16:00:00Z'), numFmt: 'dd/mm/yyyy hh:mm' });
    expect(dates['Đến trước']).toEqual({ value: new Date('2025-11-05T16:00:00Z'), numFmt: 'dd/mm/yyyy hh:mm' });
    expect(dates['Hạn gửi báo cáo của đơn vị']?.numFmt).toBe('dd/mm/yyyy hh:mm');
  });
});

describe('the place in the unit file', () => {
  it('exports the place column and keeps a unit\'s place when the imported file has no such column', async () => {
    const exported = await app.inject({ method: 'GET', url: '/api/v1/units/export?format=csv', headers: stateAdmin.headers });
    const lines = exported.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('code,name,kind,parent_code,abbreviation,sort_order,active_from,active_to,place,kind_label');
    expect(lines).toContain('LCH-UBND,UBND tỉnh Lai Châu,people_committee,,,0,,,Lai Châu,Ủy ban nhân dân');
    const placeOf = async (code: string) => (await db.execute<{ place: string | null }>(sql`select place from units where code = ${code}`)).rows[0]?.place;
    const upload = (content: string) => {
      const boundary = '----lantoa-place';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="don-vi.csv"\r\nContent-Type: text/csv\r\n\r\n`;
      const payload = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return app.inject({ method: 'POST', url: '/api/v1/units/import', payload, headers: { ...stateAdmin.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    };
    const without = await upload('code,name,kind,parent_code,abbreviation\nLCH-SVHTTDL,Sở Văn hóa, Thể thao và Du lịch tỉnh,department,LCH-UBND,SVHTTDL\n'.replace('Sở Văn hóa, Thể thao và Du lịch tỉnh', '"Sở Văn hóa, Thể thao và Du lịch tỉnh"'));
    expect(without.json()).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(await placeOf('LCH-SVHTTDL')).toBeNull();
    await db.execute(sql`update units set place = 'Tp. Lai Châu' where code = 'LCH-SVHTTDL'`);
    await upload('code,name,kind,parent_code,abbreviation\nLCH-SVHTTDL,Sở Văn hóa,department,LCH-UBND,SVHTTDL\n');
    expect(await placeOf('LCH-SVHTTDL')).toBe('Tp. Lai Châu');
    const withPlace = await upload('code,name,kind,parent_code,abbreviation,place\nLCH-SVHTTDL,Sở Văn hóa,department,LCH-UBND,SVHTTDL,Phong Thổ\nLCH-X,Xã Mới,commune,LCH-UBND,,\n');
    expect(withPlace.json()).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(await placeOf('LCH-SVHTTDL')).toBe('Phong Thổ');
    expect(await placeOf('LCH-X')).toBeNull();
  });
});
