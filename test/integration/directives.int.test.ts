import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { loadDirectivesDemo } from '../../src/modules/directives/load-demo.js';
import { demoPassword } from '../../src/modules/org/demo-data.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/** The directive register on the demo workspace, through the API as the web app uses it. */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);
const seedDir = path.resolve(import.meta.dirname, '../../src/modules/directives/demo');
let admin: Session;
let laiChau: Session;
let laoCai: Session;
let editor: Session;

const unitId = async (code: string) => (await db.execute<{ id: number }>(sql`select id from units where code = ${code}`)).rows[0]!.id;
type Page = { items: { id: number; numberSymbol: string | null; subject: string | null; ownerUnitName: string }[]; total: number };

beforeAll(async () => {
  await loadDemo(db);
  await loadDirectivesDemo(db);
  admin = await logInAs(app, 'admin', demoPassword);
  laiChau = await logInAs(app, 'quantri.laichau', demoPassword);
  laoCai = await logInAs(app, 'xem.laocai', demoPassword);
  editor = await logInAs(app, 'bientap.vhttdl', demoPassword);
});

describe('directive register', () => {
  it('holds the four seeds, each in its issuer’s register, with cited parents left as placeholders', async () => {
    const page = (await app.inject({ method: 'GET', url: '/api/v1/directives', headers: admin.headers })).json() as Page;
    expect(page.total).toBe(4);
    const refs = await db.execute<{ number_symbol: string; target_id: number | null }>(sql`select number_symbol, target_id from directive_references where number_symbol is not null`);
    const symbols = refs.rows.map((r) => r.number_symbol);
    expect(symbols).toEqual(expect.arrayContaining(['167-CV/BTGDVTU', '816-CV/ĐU', '21-HD/BTGDVTW', '37-KH/BTGDVTU', '134-CV/TU']));
    expect(refs.rows.every((r) => r.target_id === null)).toBe(true);
  });

  it('seed 001 pasted as it is reads right, is recognised as already registered, and sits in the cascade under its two parents', async () => {
    const owner = await unitId('SLA-DU-VPUBND');
    const text = await readFile(path.join(seedDir, 'seed-001-son-la.txt'), 'utf8');
    const parsed = (await app.inject({ method: 'POST', url: '/api/v1/directives/parse', headers: admin.headers, payload: { text, ownerUnitId: owner } })).json();
    expect(parsed.draft).toMatchObject({ docType: 'Công văn', convention: 'party', numberSymbol: '-CV/ĐUVP', place: 'Sơn La', date: { year: 2026, month: 1, day: null }, issuerUnitId: owner });
    expect(parsed.draft.recipients.map((r: { unitId: number | null }) => r.unitId)).toEqual([await unitId('SLA-CB-TONGHOP'), await unitId('SLA-CB-KINHTE'), await unitId('SLA-CB-HANHCHINH')]);
    const implemented = parsed.draft.references.filter((r: { relation: string }) => r.relation === 'implements').map((r: { numberSymbol: string }) => r.numberSymbol);
    expect(implemented).toEqual(['167-CV/BTGDVTU', '816-CV/ĐU']);
    expect(parsed.highlights.some((h: { field: string }) => h.field === 'numberSymbol')).toBe(true);

    // The seed is already in this register (loaded from its file): saving the paste again is refused and points at it.
    const saved = await app.inject({ method: 'POST', url: '/api/v1/directives', headers: admin.headers, payload: { ...parsed.draft, ownerUnitId: owner } });
    expect(saved.statusCode).toBe(409);
    expect(saved.json()).toMatchObject({ reason: 'DIRECTIVE_ALREADY_REGISTERED', details: { title: 'Công văn không số tháng 01/2026' } });
    const cascade = (await app.inject({ method: 'GET', url: `/api/v1/directives/${saved.json().details.directiveId}/cascade`, headers: admin.headers })).json();
    expect(cascade.roots.map((r: { kind: string; numberSymbol: string }) => `${r.kind} ${r.numberSymbol}`)).toEqual(['placeholder 167-CV/BTGDVTU', 'placeholder 816-CV/ĐU']);
    const current = cascade.roots[0].children.find((c: { isCurrent: boolean }) => c.isCurrent);
    expect(current.summary).toEqual({ addressed: 3, implemented: 0, acknowledged: 0, none: 3 });
  });

  it('searches subjects without diacritics and by number/symbol, and scopes the register by subtree', async () => {
    const search = (await app.inject({ method: 'GET', url: '/api/v1/directives?q=dot%20cao%20diem', headers: admin.headers })).json() as Page;
    expect(search.items.length).toBeGreaterThanOrEqual(1);
    expect(search.items.every((d) => /cao điểm/i.test(d.subject ?? ''))).toBe(true);
    const own = (await app.inject({ method: 'GET', url: '/api/v1/directives', headers: laiChau.headers })).json() as Page;
    expect(own.items.map((d) => d.ownerUnitName).sort()).toEqual(['Sở Văn hóa, Thể thao và Du lịch Lai Châu', 'Đảng ủy Ủy ban nhân dân tỉnh Lai Châu'].sort());
    const other = (await app.inject({ method: 'GET', url: '/api/v1/directives', headers: laoCai.headers })).json() as Page;
    expect(other.items.map((d) => d.ownerUnitName)).toEqual(['Sở Văn hóa, Thể thao và Du lịch Lào Cai']);
    const hidden = own.items[0]!.id;
    expect((await app.inject({ method: 'GET', url: `/api/v1/directives/${hidden}`, headers: laoCai.headers })).statusCode).toBe(404);
  });

  it('resolves a placeholder when the cited directive is registered later, and the cascade shows who has not acted', async () => {
    const owner = await unitId('LCU-TU');
    const text =
      'TỈNH ỦY LAI CHÂU\nBAN THƯỜNG VỤ\n*\nSố 134-CV/TU\nLai Châu, ngày 21 tháng 10 năm 2025\n\n' +
      'V/v đẩy mạnh tuyên truyền; tổ chức tốt đợt cao điểm lấy ý kiến vào dự thảo văn kiện\n\nKính gửi: Đảng ủy Ủy ban nhân dân tỉnh\n\n' +
      'Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy tổ chức lấy ý kiến.\n\nNơi nhận:\n- Như trên,\n- Lưu VPTU.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nNguyễn Văn A\n';
    const parsed = (await app.inject({ method: 'POST', url: '/api/v1/directives/parse', headers: laiChau.headers, payload: { text, ownerUnitId: owner } })).json();
    expect(parsed.draft.numberSymbol).toBe('134-CV/TU');
    const created = await app.inject({ method: 'POST', url: '/api/v1/directives', headers: laiChau.headers, payload: { ...parsed.draft, ownerUnitId: owner } });
    expect(created.statusCode).toBe(201);
    const parentId = created.json().id as number;
    const resolved = await db.execute<{ n: number }>(sql`select count(*)::int as n from directive_references where target_id = ${parentId}`);
    expect(resolved.rows[0]!.n).toBe(1);

    const cascade = (await app.inject({ method: 'GET', url: `/api/v1/directives/${parentId}/cascade`, headers: laiChau.headers })).json();
    const root = cascade.roots[0];
    expect(root).toMatchObject({ kind: 'directive', numberSymbol: '134-CV/TU', isCurrent: true });
    expect(root.units).toEqual([expect.objectContaining({ unitName: 'Đảng ủy Ủy ban nhân dân tỉnh Lai Châu', status: 'implemented' })]);
    const child = root.children[0];
    expect(child.subject).toMatch(/lấy ý kiến/);
    expect(child.summary.addressed).toBeGreaterThanOrEqual(3);
    expect(child.summary.acknowledged).toBe(1);
    expect(child.summary.none).toBe(child.summary.addressed - 1);
    expect(child.units.filter((u: { status: string }) => u.status === 'none').length).toBeGreaterThan(0);
  });

  it('lets a recipient acknowledge in one click, once, and audits registration, correction and acknowledgement', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/v1/directives?q=lay%20y%20kien', headers: laiChau.headers })).json() as Page;
    const seed004 = list.items.find((d) => d.ownerUnitName.startsWith('Đảng ủy'))!.id;
    const detail = (await app.inject({ method: 'GET', url: `/api/v1/directives/${seed004}`, headers: laiChau.headers })).json();
    const pending = detail.acknowledgeable.find((a: { acknowledgedAt: string | null }) => a.acknowledgedAt === null);
    expect(pending).toBeDefined();
    for (let i = 0; i < 2; i++) {
      const res = await app.inject({ method: 'POST', url: `/api/v1/directives/${seed004}/acknowledge`, headers: laiChau.headers, payload: { unitId: pending.unitId } });
      expect(res.statusCode).toBe(204);
    }
    const acks = await db.execute<{ n: number }>(sql`select count(*)::int as n from directive_acknowledgements where directive_id = ${seed004} and unit_id = ${pending.unitId}`);
    expect(acks.rows[0]!.n).toBe(1);
    // The editor of the Sở cannot acknowledge for a party cell outside their unit.
    const refused = await app.inject({ method: 'POST', url: `/api/v1/directives/${seed004}/acknowledge`, headers: editor.headers, payload: { unitId: pending.unitId } });
    expect([403, 404]).toContain(refused.statusCode);

    const input = { ...detail, subject: detail.subject + ' (đã hiệu chỉnh)' };
    const body = {
      ownerUnitId: input.ownerUnitId, text: input.text, docType: input.docType, convention: input.convention, numberSymbol: input.numberSymbol,
      issuerName: input.issuerName, issuerUnitId: input.issuerUnitId, place: input.place, date: input.date, subject: input.subject,
      recipients: input.recipients.map((a: { name: string; unitId: number | null }) => ({ name: a.name, unitId: a.unitId })),
      distribution: input.distribution.map((a: { name: string; unitId: number | null }) => ({ name: a.name, unitId: a.unitId })),
      signer: input.signer, references: input.references.map(({ docType, numberSymbol, date, issuerName, relation }: Record<string, unknown>) => ({ docType, numberSymbol, date, issuerName, relation })),
      deadlines: input.deadlines,
    };
    const corrected = await app.inject({ method: 'PUT', url: `/api/v1/directives/${seed004}`, headers: laiChau.headers, payload: body });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().subject).toMatch(/đã hiệu chỉnh/);
    const audit = await db.execute<{ action: string }>(sql`select action from audit_log where entity_type = 'directive' and entity_id = ${String(seed004)} order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['directive.register', 'directive.acknowledge', 'directive.correct']));
  });

  it('keeps the original file of an uploaded directive', async () => {
    const data = await readFile(path.join(seedDir, 'seed-004-lai-chau-cong-van.txt'));
    const list = (await app.inject({ method: 'GET', url: '/api/v1/directives?q=lay%20y%20kien', headers: laiChau.headers })).json() as Page;
    const id = list.items.find((d) => d.ownerUnitName.startsWith('Đảng ủy'))!.id;
    const file = await app.inject({ method: 'GET', url: `/api/v1/directives/${id}/file`, headers: laiChau.headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(data)).toBe(true);
  });

  it('starts an implementing draft pre-filled from its parent and exports it as an official DOCX', async () => {
    const list = (await app.inject({ method: 'GET', url: '/api/v1/directives?numberSymbol=134-CV', headers: laiChau.headers })).json() as Page;
    const parent = list.items[0]!.id;
    const unit = await unitId('LCU-DU-UBND');
    const draft = await app.inject({ method: 'POST', url: `/api/v1/directives/${parent}/drafts`, headers: laiChau.headers, payload: { unitId: unit } });
    expect(draft.statusCode).toBe(201);
    const content = draft.json().content;
    expect(content.convention).toBe('party');
    expect(content.body[0].text).toMatch(/^Thực hiện Công văn số 134-CV\/TU ngày 21\/10\/2025/);
    expect(content.recipients).toContain('Chi bộ Sở Văn hóa, Thể thao và Du lịch Lai Châu');
    const docx = await app.inject({ method: 'GET', url: `/api/v1/drafts/${draft.json().id}/docx`, headers: laiChau.headers });
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(xml).toContain('Thực hiện Công văn số 134-CV/TU');
  });
});
