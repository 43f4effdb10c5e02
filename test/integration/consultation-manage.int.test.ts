import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { parseConfig } from '../../src/platform/config/config.js';
import { buildApp, type App } from '../../src/server/app.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { importDocumentText } from '../../src/modules/consultation/import-document-text.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { logInAs, type Session } from '../support/http.js';

/** Consultations opened, read and changed from the web app by the owner unit's editors (issue 11, item 4). */
const { db } = await createTestDatabase();
const dataDir = mkdtempSync(path.join(tmpdir(), 'lantoa-consultation-manage-'));

const LINES = ['DỰ THẢO ĐIỀU LỆ', 'I. KẾT QUẢ THI HÀNH ĐIỀU LỆ', '1. Về đảng viên', '2. Về tổ chức cơ sở đảng', 'II. ĐỀ XUẤT SỬA ĐỔI, BỔ SUNG', '1. Điều 1'];
const docx = async () => Packer.toBuffer(new Document({ sections: [{ children: LINES.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] }));

let app: App;
const units: Record<'province' | 'district' | 'commune' | 'otherProvince', { id: number }> = {} as never;
const sessions: Record<'editor' | 'viewer' | 'outsider' | 'communeEditor' | 'provinceViewer', Session> = {} as never;

const week = 7 * 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const body = (overrides: Record<string, unknown> = {}) => ({
  ownerUnitId: units.district.id,
  code: 'GOPY-HUYEN',
  title: 'Lấy ý kiến dự thảo Điều lệ',
  documents: [{ title: 'Dự thảo Điều lệ Đảng' }],
  opensAt: iso(Date.now() - 86_400_000),
  closesAt: iso(Date.now() + 4 * week),
  cutoff: { weekday: 5, time: '10:00' },
  unitIds: null,
  ...overrides,
});
const create = (session: Session, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/consultations', headers: session.headers, payload });

function multipart(part: { file?: { name: string; data: Buffer }; text?: string }) {
  const boundary = 'consult-boundary';
  const chunks: Buffer[] = [];
  if (part.text !== undefined) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="text"\r\n\r\n${part.text}\r\n`));
  if (part.file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${part.file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), part.file.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
const upload = (session: Session, code: string, part: Parameters<typeof multipart>[0]) => {
  const form = multipart(part);
  return app.inject({ method: 'POST', url: `/api/v1/consultations/${code}/documents/DT1/text`, headers: { ...session.headers, 'content-type': form.contentType }, payload: form.payload });
};

beforeAll(async () => {
  units.province = await buildUnit(db, { code: 'LCU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' });
  units.district = await buildUnit(db, { code: 'LCU-TD', name: 'Huyện ủy Tam Đường', kind: 'party_committee', parentId: units.province.id });
  units.commune = await buildUnit(db, { code: 'LCU-TD-BH', name: 'Đảng ủy xã Bình Lư', kind: 'party_committee', parentId: units.district.id });
  units.otherProvince = await buildUnit(db, { code: 'LCA', name: 'Tỉnh ủy Lào Cai', kind: 'party_committee' });
  await buildUser(db, { username: 'bientap.tamduong', role: 'editor', unitId: units.district.id });
  await buildUser(db, { username: 'xem.tamduong', role: 'viewer', unitId: units.district.id });
  await buildUser(db, { username: 'bientap.laocai', role: 'editor', unitId: units.otherProvince.id });
  await buildUser(db, { username: 'bientap.binhlu', role: 'editor', unitId: units.commune.id });
  await buildUser(db, { username: 'xem.laichau', role: 'viewer', unitId: units.province.id });
  app = await buildApp({ db, config: parseConfig({ LANTOA_DATA_DIR: dataDir, LANTOA_LOG_LEVEL: 'silent' }), logger: false, webRoot: null });
  await app.ready();
  sessions.editor = await logInAs(app, 'bientap.tamduong');
  sessions.viewer = await logInAs(app, 'xem.tamduong');
  sessions.outsider = await logInAs(app, 'bientap.laocai');
  sessions.communeEditor = await logInAs(app, 'bientap.binhlu');
  sessions.provinceViewer = await logInAs(app, 'xem.laichau');
});

afterAll(async () => {
  await app.close();
});

describe('opening a consultation from the web app', () => {
  it('lets an editor of the owner unit open one for its subtree, audited, with the chosen cut-off', async () => {
    const created = await create(sessions.editor, body());
    expect(created.statusCode).toBe(201);
    const detail = created.json();
    expect(detail).toMatchObject({
      code: 'GOPY-HUYEN',
      owner: { id: units.district.id, name: 'Huyện ủy Tam Đường' },
      status: 'open',
      cutoff: { weekday: 5, time: '10:00', label: '10:00 thứ Sáu' },
      units: { all: true },
      documents: [{ code: 'DT1', title: 'Dự thảo Điều lệ Đảng', sections: 0 }],
      publicPath: '/gop-y/GOPY-HUYEN',
      canEdit: true,
    });
    const audit = await db.execute<{ unit_id: number; actor_username: string }>(sql`select unit_id, actor_username from audit_log where action = 'consultation.create'`);
    expect(audit.rows).toEqual([expect.objectContaining({ unit_id: units.district.id, actor_username: 'bientap.tamduong' })]);
    // The owner's subtree takes part, nothing outside it.
    const pub = await app.inject({ method: 'GET', url: '/api/v1/public/consultations/GOPY-HUYEN' });
    expect(pub.json().units.map((u: { code: string }) => u.code).sort()).toEqual(['LCU-TD', 'LCU-TD-BH']);
  });

  it('refuses a viewer of the owner unit (403) and an editor outside its subtree (404)', async () => {
    expect((await create(sessions.viewer, body({ code: 'BY-VIEWER' }))).statusCode).toBe(403);
    const outside = await create(sessions.outsider, body({ code: 'BY-OUTSIDER' }));
    expect(outside.statusCode).toBe(404);
    expect(outside.json().reason).toBe('UNIT_OUT_OF_SCOPE');
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from consultations where code in ('BY-VIEWER', 'BY-OUTSIDER')`);
    expect(rows.rows[0]!.n).toBe(0);
  });

  it('refuses units taking part outside the owner subtree (a parent, another province)', async () => {
    for (const unitId of [units.province.id, units.otherProvince.id]) {
      const response = await create(sessions.editor, body({ code: `OUT-${unitId}`, unitIds: [units.commune.id, unitId] }));
      expect(response.statusCode).toBe(400);
      expect(response.json().reason).toBe('CONSULTATION_UNITS_OUTSIDE_OWNER');
    }
    const chosen = await create(sessions.editor, body({ code: 'GOPY-XA', unitIds: [units.commune.id] }));
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json().units).toEqual({ all: false, items: [expect.objectContaining({ id: units.commune.id, name: 'Đảng ủy xã Bình Lư' })] });
  });

  it('loads a DOCX draft through the upload and splits it exactly as the command line does', async () => {
    const response = await upload(sessions.editor, 'GOPY-HUYEN', { file: { name: 'dieu-le.docx', data: await docx() } });
    expect(response.statusCode).toBe(200);
    const viaWeb = await db.execute<{ ref: string; heading: string | null; body: string }>(
      sql`select s.ref, s.heading, s.body from document_sections s join consultation_documents d on d.id = s.document_id join consultations c on c.id = d.consultation_id where c.code = 'GOPY-HUYEN' order by s.position`,
    );
    await createConsultation(db, { actor: cliActor(), input: { code: 'VIA-CLI', title: 'Qua dòng lệnh', documents: [{ code: 'DT1', title: 'Dự thảo' }] } });
    await importDocumentText(db, { actor: cliActor(), consultationCode: 'VIA-CLI', documentCode: 'DT1', data: await docx(), fileName: 'dieu-le.docx' });
    const viaCli = await db.execute<{ ref: string; heading: string | null; body: string }>(
      sql`select s.ref, s.heading, s.body from document_sections s join consultation_documents d on d.id = s.document_id join consultations c on c.id = d.consultation_id where c.code = 'VIA-CLI' order by s.position`,
    );
    expect(viaWeb.rows.map((r) => r.ref)).toEqual(expect.arrayContaining(['I', 'I.1', 'I.2', 'II', 'II.1']));
    expect(viaWeb.rows).toEqual(viaCli.rows);
    expect(response.json()).toMatchObject({ document: 'DT1', sections: viaCli.rows.length });
    const detail = await app.inject({ method: 'GET', url: '/api/v1/consultations/GOPY-HUYEN', headers: sessions.editor.headers });
    expect(detail.json().documents).toEqual([{ code: 'DT1', title: 'Dự thảo Điều lệ Đảng', sections: viaCli.rows.length }]);
    // Pasted text goes the same way; an empty form is refused; a viewer may not load a draft.
    expect((await upload(sessions.editor, 'GOPY-HUYEN', { text: LINES.join('\n') })).json().refs).toEqual(viaCli.rows.map((r) => r.ref));
    expect((await upload(sessions.editor, 'GOPY-HUYEN', { text: '  ' })).json().reason).toBe('DOCUMENT_TEXT_REQUIRED');
    expect((await upload(sessions.viewer, 'GOPY-HUYEN', { text: LINES.join('\n') })).statusCode).toBe(403);
    expect((await upload(sessions.outsider, 'GOPY-HUYEN', { text: LINES.join('\n') })).statusCode).toBe(404);
    // The public form's reader gets the draft's full text.
    const text = await app.inject({ method: 'GET', url: '/api/v1/public/consultations/GOPY-HUYEN/documents/DT1' });
    expect(text.json().sections.map((s: { ref: string }) => s.ref)).toEqual(viaCli.rows.map((r) => r.ref));
  });
});

