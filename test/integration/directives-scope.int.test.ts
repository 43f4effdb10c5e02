import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * Citations never cross what a unit may see (issue 9, item 4): two provinces A and B, a district A1
 * under A. A reference resolves only to a directive its register unit sees; a response never carries
 * the id or subject of a directive the caller cannot see; registering a number another province cites
 * does not re-point that province's link.
 */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);

let provinceA: number;
let districtA1: number;
let provinceB: number;
let editorA: Session;
let editorA1: Session;
let viewerA1: Session;
let editorB: Session;

const SECRET = 'MẬT: Phương án nhân sự khóa mới';

type Ref = { numberSymbol: string; relation: 'implements' | 'basis' | 'cites'; year?: number };
function input(ownerUnitId: number, numberSymbol: string, subject: string, extra: { refs?: Ref[]; recipients?: number[] } = {}) {
  return {
    ownerUnitId,
    text: `Số ${numberSymbol}\n${subject}\n`,
    docType: 'Công văn',
    convention: 'party' as const,
    numberSymbol,
    issuerName: null,
    issuerUnitId: null as number | null,
    place: null,
    date: { year: 2026, month: 1, day: 5 },
    subject,
    recipients: (extra.recipients ?? []).map((unitId) => ({ name: `Đơn vị ${unitId}`, unitId })),
    distribution: [],
    signer: null,
    references: (extra.refs ?? []).map((r) => ({ docType: 'Công văn', numberSymbol: r.numberSymbol, date: r.year ? { year: r.year, month: null, day: null } : null, issuerName: null, relation: r.relation })),
    deadlines: [],
  };
}

async function register(session: Session, payload: ReturnType<typeof input>): Promise<{ id: number; body: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/directives', headers: session.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return { id: (res.json() as { id: number }).id, body: res.body };
}
const get = (session: Session, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.headers });
const targetsOf = async (directiveId: number) =>
  (await db.execute<{ target_id: number | null }>(sql`select target_id from directive_references where directive_id = ${directiveId} order by position`)).rows.map((r) => r.target_id);

/** The id and subject of `hidden` appear nowhere in a response body. */
function expectNoTrace(body: string, hidden: { id: number; subject: string }) {
  expect(body).not.toContain(hidden.subject);
  expect(body).not.toMatch(new RegExp(`"(targetId|directiveId|id|implementingDirectiveId)":${hidden.id}[,}]`));
}

let secret: number;

beforeAll(async () => {
  // Directive ids far from every other id in this database, so that finding one in a body means a leak.
  await db.execute(sql`alter table directives alter column id restart with 90001`);
  provinceA = (await buildUnit(db, { name: 'Tỉnh ủy A', code: 'A-TU', kind: 'party_committee' })).id;
  districtA1 = (await buildUnit(db, { name: 'Huyện ủy A1', code: 'A1-HU', kind: 'party_committee', parentId: provinceA })).id;
  provinceB = (await buildUnit(db, { name: 'Tỉnh ủy B', code: 'B-TU', kind: 'party_committee' })).id;
  await buildUser(db, { username: 'bientap.a', role: 'editor', unitId: provinceA });
  await buildUser(db, { username: 'bientap.a1', role: 'editor', unitId: districtA1 });
  await buildUser(db, { username: 'xem.a1', role: 'viewer', unitId: districtA1 });
  await buildUser(db, { username: 'bientap.b', role: 'editor', unitId: provinceB });
  editorA = await logInAs(app, 'bientap.a');
  editorA1 = await logInAs(app, 'bientap.a1');
  viewerA1 = await logInAs(app, 'xem.a1');
  editorB = await logInAs(app, 'bientap.b');
  secret = (await register(editorA, input(provinceA, '01-CT/TU', SECRET))).id;
});

