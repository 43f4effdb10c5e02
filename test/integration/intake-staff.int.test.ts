import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { parseConfig } from '../../src/platform/config/config.js';
import { buildApp, type App } from '../../src/server/app.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { eraseExpiredContacts } from '../../src/modules/consultation/intake/contacts.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { logInAs, type Session } from '../support/http.js';

/** The staff intake page's reads: documents and sections for the forms, and a unit's recent submissions. */
const { db } = await createTestDatabase();
const dataDir = mkdtempSync(path.join(tmpdir(), 'lantoa-intake-staff-'));
const PHONE = '0987654321';
const NAME = 'Trần Văn Thư';

let app: App;
let province: { id: number; code: string };
let commune: { id: number; code: string };
let sibling: { id: number; code: string };
let communeEditor: Session;
let provinceAdmin: Session;
let siblingEditor: Session;
let letterId: number;
let meetingId: number;

const recent = (session: Session | null, unitId: number, query = '') =>
  app.inject({ method: 'GET', url: `/api/v1/consultations/DH14/units/${unitId}/submissions${query}`, headers: session?.headers ?? {} });

beforeAll(async () => {
  await createConsultation(db, {
    actor: cliActor(),
    input: {
      code: 'DH14',
      title: 'Lấy ý kiến vào dự thảo các văn kiện trình Đại hội XIV của Đảng',
      documents: [
        { code: 'BCCT', title: 'Báo cáo chính trị' },
        { code: 'DLD', title: 'Điều lệ Đảng' },
      ],
      opensAt: new Date(Date.now() - 30 * 86_400_000),
    },
  });
  await createConsultation(db, { actor: cliActor(), input: { code: 'CLOSED', title: 'Đợt đã kết thúc', documents: [{ code: 'A', title: 'Văn kiện A' }], opensAt: new Date('2024-01-01'), closesAt: new Date('2024-02-01') } });
  const [bcct] = (await db.execute<{ id: number }>(sql`select d.id from consultation_documents d join consultations c on c.id = d.consultation_id where c.code = 'DH14' and d.code = 'BCCT'`)).rows;
  await db.execute(sql`insert into document_sections (document_id, ref, heading, position) values (${bcct!.id}, 'I', 'Phần I. Đánh giá', 1), (${bcct!.id}, 'I.1', null, 2)`);
  province = await buildUnit(db, { code: 'LCU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' });
  commune = await buildUnit(db, { code: 'LCU-TD', name: 'Đảng ủy xã Tam Đường', kind: 'party_committee', parentId: province.id });
  sibling = await buildUnit(db, { code: 'LCU-BH', name: 'Đảng ủy xã Bình Lư', kind: 'party_committee', parentId: province.id });
  await buildUser(db, { username: 'bientap.tamduong', role: 'editor', unitId: commune.id });
  await buildUser(db, { username: 'bientap.binhlu', role: 'editor', unitId: sibling.id });
  await buildUser(db, { username: 'quantri.laichau', role: 'unit_admin', unitId: province.id });
  app = await buildApp({ db, config: parseConfig({ LANTOA_DATA_DIR: dataDir, LANTOA_LOG_LEVEL: 'silent' }), logger: false, webRoot: null });
  await app.ready();
  communeEditor = await logInAs(app, 'bientap.tamduong');
  provinceAdmin = await logInAs(app, 'quantri.laichau');
  siblingEditor = await logInAs(app, 'bientap.binhlu');

  const letter = await app.inject({
    method: 'POST',
    url: '/api/v1/consultations/DH14/submissions',
    headers: communeEditor.headers,
    payload: {
      idempotencyKey: randomUUID(),
      unitId: commune.id,
      channel: 'letter',
      contributorGroup: 'nhan_dan',
      submittedAt: new Date(Date.now() - 86_400_000).toISOString(),
      opinions: [
        { documentCode: 'BCCT', sectionRef: 'I', stance: 'partial', text: 'Đề nghị bổ sung. ' + 'Rất dài. '.repeat(60) },
        { documentCode: 'DLD', stance: 'none', text: 'Hai' },
        { documentCode: 'DLD', stance: 'agree', text: 'Ba' },
        { documentCode: 'DLD', stance: 'agree', text: 'Bốn' },
      ],
      contact: { name: NAME, phone: PHONE, consent: true },
    },
  });
  expect(letter.statusCode).toBe(201);
  letterId = letter.json().submissionId;
  const meeting = await app.inject({
    method: 'POST',
    url: '/api/v1/consultations/DH14/meetings',
    headers: communeEditor.headers,
    payload: {
      idempotencyKey: randomUUID(),
      unitId: commune.id,
      heldAt: new Date(Date.now() - 3_600_000).toISOString(),
      kind: 'toa_dam',
      title: 'Tọa đàm với cựu chiến binh',
      attendees: 40,
      opinions: [{ documentCode: 'BCCT', stance: 'agree', text: 'Nhất trí.' }],
    },
  });
  expect(meeting.statusCode).toBe(201);
  meetingId = meeting.json().submissionId;
});