describe('who sees and changes a unit consultation', () => {
  it('shows it to those whose units meet the owner subtree, and hides it from the others', async () => {
    const codes = async (session: Session) => ((await app.inject({ method: 'GET', url: '/api/v1/consultations', headers: session.headers })).json() as { code: string }[]).map((c) => c.code);
    expect(await codes(sessions.editor)).toEqual(expect.arrayContaining(['GOPY-HUYEN', 'VIA-CLI']));
    expect(await codes(sessions.communeEditor)).toContain('GOPY-HUYEN');
    expect(await codes(sessions.provinceViewer)).toContain('GOPY-HUYEN');
    const outsider = await codes(sessions.outsider);
    expect(outsider).toContain('VIA-CLI');
    expect(outsider).not.toContain('GOPY-HUYEN');
    for (const url of ['/api/v1/consultations/GOPY-HUYEN', '/api/v1/consultations/GOPY-HUYEN/intake-form', `/api/v1/consultations/GOPY-HUYEN/reports/${units.otherProvince.id}`]) {
      const response = await app.inject({ method: 'GET', url, headers: sessions.outsider.headers });
      expect(response.statusCode).toBe(404);
      expect(response.json().reason).toBe('CONSULTATION_NOT_FOUND');
    }
    const commune = await app.inject({ method: 'GET', url: '/api/v1/consultations/GOPY-HUYEN', headers: sessions.communeEditor.headers });
    expect(commune.json().canEdit).toBe(false);
  });

  it('lets the owner editor change the closing instant and the units, audited; not a commune editor, nor units outside', async () => {
    const patch = (session: Session, payload: Record<string, unknown>) => app.inject({ method: 'PATCH', url: '/api/v1/consultations/GOPY-HUYEN', headers: session.headers, payload });
    const closesAt = iso(Date.now() + 6 * week);
    const changed = await patch(sessions.editor, { closesAt, unitIds: [units.commune.id] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ units: { all: false, items: [expect.objectContaining({ id: units.commune.id })] } });
    expect(new Date(changed.json().closesAt).getTime()).toBe(new Date(closesAt).getTime());
    expect((await patch(sessions.communeEditor, { closesAt })).statusCode).toBe(403);
    expect((await patch(sessions.outsider, { closesAt })).statusCode).toBe(404);
    expect((await patch(sessions.editor, { unitIds: [units.otherProvince.id] })).json().reason).toBe('CONSULTATION_UNITS_OUTSIDE_OWNER');
    // Started: the opening and the cut-off stay; a closing in the past is refused.
    expect((await patch(sessions.editor, { cutoff: { weekday: 1, time: '09:00' } })).json().reason).toBe('CONSULTATION_EDIT_STARTED');
    expect((await patch(sessions.editor, { closesAt: iso(Date.now() - 60_000) })).json().reason).toBe('CONSULTATION_CLOSES_IN_PAST');
    const audit = await db.execute<{ before: { unitIds: number[] }; after: { unitIds: number[]; allUnits: boolean } }>(sql`select before, after from audit_log where action = 'consultation.update'`);
    expect(audit.rows).toEqual([expect.objectContaining({ after: expect.objectContaining({ unitIds: [units.commune.id], allUnits: false }) })]);
  });

  it('keeps the command line working, system-wide by default or for a unit', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/consultations/VIA-CLI', headers: sessions.outsider.headers })).json()).toMatchObject({ owner: null, units: { all: true }, canEdit: false });
    const owned = await createConsultation(db, { actor: cliActor(), input: { code: 'CLI-UNIT', title: 'Của huyện', documents: [{ code: 'A', title: 'Dự thảo A' }], ownerUnitId: units.district.id } });
    expect(owned).toMatchObject({ ownerUnitId: units.district.id, allUnits: false });
    // A system-wide consultation is managed by system admins only.
    const patched = await app.inject({ method: 'PATCH', url: '/api/v1/consultations/VIA-CLI', headers: sessions.editor.headers, payload: { closesAt: iso(Date.now() + week) } });
    expect(patched.json().reason).toBe('SYSTEM_ADMIN_ONLY');
  });
});
