import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { parseConfig } from '../../src/platform/config/config.js';
import { pgArray } from '../../src/platform/db/database.js';
import { buildApp, type App } from '../../src/server/app.js';
import { periodAt } from '../../src/platform/time/index.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { writeInBatch } from '../../src/modules/consultation/intake/batch.js';
import { eraseExpiredContacts } from '../../src/modules/consultation/intake/contacts.js';
import { loadConsultation } from '../../src/modules/consultation/repository.js';
import { computeWeeklyReport, weeklySchedule } from '../../src/modules/consultation/report/weekly-report.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { logInAs, type Session } from '../support/http.js';

/** Intake from every channel but files: public form, staff entry, meetings, contact details and their privacy. */
const { db } = await createTestDatabase();
const dataDir = mkdtempSync(path.join(tmpdir(), 'lantoa-intake-'));
const PHONE = '0912345678';
const ID_NUMBER = '001203004567';

let app: App;
let province: { id: number; code: string };
let commune: { id: number; code: string };
let otherProvince: { id: number; code: string };
let communeEditor: Session;
let provinceAdmin: Session;
let otherAdmin: Session;

async function buildTestApp(env: Record<string, string> = {}): Promise<App> {
  const config = parseConfig({ LANTOA_DATA_DIR: dataDir, LANTOA_LOG_LEVEL: 'silent', ...env });
  const built = await buildApp({ db, config, logger: false, webRoot: null });
  await built.ready();
  return built;
}

const opinion = (text: string, stance: 'agree' | 'disagree' | 'partial' = 'agree') => ({ documentCode: 'BCCT', stance, text });
const publicBody = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  unitCode: commune.code,
  contributorGroup: 'dang_vien',
  opinions: [opinion('Tán thành với dự thảo.')],
  ...overrides,
});
const submitPublic = (body: unknown, target: App = app) => target.inject({ method: 'POST', url: '/api/v1/public/consultations/DH14/submissions', payload: body as object });

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
  await createConsultation(db, { actor: cliActor(), input: { code: 'CLOSED', title: 'Đợt đã kết thúc', documents: [{ code: 'A', title: 'A' }], opensAt: new Date('2024-01-01'), closesAt: new Date('2024-02-01') } });
  const [bcct] = (await db.execute<{ id: number }>(sql`select d.id from consultation_documents d join consultations c on c.id = d.consultation_id where c.code = 'DH14' and d.code = 'BCCT'`)).rows;
  await db.execute(sql`insert into document_sections (document_id, ref, heading, position) values (${bcct!.id}, 'I', 'Phần I. Đánh giá', 1), (${bcct!.id}, 'I.1', null, 2)`);
  province = await buildUnit(db, { code: 'LCU', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' });
  commune = await buildUnit(db, { code: 'LCU-TD', name: 'Đảng ủy xã Tam Đường', kind: 'party_committee', parentId: province.id });
  otherProvince = await buildUnit(db, { code: 'SLA', name: 'Tỉnh ủy Sơn La', kind: 'party_committee' });
  await buildUser(db, { username: 'bientap.tamduong', role: 'editor', unitId: commune.id });
  await buildUser(db, { username: 'quantri.laichau', role: 'unit_admin', unitId: province.id });
  await buildUser(db, { username: 'quantri.sonla', role: 'unit_admin', unitId: otherProvince.id });
  app = await buildTestApp();
  communeEditor = await logInAs(app, 'bientap.tamduong');
  provinceAdmin = await logInAs(app, 'quantri.laichau');
  otherAdmin = await logInAs(app, 'quantri.sonla');
});

afterAll(async () => {
  await app?.close();
});