describe('citations across provinces', () => {
  it('a citation of another province’s directive by number stays unresolved, and its id and subject never reach the citing side', async () => {
    const citing = await register(editorB, input(provinceB, '10-CV/TU', 'Triển khai nhiệm vụ năm 2026', { refs: [{ numberSymbol: '01-CT/TU', relation: 'implements' }] }));
    expectNoTrace(citing.body, { id: secret, subject: SECRET });
    expect(await targetsOf(citing.id)).toEqual([null]);

    const detail = await get(editorB, `/directives/${citing.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().references[0]).toMatchObject({ numberSymbol: '01-CT/TU', targetId: null, targetSubject: null });
    expectNoTrace(detail.body, { id: secret, subject: SECRET });

    const cascade = await get(editorB, `/directives/${citing.id}/cascade`);
    expect(cascade.statusCode).toBe(200);
    expect(cascade.json().roots[0]).toMatchObject({ kind: 'placeholder', directiveId: null, numberSymbol: '01-CT/TU', subject: null });
    expectNoTrace(cascade.body, { id: secret, subject: SECRET });

    const corrected = await app.inject({ method: 'PUT', url: `/api/v1/directives/${citing.id}`, headers: editorB.headers, payload: input(provinceB, '10-CV/TU', 'Triển khai nhiệm vụ năm 2026 (sửa)', { refs: [{ numberSymbol: '01-CT/TU', relation: 'cites' }] }) });
    expect(corrected.statusCode).toBe(200);
    expectNoTrace(corrected.body, { id: secret, subject: SECRET });

    for (const url of ['/directives', '/directives?numberSymbol=01-CT', `/directives?q=${encodeURIComponent('phuong an nhan su')}`]) {
      expectNoTrace((await get(editorB, url)).body, { id: secret, subject: SECRET });
    }
    // The owner's side is unchanged: A sees its directive, nobody in A is told that B cites it.
    expect((await get(editorA, `/directives/${secret}`)).json().citedBy).toEqual([]);
  });

  it('a link made before this rule (set directly) still shows nothing of its target to the citing side', async () => {
    const citing = await register(editorB, input(provinceB, '12-CV/TU', 'Văn bản dẫn số 01', { refs: [{ numberSymbol: '01-CT/TU', relation: 'implements' }] }));
    await db.execute(sql`update directive_references set target_id = ${secret} where directive_id = ${citing.id}`);
    const detail = await get(editorB, `/directives/${citing.id}`);
    expect(detail.json().references[0]).toMatchObject({ targetId: null, targetSubject: null });
    expectNoTrace(detail.body, { id: secret, subject: SECRET });
    const cascade = await get(editorB, `/directives/${citing.id}/cascade`);
    expect(cascade.json().roots[0]).toMatchObject({ kind: 'placeholder', directiveId: null, numberSymbol: '01-CT/TU' });
    expectNoTrace(cascade.body, { id: secret, subject: SECRET });
    expect((await get(editorA, `/directives/${secret}`)).json().citedBy).toEqual([]);
  });

  it('the data migration unlinks links made before this rule and keeps those the citing unit sees', async () => {
    const foreign = await register(editorB, input(provinceB, '13-CV/TU', 'Văn bản dẫn số 01 lần nữa', { refs: [{ numberSymbol: '01-CT/TU', relation: 'cites' }] }));
    const own = await register(editorA, input(provinceA, '14-CV/TU', 'Văn bản của tỉnh A dẫn số 01', { refs: [{ numberSymbol: '01-CT/TU', relation: 'cites' }] }));
    await db.execute(sql`update directive_references set target_id = ${secret} where directive_id = ${foreign.id}`);
    expect([await targetsOf(foreign.id), await targetsOf(own.id)]).toEqual([[secret], [secret]]);
    const dir = path.resolve(import.meta.dirname, '../../drizzle');
    const file = (await readdir(dir)).find((f) => f.endsWith('_unlink_unseen_citations.sql'));
    await db.execute(sql.raw(await readFile(path.join(dir, file as string), 'utf8')));
    expect([await targetsOf(foreign.id), await targetsOf(own.id)]).toEqual([[null], [secret]]);
  });

  it('registering the number another province cites does not re-point that province’s link; its own registration later does', async () => {
    const citing = await register(editorA, input(provinceA, '11-CV/TU', 'Thực hiện kế hoạch tuyên truyền', { refs: [{ numberSymbol: '05-KH/TU', relation: 'implements', year: 2026 }] }));
    expect(await targetsOf(citing.id)).toEqual([null]);

    const forged = await register(editorB, input(provinceB, '05-KH/TU', 'Văn bản giả mạo của tỉnh B'));
    expect(await targetsOf(citing.id)).toEqual([null]);
    const detail = await get(editorA, `/directives/${citing.id}`);
    expect(detail.json().references[0]).toMatchObject({ targetId: null, targetSubject: null });
    expectNoTrace(detail.body, { id: forged.id, subject: 'Văn bản giả mạo của tỉnh B' });
    expectNoTrace((await get(editorA, `/directives/${citing.id}/cascade`)).body, { id: forged.id, subject: 'Văn bản giả mạo của tỉnh B' });
    expect((await get(editorB, `/directives/${forged.id}`)).json().citedBy).toEqual([]);

    const genuine = await register(editorA, input(provinceA, '05-KH/TU', 'Kế hoạch tuyên truyền của tỉnh A'));
    expect(await targetsOf(citing.id)).toEqual([genuine.id]);
    expect((await get(editorA, `/directives/${citing.id}`)).json().references[0]).toMatchObject({ targetId: genuine.id, targetSubject: 'Kế hoạch tuyên truyền của tỉnh A' });
  });
});

describe('citations within a province', () => {
  it('a district’s citation resolves to the province directive addressed to it, and unlinks when a correction takes the district off', async () => {
    const plan = input(provinceA, '20-KH/TU', 'Kế hoạch gửi các huyện ủy', { recipients: [districtA1] });
    const parent = await register(editorA, plan);
    const child = await register(editorA1, input(districtA1, '03-CV/HU', 'Huyện ủy A1 thực hiện kế hoạch 20', { refs: [{ numberSymbol: '20-KH/TU', relation: 'implements' }] }));
    expect(await targetsOf(child.id)).toEqual([parent.id]);
    expect((await get(editorA1, `/directives/${child.id}`)).json().references[0]).toMatchObject({ targetId: parent.id, targetSubject: 'Kế hoạch gửi các huyện ủy' });

    const corrected = await app.inject({ method: 'PUT', url: `/api/v1/directives/${parent.id}`, headers: editorA.headers, payload: { ...plan, recipients: [] } });
    expect(corrected.statusCode).toBe(200);
    expect(await targetsOf(child.id)).toEqual([null]);
  });

  it('a district viewer reading a province directive sees its citations of province-only directives as plain numbers', async () => {
    const letter = await register(editorA, input(provinceA, '30-CV/TU', 'Gửi huyện ủy A1', { recipients: [districtA1], refs: [{ numberSymbol: '01-CT/TU', relation: 'implements' }] }));
    expect(await targetsOf(letter.id)).toEqual([secret]);
    expect((await get(editorA, `/directives/${letter.id}`)).json().references[0]).toMatchObject({ targetId: secret, targetSubject: SECRET });

    const detail = await get(viewerA1, `/directives/${letter.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().references[0]).toMatchObject({ numberSymbol: '01-CT/TU', targetId: null, targetSubject: null });
    expectNoTrace(detail.body, { id: secret, subject: SECRET });
    const cascade = await get(viewerA1, `/directives/${letter.id}/cascade`);
    expect(cascade.json().roots[0]).toMatchObject({ kind: 'placeholder', directiveId: null, numberSymbol: '01-CT/TU' });
    expectNoTrace(cascade.body, { id: secret, subject: SECRET });
  });

  it('a draft the province started for the district from a province-only directive does not link it for the district', async () => {
    const started = await app.inject({ method: 'POST', url: `/api/v1/directives/${secret}/drafts`, headers: editorA.headers, payload: { unitId: districtA1 } });
    expect(started.statusCode).toBe(201);
    expect(started.json().parentDirectiveId).toBe(secret);
    const draft = await get(editorA1, `/drafts/${started.json().id}`);
    expect(draft.statusCode).toBe(200);
    expect(draft.json().parentDirectiveId).toBeNull();
    expect((await get(editorA, `/drafts/${started.json().id}`)).json().parentDirectiveId).toBe(secret);
  });
});

describe('implementation status', () => {
  it('a directive another province registers under a shared superior does not count as implementing by number what that province cannot see', async () => {
    const centre = (await buildUnit(db, { name: 'Trung ương thử', code: 'TW-THU', kind: 'central' })).id;
    const east = (await buildUnit(db, { name: 'Tỉnh ủy Đông', code: 'DONG-TU', kind: 'party_committee', parentId: centre })).id;
    const west = (await buildUnit(db, { name: 'Tỉnh ủy Tây', code: 'TAY-TU', kind: 'party_committee', parentId: centre })).id;
    await buildUser(db, { username: 'bientap.dong', role: 'editor', unitId: east });
    await buildUser(db, { username: 'bientap.tay', role: 'editor', unitId: west });
    await buildUser(db, { username: 'xem.tw', role: 'viewer', unitId: centre });
    const [editorEast, editorWest, viewerCentre] = [await logInAs(app, 'bientap.dong'), await logInAs(app, 'bientap.tay'), await logInAs(app, 'xem.tw')];

    const report = await register(editorEast, input(east, '40-BC/TU', 'Báo cáo gửi Trung ương', { recipients: [centre] }));
    const forged = { ...input(west, '41-CV/TU', 'Tây nhận là đã thực hiện báo cáo của Đông', { refs: [{ numberSymbol: '40-BC/TU', relation: 'implements' }] }), issuerUnitId: centre };
    await register(editorWest, forged);
    const cascade = (await get(viewerCentre, `/directives/${report.id}/cascade`)).json();
    expect(cascade.roots[0]).toMatchObject({ directiveId: report.id, isCurrent: true });
    expect(cascade.roots[0].units).toEqual([expect.objectContaining({ unitId: centre, status: 'none', implementingDirectiveId: null })]);
  });
});
