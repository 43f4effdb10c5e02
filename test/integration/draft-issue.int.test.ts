import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectWaitingDrafts } from '../../src/modules/directives/extension-repository.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit, buildUser, directiveInput } from '../support/factories.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * Issue 11, item 1: implementing drafts have a life. A draft is found again in the list of its unit's
 * drafts (scoped to the caller's subtrees), a second start offers the existing one, and "Ban hành"
 * registers it as a directive of its unit implementing the parent — resolved even though the parent
 * has a blank number — so that the parent's cascade counts the unit; then it is read-only.
 */
const { db } = await createTestDatabase();
const app = await buildTestApp(db);

let province: number;
let district1: number;
let cell1: number;
let district2: number;
let parentId: number;
const s: Record<'province' | 'd1' | 'viewerD1' | 'd2' | 'other', Session> = {} as never;

const api = (session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers: session.headers, ...(payload ? { payload } : {}) });
const start = (session: Session, unitId: number, again?: boolean) => api(session, 'POST', `/directives/${parentId}/drafts`, { unitId, ...(again ? { again } : {}) });
const issue = (session: Session, draftId: number, numberSymbol = '15-CV/HU', date = { year: 2026, month: 1, day: 20 }) =>
  api(session, 'POST', `/drafts/${draftId}/issue`, { numberSymbol, date });

beforeAll(async () => {
  province = (await buildUnit(db, { name: 'Tỉnh ủy Thử', code: 'T-TU', kind: 'party_committee', abbreviation: 'TU' })).id;
  district1 = (await buildUnit(db, { name: 'Huyện ủy Một', code: 'T-HU1', kind: 'party_committee', parentId: province, abbreviation: 'HU' })).id;
  cell1 = (await buildUnit(db, { name: 'Chi bộ Thôn Một', code: 'T-CB1', kind: 'party_cell', parentId: district1 })).id;
  district2 = (await buildUnit(db, { name: 'Huyện ủy Hai', code: 'T-HU2', kind: 'party_committee', parentId: province, abbreviation: 'HU' })).id;
  const other = (await buildUnit(db, { name: 'Tỉnh ủy Khác', code: 'K-TU', kind: 'party_committee' })).id;
  await buildUser(db, { username: 'bientap.tinh', role: 'editor', unitId: province });
  await buildUser(db, { username: 'bientap.h1', role: 'editor', unitId: district1 });
  await buildUser(db, { username: 'xem.h1', role: 'viewer', unitId: district1 });
  await buildUser(db, { username: 'bientap.h2', role: 'editor', unitId: district2 });
  await buildUser(db, { username: 'bientap.khac', role: 'editor', unitId: other });
  s.province = await logInAs(app, 'bientap.tinh');
  s.d1 = await logInAs(app, 'bientap.h1');
  s.viewerD1 = await logInAs(app, 'xem.h1');
  s.d2 = await logInAs(app, 'bientap.h2');
  s.other = await logInAs(app, 'bientap.khac');
  // The parent has a blank number (as seed 004): no symbol key could resolve a citation of it.
  const parent = await api(s.province, 'POST', '/directives', directiveInput(province, '', 'V/v tuyên truyền Đại hội', { recipients: [district1, district2] }));
  expect(parent.statusCode, parent.body).toBe(201);
  parentId = parent.json().id;
});