async function countOf(table: 'submissions' | 'opinions' | 'submission_contacts', externalId?: string): Promise<number> {
  const where = externalId === undefined ? sql`true` : sql`s.external_id = ${externalId}`;
  const from =
    table === 'submissions' ? sql`submissions s` : table === 'opinions' ? sql`opinions o join submissions s on s.id = o.submission_id` : sql`submission_contacts c join submissions s on s.id = c.submission_id`;
  const [row] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from ${from} where ${where}`)).rows;
  return row?.n ?? 0;
}

describe('public form: reading', () => {
  it('shows an open consultation with its documents, sections and receiving units, searchable without accents', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/public/consultations/DH14?q=tam duong' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.title).toContain('Đại hội XIV');
    expect(body.documents.map((d: { code: string }) => d.code)).toEqual(['BCCT', 'DLD']);
    expect(body.documents[0].sections).toEqual([
      { ref: 'I', heading: 'Phần I. Đánh giá' },
      { ref: 'I.1', heading: null },
    ]);
    expect(body.units).toEqual([{ code: 'LCU-TD', name: 'Đảng ủy xã Tam Đường' }]);
    const units = await app.inject({ method: 'GET', url: '/api/v1/public/consultations/DH14/units?q=SON LA' });
    expect(units.json()).toEqual({ items: [{ code: 'SLA', name: 'Tỉnh ủy Sơn La' }], more: false });
  });

  it('hides consultations that are closed or unknown', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/public/consultations/CLOSED' })).statusCode).toBe(404);
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/public/consultations/NOPE' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'CONSULTATION_NOT_FOUND', details: { code: 'NOPE' } });
    const closed = await app.inject({ method: 'POST', url: '/api/v1/public/consultations/CLOSED/submissions', payload: publicBody({ opinions: [{ documentCode: 'A', stance: 'agree', text: '' }] }) });
    expect(closed.statusCode).toBe(404);
    // The reason and its details are what the web app turns into Vietnamese; the message is the same text.
    expect(closed.json()).toMatchObject({ code: 'NOT_FOUND', reason: 'CONSULTATION_CLOSED', details: { code: 'CLOSED' }, message: 'Đợt lấy ý kiến "CLOSED" đã kết thúc.' });
  });
});

describe('public form: submitting', () => {
  it('stores a submission with two opinions as 1 submission and 2 opinions (channel web, self-submitted)', async () => {
    const body = publicBody({ opinions: [opinion('Tán thành.'), { documentCode: 'BCCT', sectionRef: 'I', stance: 'partial', text: 'Cần bổ sung  đánh giá về chuyển đổi số.' }] });
    const response = await submitPublic(body);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ opinions: 2 });
    const externalId = `web:${body.idempotencyKey}`;
    expect(await countOf('submissions', externalId)).toBe(1);
    expect(await countOf('opinions', externalId)).toBe(2);
    const [row] = (
      await db.execute<{ channel: string; self_submitted: boolean; opinion_count: number; unit_id: number; entered_by_user_id: number | null }>(
        sql`select channel, self_submitted, opinion_count, unit_id, entered_by_user_id from submissions where external_id = ${externalId}`,
      )
    ).rows;
    expect(row).toEqual({ channel: 'web', self_submitted: true, opinion_count: 2, unit_id: commune.id, entered_by_user_id: null });
    const opinionRows = (await db.execute<{ section_ref: string | null; text_key: string; unit_id: number }>(sql`select o.section_ref, o.text_key, o.unit_id from opinions o join submissions s on s.id = o.submission_id where s.external_id = ${externalId} order by o.id`)).rows;
    expect(opinionRows.map((o) => o.section_ref)).toEqual([null, 'I']);
    expect(opinionRows.every((o) => o.unit_id === commune.id && o.text_key !== '')).toBe(true);
  });

  it('stores a text carrying a broken character (a lone surrogate) with U+FFFD in its place instead of failing', async () => {
    const body = publicBody({ opinions: [opinion('Đồng ý \uD83D với dự thảo.')] });
    const response = await submitPublic(body);
    expect(response.statusCode).toBe(201);
    const rows = (await db.execute<{ body: string }>(sql`select o.body from opinions o join submissions s on s.id = o.submission_id where s.external_id = ${`web:${body.idempotencyKey}`}`)).rows;
    expect(rows.map((r) => r.body)).toEqual(['Đồng ý \uFFFD với dự thảo.']);
  });

  it('counts the same idempotency key once, answering the same result', async () => {
    const body = publicBody({ opinions: [opinion('Một.'), opinion('Hai.'), opinion('Ba.')] });
    const first = await submitPublic(body);
    const second = await submitPublic(body);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual(first.json());
    expect(await countOf('submissions', `web:${body.idempotencyKey}`)).toBe(1);
    expect(await countOf('opinions', `web:${body.idempotencyKey}`)).toBe(3);
  });

  it('counts five concurrent duplicates once', async () => {
    const body = publicBody({ opinions: [opinion('Đồng thời.'), opinion('Cùng lúc.')] });
    const responses = await Promise.all(Array.from({ length: 5 }, () => submitPublic(body)));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    expect(await countOf('submissions', `web:${body.idempotencyKey}`)).toBe(1);
    expect(await countOf('opinions', `web:${body.idempotencyKey}`)).toBe(2);
  });

  it('applies the VNeID rules: "Không tán thành" needs a reason, "Đồng ý một phần" needs text', async () => {
    const disagree = await submitPublic(publicBody({ opinions: [opinion('Đồng ý.'), opinion('   ', 'disagree')] }));
    expect(disagree.statusCode).toBe(400);
    expect(disagree.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Ý kiến 2: "Không tán thành" cần nêu lý do.', details: [{ path: ['opinions', 1, 'text'] }] });
    const partial = await submitPublic(publicBody({ opinions: [opinion('', 'partial')] }));
    expect(partial.statusCode).toBe(400);
    expect(partial.json().message).toBe('"Đồng ý một phần" cần nêu nội dung góp ý.');
    const agreeWithoutText = await submitPublic(publicBody({ opinions: [opinion('')] }));
    expect(agreeWithoutText.statusCode).toBe(201);
  });

  it('rejects unknown documents, sections and units, and contact details without consent', async () => {
    const bad = await submitPublic(publicBody({ opinions: [{ documentCode: 'XYZ', stance: 'agree', text: '' }, { documentCode: 'BCCT', sectionRef: 'IX', stance: 'agree', text: '' }] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: unknown[] }) => d.path)).toEqual([
      ['opinions', 0, 'documentCode'],
      ['opinions', 1, 'sectionRef'],
    ]);
    const unit = await submitPublic(publicBody({ unitCode: 'KHONG-CO' }));
    expect(unit.statusCode).toBe(400);
    expect(unit.json().message).toBe('Đơn vị tiếp nhận không tham gia đợt lấy ý kiến này.');
    const noConsent = await submitPublic(publicBody({ contact: { phone: PHONE, consent: false } }));
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().code).toBe('VALIDATION_FAILED');
    const badKey = await submitPublic(publicBody({ idempotencyKey: 'abc' }));
    expect(badKey.statusCode).toBe(400);
  });

  it('is rate-limited per client address (LANTOA_PUBLIC_RATE_LIMIT), and not at all with 0', async () => {
    const limited = await buildTestApp({ LANTOA_PUBLIC_RATE_LIMIT: '2' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await submitPublic(publicBody(), limited)).statusCode);
      expect(statuses).toEqual([201, 201, 429]);
      expect((await submitPublic(publicBody(), limited)).json().code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
    const unlimited = await buildTestApp({ LANTOA_PUBLIC_RATE_LIMIT: '0' });
    try {
      const responses = await Promise.all(Array.from({ length: 40 }, () => submitPublic(publicBody(), unlimited)));
      expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    } finally {
      await unlimited.close();
    }
  });
});

describe('public form: flash crowds and edits', () => {
  // Every request of these tests comes from one address: the per-address limit is turned off.
  let crowd: App;
  beforeAll(async () => {
    crowd = await buildTestApp({ LANTOA_PUBLIC_RATE_LIMIT: '0' });
  });
  afterAll(async () => {
    await crowd.close();
  });
  const submitTo = (code: string, body: unknown) => crowd.inject({ method: 'POST', url: `/api/v1/public/consultations/${code}/submissions`, payload: body as object });
  const consultationId = async (code: string) => (await db.execute<{ id: number }>(sql`select id from consultations where code = ${code}`)).rows[0]!.id;

  it('stores each of many concurrent submissions once, double clicks included, each with its audit row and no contact detail in it', async () => {
    const bodies = Array.from({ length: 60 }, (_, i) =>
      publicBody({ opinions: [opinion(`Ý kiến đồng thời số ${i + 1}.`), opinion('Tán thành.')], contact: i % 10 === 0 ? { phone: PHONE, consent: true } : null }),
    );
    const clicked = bodies.slice(0, 3);
    const responses = await Promise.all([...bodies, ...clicked, ...clicked, ...clicked].map((b) => submitTo('DH14', b)));
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(60);
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(9);
    for (const body of clicked) {
      const answers = responses.filter((_, i) => (i < 60 ? bodies[i] : clicked[(i - 60) % 3]) === body);
      expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    }
    const keys = bodies.map((b) => `web:${b.idempotencyKey as string}`);
    const [counts] = (
      await db.execute<{ submissions: number; opinions: number; contacts: number; audits: number; leaked: number }>(sql`
        select (select count(*) from submissions where external_id = any(${pgArray(keys)}::text[]))::int as submissions,
               (select count(*) from opinions o join submissions s on s.id = o.submission_id where s.external_id = any(${pgArray(keys)}::text[]))::int as opinions,
               (select count(*) from submission_contacts c join submissions s on s.id = c.submission_id where s.external_id = any(${pgArray(keys)}::text[]))::int as contacts,
               (select count(*) from audit_log a join submissions s on a.entity_id = s.id::text
                where a.action = 'consultation.submission_receive' and a.actor_username = 'public:web' and a.unit_id = s.unit_id and s.external_id = any(${pgArray(keys)}::text[]))::int as audits,
               (select count(*) from audit_log a where a.after::text like ${`%${PHONE}%`})::int as leaked`)
    ).rows;
    expect(counts).toEqual({ submissions: 60, opinions: 120, contacts: 6, audits: 60, leaked: 0 });
  });

  it('writes submissions arriving together in shared statements, and one failing submission costs the others nothing', async () => {
    const id = await consultationId('DH14');
    const [bcct] = (await db.execute<{ id: number }>(sql`select id from consultation_documents where consultation_id = ${id} and code = 'BCCT'`)).rows;
    const row = (stance: 'agree' | 'bogus') => ({
      consultationId: id,
      externalId: `web:${randomUUID()}`,
      unit: { id: commune.id },
      channel: 'web' as const,
      contributorGroup: 'nhan_dan' as const,
      submittedAt: new Date(),
      selfSubmitted: true,
      enteredByUserId: null,
      opinions: [{ documentId: bcct!.id, sectionRef: null, stance: stance as 'agree', body: '' }],
      sealedContact: null,
      audit: null,
    });
    const together = Array.from({ length: 20 }, () => row('agree'));
    await Promise.all(together.map((r) => writeInBatch(db, r, { byCode: false, guard: false })));
    const [shared] = (await db.execute<{ n: number; statements: number }>(sql`select count(*)::int as n, count(distinct xmin::text)::int as statements from submissions where external_id = any(${pgArray(together.map((r) => r.externalId))}::text[])`)).rows;
    expect(shared!.n).toBe(20);
    expect(shared!.statements).toBeLessThan(20);
    // The last one breaks a check constraint of opinions: its statement fails, and the others are written again without it.
    const rows = [...Array.from({ length: 19 }, () => row('agree')), row('bogus')];
    const settled = await Promise.allSettled(rows.map((r) => writeInBatch(db, r, { byCode: false, guard: false })));
    expect(settled.map((s) => s.status)).toEqual([...Array.from({ length: 19 }, () => 'fulfilled'), 'rejected']);
    expect(await countOf('submissions', rows[19]!.externalId)).toBe(0);
    const [written] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from submissions where external_id = any(${pgArray(rows.map((r) => r.externalId))}::text[])`)).rows;
    expect(written!.n).toBe(19);
  });

  it('sees at once a consultation closed, a section added and a section removed after the form was read', async () => {
    await createConsultation(db, { actor: cliActor(), input: { code: 'EDIT', title: 'Đợt được sửa', documents: [{ code: 'DT', title: 'Dự thảo' }], opensAt: new Date(Date.now() - 86_400_000) } });
    const id = await consultationId('EDIT');
    const [doc] = (await db.execute<{ id: number }>(sql`select id from consultation_documents where consultation_id = ${id}`)).rows;
    await db.execute(sql`insert into document_sections (document_id, ref, heading, position) values (${doc!.id}, 'I', 'Phần I', 1)`);
    const body = (sectionRef: string) => publicBody({ opinions: [{ documentCode: 'DT', sectionRef, stance: 'agree', text: '' }] });
    expect((await submitTo('EDIT', body('I'))).statusCode).toBe(201);
    expect((await crowd.inject({ method: 'GET', url: '/api/v1/public/consultations/EDIT' })).json().documents[0].sections).toEqual([{ ref: 'I', heading: 'Phần I' }]);

    await db.execute(sql`insert into document_sections (document_id, ref, heading, position) values (${doc!.id}, 'II', 'Phần II', 2)`);
    expect((await submitTo('EDIT', body('II'))).statusCode).toBe(201);

    await db.execute(sql`delete from document_sections where document_id = ${doc!.id} and ref = 'I'`);
    const removed = body('I');
    const refused = await submitTo('EDIT', removed);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe('dự thảo không có phần "I".');
    expect(await countOf('submissions', `web:${removed.idempotencyKey as string}`)).toBe(0);

    await db.execute(sql`update consultations set closes_at = now() - interval '1 second' where id = ${id}`);
    const late = body('II');
    const closed = await submitTo('EDIT', late);
    expect(closed.statusCode).toBe(404);
    expect(closed.json().message).toContain('đã kết thúc');
    expect(await countOf('submissions', `web:${late.idempotencyKey as string}`)).toBe(0);
  });

  it('takes feedback only for the units taking part (a listed unit and its subtree) that are not dissolved', async () => {
    await createConsultation(db, { actor: cliActor(), input: { code: 'LCU-ONLY', title: 'Chỉ Lai Châu', documents: [{ code: 'DT', title: 'Dự thảo' }], opensAt: new Date(Date.now() - 86_400_000) } });
    const id = await consultationId('LCU-ONLY');
    await db.execute(sql`update consultations set all_units = false where id = ${id}`);
    await db.execute(sql`insert into consultation_units (consultation_id, unit_id) values (${id}, ${province.id})`);
    const dissolved = await buildUnit(db, { code: 'LCU-CU', name: 'Đảng ủy xã cũ', kind: 'party_committee', parentId: province.id });
    await db.execute(sql`update units set active_to = '2020-12-31' where id = ${dissolved.id}`);
    const body = (unitCode: string) => publicBody({ unitCode, opinions: [{ documentCode: 'DT', stance: 'agree', text: '' }] });
    expect((await submitTo('LCU-ONLY', body(commune.code))).statusCode).toBe(201);
    expect((await submitTo('LCU-ONLY', body(province.code))).statusCode).toBe(201);
    for (const unitCode of [otherProvince.code, dissolved.code]) {
      const refused = await submitTo('LCU-ONLY', body(unitCode));
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Đơn vị tiếp nhận không tham gia đợt lấy ý kiến này.', details: [{ path: ['unitCode'] }] });
    }
  });
});