afterAll(async () => {
  await app?.close();
});

describe('intake form', () => {
  it('gives the documents with their sections, also for a closed consultation', async () => {
    const open = await app.inject({ method: 'GET', url: '/api/v1/consultations/DH14/intake-form', headers: communeEditor.headers });
    expect(open.statusCode).toBe(200);
    expect(open.json().documents).toEqual([
      { code: 'BCCT', title: 'Báo cáo chính trị', sections: [{ ref: 'I', heading: 'Phần I. Đánh giá' }, { ref: 'I.1', heading: null }] },
      { code: 'DLD', title: 'Điều lệ Đảng', sections: [] },
    ]);
    const closed = await app.inject({ method: 'GET', url: '/api/v1/consultations/CLOSED/intake-form', headers: communeEditor.headers });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ code: 'CLOSED', closesAt: new Date('2024-02-01').toISOString(), documents: [{ code: 'A', title: 'Văn kiện A', sections: [] }] });
    expect((await app.inject({ method: 'GET', url: '/api/v1/consultations/NOPE/intake-form', headers: communeEditor.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/consultations/DH14/intake-form' })).statusCode).toBe(401);
  });
});

describe('recent submissions of a unit', () => {
  it('lists the newest first with the meeting details, the first three opinions (long text cut) and the contact state for the receiving unit', async () => {
    const response = await recent(communeEditor, commune.id);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ unitId: commune.id, canViewContacts: true, nextBefore: null });
    expect(body.items.map((i: { id: number }) => i.id)).toEqual([meetingId, letterId]);
    const [meeting, letter] = body.items;
    expect(meeting).toMatchObject({ channel: 'meeting', contributorGroup: 'khac', selfSubmitted: false, opinionCount: 1, meeting: { kind: 'toa_dam', title: 'Tọa đàm với cựu chiến binh', attendees: 40 }, contact: null });
    expect(letter).toMatchObject({ channel: 'letter', contributorGroup: 'nhan_dan', opinionCount: 4, meeting: null, contact: 'stored', enteredBy: expect.any(String) });
    expect(letter.opinions).toHaveLength(3);
    expect(letter.opinions[0]).toMatchObject({ documentCode: 'BCCT', sectionRef: 'I', stance: 'partial', truncated: true });
    expect(letter.opinions[0].text).toHaveLength(400);
    expect(letter.opinions.slice(1)).toEqual([
      { documentCode: 'DLD', sectionRef: null, stance: 'none', text: 'Hai', truncated: false },
      { documentCode: 'DLD', sectionRef: null, stance: 'agree', text: 'Ba', truncated: false },
    ]);
    expect(JSON.stringify(body)).not.toContain(PHONE);
    expect(JSON.stringify(body)).not.toContain(NAME);
  });

  it('pages with limit and before', async () => {
    const first = (await recent(communeEditor, commune.id, '?limit=1')).json();
    expect(first.items.map((i: { id: number }) => i.id)).toEqual([meetingId]);
    expect(first.nextBefore).toBe(meetingId);
    const second = (await recent(communeEditor, commune.id, `?limit=1&before=${first.nextBefore}`)).json();
    expect(second.items.map((i: { id: number }) => i.id)).toEqual([letterId]);
    expect(second.nextBefore).toBeNull();
    expect((await recent(communeEditor, commune.id, '?limit=0')).statusCode).toBe(400);
  });

  it('shows the province the list without contact state or the right to reveal; hides it from a sibling unit', async () => {
    const above = await recent(provinceAdmin, commune.id);
    expect(above.statusCode).toBe(200);
    expect(above.json().canViewContacts).toBe(false);
    expect(above.json().items.map((i: { contact: unknown }) => i.contact)).toEqual([null, null]);
    const contactUrl = `/api/v1/consultations/DH14/submissions/${letterId}/contact`;
    expect((await app.inject({ method: 'GET', url: contactUrl, headers: provinceAdmin.headers })).statusCode).toBe(403);
    expect((await recent(siblingEditor, commune.id)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: contactUrl, headers: siblingEditor.headers })).statusCode).toBe(404);
    expect((await recent(null, commune.id)).statusCode).toBe(401);
    // The sibling's own list is empty: submissions belong to the unit that received them.
    expect((await recent(siblingEditor, sibling.id)).json()).toMatchObject({ canViewContacts: true, items: [] });
  });

  it('says "erased" once the retention period has erased the contact', async () => {
    await eraseExpiredContacts(db, { retentionDays: 1, now: new Date(Date.now() + 2 * 86_400_000) });
    const letter = (await recent(communeEditor, commune.id)).json().items.find((i: { id: number }) => i.id === letterId);
    expect(letter.contact).toBe('erased');
  });
});