describe('drafts of implementing directives (issue 11, item 1)', () => {
  let draft1: number;

  it('starts a draft in status "draft"; a second start answers with the existing draft unless asked again', async () => {
    const first = await start(s.d1, district1);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'draft', issuedDirectiveId: null, canEdit: true, parentDirectiveId: parentId });
    draft1 = first.json().id;

    const second = await start(s.d1, district1);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ reason: 'DRAFT_ALREADY_STARTED', details: { draftId: draft1, status: 'draft', unitName: 'Huyện ủy Một' } });
    expect(second.json().message).toContain('Huyện ủy Một đã có dự thảo');

    const d2 = await start(s.d2, district2);
    expect(d2.statusCode).toBe(201);
    const again = await start(s.d2, district2, true);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).not.toBe(d2.json().id);
  });

  it('lists the drafts of the caller’s subtrees only, with the parent directive', async () => {
    const ofD1 = (await api(s.d1, 'GET', '/drafts')).json().items as { id: number; unitId: number; status: string; parent: { id: number } | null }[];
    expect(ofD1.map((d) => d.id)).toEqual([draft1]);
    expect(ofD1[0]).toMatchObject({ unitId: district1, unitName: 'Huyện ủy Một', status: 'draft', parent: { id: parentId, docType: 'Công văn' } });
    expect((await api(s.viewerD1, 'GET', '/drafts')).json().items.map((d: { id: number }) => d.id)).toEqual([draft1]);
    const ofProvince = (await api(s.province, 'GET', `/drafts?parentDirectiveId=${parentId}`)).json().items as { unitId: number }[];
    expect(ofProvince.map((d) => d.unitId).sort()).toEqual([district1, district2, district2].sort());
    expect((await api(s.province, 'GET', `/drafts?unitId=${district2}`)).json().items).toHaveLength(2);
    expect((await api(s.other, 'GET', '/drafts')).json().items).toEqual([]);
    expect((await api(s.d2, 'GET', `/drafts/${draft1}`)).statusCode).toBe(404);
  });

  it('refuses "Ban hành" to a viewer, without a number, or with an impossible date', async () => {
    const viewer = await issue(s.viewerD1, draft1);
    expect(viewer.statusCode).toBe(403);
    expect((await api(s.viewerD1, 'GET', `/drafts/${draft1}`)).json()).toMatchObject({ status: 'draft', canEdit: false });
    expect((await issue(s.d2, draft1)).statusCode).toBe(404);
    const noNumber = await issue(s.d1, draft1, '-CV/HU');
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json().reason).toBe('DRAFT_NUMBER_REQUIRED');
    expect((await issue(s.d1, draft1, '15-CV/HU', { year: 2026, month: 2, day: 30 })).json().reason).toBe('DRAFT_DATE_INVALID');
    expect((await api(s.d1, 'GET', `/drafts/${draft1}`)).json().status).toBe('draft');
  });

  it('issues the draft as a directive of its unit implementing the parent; the cascade counts the unit', async () => {
    const issued = await issue(s.d1, draft1);
    expect(issued.statusCode, issued.body).toBe(201);
    const directiveId = issued.json().directiveId as number;

    const directive = (await api(s.d1, 'GET', `/directives/${directiveId}`)).json();
    expect(directive).toMatchObject({ ownerUnitId: district1, issuerUnitId: district1, numberSymbol: '15-CV/HU', date: { year: 2026, month: 1, day: 20 }, docType: 'Công văn' });
    expect(directive.references).toEqual([expect.objectContaining({ relation: 'implements', targetId: parentId })]);
    expect(directive.recipients).toEqual([{ name: 'Chi bộ Thôn Một', unitId: cell1, unitName: 'Chi bộ Thôn Một' }]);
    expect(directive.text).toMatch(/^Thực hiện Công văn/u);

    const node = (await api(s.province, 'GET', `/directives/${parentId}/cascade`)).json().roots[0];
    expect(node.directiveId).toBe(parentId);
    expect(node.units).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitId: district1, status: 'implemented', implementingDirectiveId: directiveId }),
        expect.objectContaining({ unitId: district2, status: 'none' }),
      ]),
    );
    expect(node.children.map((c: { directiveId: number }) => c.directiveId)).toEqual([directiveId]);

    const draft = (await api(s.d1, 'GET', `/drafts/${draft1}`)).json();
    expect(draft).toMatchObject({ status: 'issued', issuedDirectiveId: directiveId, canEdit: false });
    expect(draft.content.numberSymbol).toBe('15-CV/HU');
    const audit = await db.execute<{ action: string; entity_id: number }>(sql`select action, entity_id::int as entity_id from audit_log where action in ('draft.issue', 'directive.register') order by id`);
    expect(audit.rows.slice(-2)).toEqual([
      { action: 'directive.register', entity_id: directiveId },
      { action: 'draft.issue', entity_id: draft1 },
    ]);
  });

  it('a correction of the issued directive keeps its link to the blank-number parent', async () => {
    const [draft] = (await api(s.d1, 'GET', '/drafts?status=issued')).json().items as { issuedDirectiveId: number }[];
    const id = draft!.issuedDirectiveId;
    const d = (await api(s.d1, 'GET', `/directives/${id}`)).json();
    const addressees = (list: { name: string; unitId: number | null }[]) => list.map(({ name, unitId }) => ({ name, unitId }));
    const fields = {
      ownerUnitId: d.ownerUnitId, text: d.text, docType: d.docType, convention: d.convention, numberSymbol: d.numberSymbol, issuerName: d.issuerName,
      issuerUnitId: d.issuerUnitId, place: d.place, date: d.date, subject: `${d.subject} (sửa)`, recipients: addressees(d.recipients),
      distribution: addressees(d.distribution), signer: d.signer, deadlines: d.deadlines,
      references: d.references.map(({ docType, numberSymbol, date, issuerName, relation }: Record<string, unknown>) => ({ docType, numberSymbol, date, issuerName, relation })),
    };
    expect((await api(s.d1, 'PUT', `/directives/${id}`, fields)).statusCode).toBe(200);
    expect((await api(s.d1, 'GET', `/directives/${id}`)).json().references).toEqual([expect.objectContaining({ relation: 'implements', targetId: parentId })]);
  });

  it('an issued draft is read-only and cannot be issued twice', async () => {
    const twice = await issue(s.d1, draft1, '16-CV/HU');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().reason).toBe('DRAFT_ALREADY_ISSUED');
    const content = (await api(s.d1, 'GET', `/drafts/${draft1}`)).json().content;
    const save = await api(s.d1, 'PUT', `/drafts/${draft1}`, { content: { ...content, subject: 'Sửa sau khi ban hành' } });
    expect(save.statusCode).toBe(409);
    expect(save.json().reason).toBe('DRAFT_ALREADY_ISSUED');
    const count = await db.execute<{ n: number }>(sql`select count(*)::int as n from directives where owner_unit_id = ${district1}`);
    expect(count.rows[0]?.n).toBe(1);
  });

  it('a second draft issued with the same number and date is refused as a double registration and stays a draft', async () => {
    const another = await start(s.d1, district1, true);
    expect(another.statusCode).toBe(201);
    const refused = await issue(s.d1, another.json().id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reason).toBe('DIRECTIVE_ALREADY_REGISTERED');
    expect((await api(s.d1, 'GET', `/drafts/${another.json().id}`)).json().status).toBe('draft');
  });

  it('the home page waits only for drafts still being drafted', async () => {
    const waiting = await selectWaitingDrafts(db, [district1, district2]);
    expect(waiting.map((w) => w.draftId)).not.toContain(draft1);
    expect(waiting.filter((w) => w.unitId === district2)).toHaveLength(2);
    expect(waiting.filter((w) => w.unitId === district1)).toHaveLength(1);
  });
});