describe('contact details', () => {
  let submissionId: number;

  it('are sealed: the phone and id numbers appear in no column of any table', async () => {
    const response = await submitPublic(publicBody({ contact: { name: 'Nguyễn Thị Hoa', phone: '0912 345 678', idNumber: ID_NUMBER, consent: true } }));
    expect(response.statusCode).toBe(201);
    submissionId = response.json().submissionId;
    const [contact] = (await db.execute<{ sealed: string; unit_id: number; consent: boolean }>(sql`select sealed, unit_id, consent from submission_contacts where submission_id = ${submissionId}`)).rows;
    expect(contact).toMatchObject({ unit_id: commune.id, consent: true });
    expect(contact!.sealed).toMatch(/^v1:/);
    expect(existsSync(path.join(dataDir, 'contact.key'))).toBe(true);
    const tables = (await db.execute<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)).rows;
    for (const { table_name } of tables) {
      for (const needle of [PHONE, ID_NUMBER, 'Nguyễn Thị Hoa']) {
        const [hit] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text like ${`%${needle}%`}`)).rows;
        expect({ table_name, needle, n: hit?.n }).toEqual({ table_name, needle, n: 0 });
      }
    }
  });

  it('are shown, audited, to the editor of the receiving unit only', async () => {
    const url = `/api/v1/consultations/DH14/submissions/${submissionId}/contact`;
    const mine = await app.inject({ method: 'GET', url, headers: communeEditor.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ submissionId, unitId: commune.id, name: 'Nguyễn Thị Hoa', phone: PHONE, idNumber: ID_NUMBER, consent: true, erasedAt: null });
    const [audit] = (await db.execute<{ actor_username: string; unit_id: number; after: unknown }>(sql`select actor_username, unit_id, after from audit_log where action = 'consultation.contact_view'`)).rows;
    expect(audit).toMatchObject({ actor_username: 'bientap.tamduong', unit_id: commune.id });
    expect(JSON.stringify(audit?.after)).not.toContain(PHONE);
    // The province above the commune does not receive the details ("không chuyển lên cấp trên").
    const above = await app.inject({ method: 'GET', url, headers: provinceAdmin.headers });
    expect(above.statusCode).toBe(403);
    expect(JSON.stringify(above.json())).not.toContain(PHONE);
    const other = await app.inject({ method: 'GET', url, headers: otherAdmin.headers });
    expect(other.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/api/v1/consultations/CLOSED/submissions/${submissionId}/contact`, headers: communeEditor.headers })).statusCode).toBe(404);
  });

  it('stay out of reach of a province admin who grants itself a role on the receiving unit', async () => {
    const url = `/api/v1/consultations/DH14/submissions/${submissionId}/contact`;
    const me = (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: provinceAdmin.headers })).json() as { user: { id: number } };
    const selfGrant = await app.inject({ method: 'POST', url: `/api/v1/users/${me.user.id}/grants`, headers: provinceAdmin.headers, payload: { role: 'editor', unitId: commune.id } });
    expect(selfGrant.statusCode).toBe(403);
    // A grant its holder made before self-grants were refused does not open the contacts either.
    await db.execute(sql`insert into role_grants (user_id, role, unit_id, granted_by_user_id) values (${me.user.id}, 'editor', ${commune.id}, ${me.user.id})`);
    const again = await logInAs(app, 'quantri.laichau');
    const reveal = await app.inject({ method: 'GET', url, headers: again.headers });
    expect(reveal.statusCode).toBe(403);
    expect(JSON.stringify(reveal.json())).not.toContain(PHONE);
    const list = (await app.inject({ method: 'GET', url: `/api/v1/consultations/DH14/units/${commune.id}/submissions`, headers: again.headers })).json() as { canViewContacts: boolean };
    expect(list.canViewContacts).toBe(false);
    await db.execute(sql`delete from role_grants where user_id = ${me.user.id} and unit_id = ${commune.id}`);
  });

  it('are erased after the retention period, leaving the submission and its opinions', async () => {
    const before = await countOf('opinions');
    expect((await eraseExpiredContacts(db, { retentionDays: 365, now: new Date(Date.now() + 364 * 86_400_000) })).erased).toBe(0);
    const { erased } = await eraseExpiredContacts(db, { retentionDays: 365, now: new Date(Date.now() + 366 * 86_400_000) });
    expect(erased).toBeGreaterThanOrEqual(1);
    const [row] = (await db.execute<{ sealed: string | null; erased_at: string | null }>(sql`select sealed, erased_at from submission_contacts where submission_id = ${submissionId}`)).rows;
    expect(row?.sealed).toBeNull();
    expect(row?.erased_at).not.toBeNull();
    expect(await countOf('opinions')).toBe(before);
    const view = await app.inject({ method: 'GET', url: `/api/v1/consultations/DH14/submissions/${submissionId}/contact`, headers: communeEditor.headers });
    expect(view.json()).toMatchObject({ name: null, phone: null, idNumber: null });
    expect(view.json().erasedAt).not.toBeNull();
  });
});

describe('staff entry and meetings', () => {
  it('lets the editor of the receiving unit type in a letter (not self-submitted, submitted when sent)', async () => {
    const sentAt = new Date(Date.now() - 2 * 86_400_000);
    const payload = {
      idempotencyKey: randomUUID(),
      unitId: commune.id,
      channel: 'letter',
      contributorGroup: 'nhan_dan',
      submittedAt: sentAt.toISOString().replace('Z', '+00:00'),
      opinions: [
        { documentCode: 'BCCT', stance: 'none', text: 'Thư góp ý về công tác cán bộ.' },
        { documentCode: 'DLD', stance: 'agree', text: '' },
      ],
    };
    const response = await app.inject({ method: 'POST', url: '/api/v1/consultations/DH14/submissions', headers: communeEditor.headers, payload });
    expect(response.statusCode).toBe(201);
    expect(response.json().opinions).toBe(2);
    const again = await app.inject({ method: 'POST', url: '/api/v1/consultations/DH14/submissions', headers: communeEditor.headers, payload });
    expect(again.statusCode).toBe(200);
    const [row] = (await db.execute<{ channel: string; self_submitted: boolean; submitted_at: string; entered_by_user_id: number | null }>(sql`select channel, self_submitted, submitted_at, entered_by_user_id from submissions where external_id = ${`staff:${payload.idempotencyKey}`}`)).rows;
    expect(row).toMatchObject({ channel: 'letter', self_submitted: false });
    expect(new Date(row!.submitted_at).getTime()).toBe(sentAt.getTime());
    expect(row?.entered_by_user_id).not.toBeNull();
    // One audit row for the entry, none for the retry.
    const audits = (await db.execute<{ unit_id: number; actor_user_id: number | null }>(sql`select unit_id, actor_user_id from audit_log where action = 'consultation.submission_enter' and after->>'externalId' = ${`staff:${payload.idempotencyKey}`}`)).rows;
    expect(audits).toEqual([{ unit_id: commune.id, actor_user_id: row!.entered_by_user_id }]);
    // Another province's admin cannot enter for the commune; a future instant is refused.
    expect((await app.inject({ method: 'POST', url: '/api/v1/consultations/DH14/submissions', headers: otherAdmin.headers, payload: { ...payload, idempotencyKey: randomUUID() } })).statusCode).toBe(404);
    const future = await app.inject({ method: 'POST', url: '/api/v1/consultations/DH14/submissions', headers: communeEditor.headers, payload: { ...payload, idempotencyKey: randomUUID(), submittedAt: '2099-01-01T00:00:00+07:00' } });
    expect(future.statusCode).toBe(400);
    const noCsrf = await app.inject({ method: 'POST', url: '/api/v1/consultations/DH14/submissions', headers: { cookie: communeEditor.cookie }, payload: { ...payload, idempotencyKey: randomUUID() } });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('records a meeting as one submission of channel meeting with the opinions of its minutes; its details go to the audit row', async () => {
    const idempotencyKey = randomUUID();
    const heldAt = new Date(Date.now() - 3_600_000);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/consultations/DH14/meetings',
      headers: communeEditor.headers,
      payload: {
        idempotencyKey,
        unitId: commune.id,
        heldAt: heldAt.toISOString(),
        kind: 'hoi_nghi',
        title: 'Hội nghị lấy ý kiến đảng viên xã Tam Đường',
        attendees: 85,
        contributorGroup: 'dang_vien',
        opinions: [
          { documentCode: 'BCCT', stance: 'agree', text: 'Nhất trí cao với dự thảo.' },
          { documentCode: 'BCCT', stance: 'partial', text: 'Đề nghị làm rõ chỉ tiêu tăng trưởng.' },
          { documentCode: 'DLD', stance: 'disagree', text: 'Không tán thành bỏ quy định …, vì …' },
        ],
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().opinions).toBe(3);
    const [row] = (await db.execute<{ channel: string; self_submitted: boolean; opinion_count: number; contributor_group: string }>(sql`select channel, self_submitted, opinion_count, contributor_group from submissions where external_id = ${`meeting:${idempotencyKey}`}`)).rows;
    expect(row).toEqual({ channel: 'meeting', self_submitted: false, opinion_count: 3, contributor_group: 'dang_vien' });
    const [audit] = (await db.execute<{ after: { meeting: unknown } }>(sql`select after from audit_log where action = 'consultation.meeting_record'`)).rows;
    expect(audit?.after.meeting).toEqual({ kind: 'hoi_nghi', title: 'Hội nghị lấy ý kiến đảng viên xã Tam Đường', heldAt: heldAt.toISOString(), attendees: 85 });
  });

  it('counts web, staff and meeting submissions in the weekly report', async () => {
    const consultation = await loadConsultation(db, 'DH14');
    const period = periodAt(weeklySchedule(consultation), new Date());
    const periodEnd = new Date(period.end.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const [totals] = (
      await db.execute<{ submissions: number; opinions: number; web: number; letter: number; meeting: number }>(sql`
        select count(*)::int as submissions, sum(opinion_count)::int as opinions,
               (count(*) filter (where channel = 'web'))::int as web, (count(*) filter (where channel = 'letter'))::int as letter,
               (count(*) filter (where channel = 'meeting'))::int as meeting
        from submissions where unit_id = ${commune.id} and consultation_id = ${consultation.id}`)
    ).rows;
    expect(totals!.web).toBeGreaterThan(0);
    expect(totals!.letter).toBe(1);
    expect(totals!.meeting).toBe(1);
    for (const unitId of [commune.id, province.id]) {
      const report = await computeWeeklyReport(db, { consultation, unitId, periodEnd });
      expect(report.cumulative).toEqual({ submissions: totals!.submissions, opinions: totals!.opinions });
    }
    const report = await computeWeeklyReport(db, { consultation, unitId: province.id, periodEnd });
    expect(report.byChannel.web).toBeGreaterThan(0);
    expect(report.children.find((c) => c.code === commune.code)?.submissions).toBeGreaterThan(0);
  });
});
