import ExcelJS from '../../src/platform/xlsx/exceljs.js';
import JSZip from 'jszip';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { auditLog } from '../../src/platform/db/schema/index.js';
import { documentSections, opinions, representativeOpinions, submissionContacts } from '../../src/modules/consultation/tables.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { listRepresentativeCandidates } from '../../src/modules/consultation/representatives/candidates.js';
import type { App } from '../../src/server/app.js';
import { buildSubmission, buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * Representative opinions (ý kiến tiêu biểu): who may pick what, carrying picks up the tree, the
 * freeze at submission, the list editors pick from, and the exports — with no contact detail anywhere.
 */
const { db } = await createTestDatabase();
const vn = (local: string) => new Date(`${local}+07:00`);
const WEEK = '2025-11-05';
const SECRET_NAME = 'Trần Văn Kínđáo';
const SECRET_PHONE = '0987654321';
let app: App;
const s: Record<'provinceEditor' | 'communeEditor' | 'communeViewer' | 'cellEditor' | 'siblingEditor' | 'laoCaiEditor', Session> = {} as never;
const u: Record<'province' | 'commune' | 'cell' | 'sibling' | 'laoCai', number> = {} as never;
/** Opinion ids by name. */
type OpinionName = 'digital' | 'results' | 'goals' | 'general' | 'cellOne' | 'cellEarly' | 'lastWeek' | 'sibling' | 'laoCai';
const o = {} as Record<OpinionName, number>;

const base = (unitId: number) => `/api/v1/consultations/DH14/reports/${unitId}`;
const pick = (session: Session, unitId: number, opinionId: number, extra: Record<string, unknown> = {}) =>
  app.inject({ method: 'POST', url: `${base(unitId)}/representatives`, headers: session.headers, payload: { periodEnd: WEEK, opinionId, ...extra } });
const carryUp = (session: Session, unitId: number, fromUnitId: number, opinionId: number, extra: Record<string, unknown> = {}) =>
  app.inject({ method: 'POST', url: `${base(unitId)}/representatives/carry-up`, headers: session.headers, payload: { periodEnd: WEEK, fromUnitId, opinionId, ...extra } });
const unpick = (session: Session, unitId: number, id: number) => app.inject({ method: 'DELETE', url: `${base(unitId)}/representatives/${id}`, headers: session.headers });
const view = async (session: Session, unitId: number) => {
  const response = await app.inject({ method: 'GET', url: `${base(unitId)}?periodEnd=${WEEK}`, headers: session.headers });
  expect(response.statusCode).toBe(200);
  return response.json() as ReportView;
};
const candidates = async (session: Session, unitId: number, query: Record<string, string | number> = {}) => {
  const qs = new URLSearchParams(Object.entries({ periodEnd: WEEK, ...query }).map(([k, v]) => [k, String(v)]));
  return app.inject({ method: 'GET', url: `${base(unitId)}/opinions?${qs}`, headers: session.headers });
};

interface Item {
  id: number;
  opinionId: number;
  text: string;
  document: { code: string };
  section: { ref: string; heading: string | null } | null;
  pickedBy: { id: number; name: string };
  carriedFrom: { id: number; name: string } | null;
  receivingUnit: { id: number; name: string };
  note: string | null;
}
interface ReportView {
  representatives: { own: Item[]; children: { unitId: number; source: 'frozen' | 'live'; items: Item[] }[] };
  canPickRepresentatives: boolean;
}
interface CandidatePage {
  items: { opinionId: number; text: string; submittedAt: string; picked: boolean; receivingUnit: { name: string }; section: { ref: string } | null; stance: string; channel: string }[];
  hasMore: boolean;
  nextCursor: string | null;
}

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
  const doc = Object.fromEntries(created.documents.map((d) => [d.code, d.id])) as Record<'BCCT' | 'DLD', number>;
  await db.insert(documentSections).values([
    { documentId: doc.BCCT, ref: 'I', heading: 'Kết quả thực hiện Nghị quyết Đại hội XIII', position: 0 },
    { documentId: doc.BCCT, ref: 'II', heading: 'Mục tiêu và định hướng phát triển', position: 1 },
    { documentId: doc.BCCT, ref: 'II.1', parentRef: 'II', heading: 'Khoa học, công nghệ và chuyển đổi số', position: 2 },
    { documentId: doc.DLD, ref: 'A', heading: 'Đảng viên', position: 0 },
  ]);
  u.province = (await buildUnit(db, { code: 'LCH', name: 'Tỉnh ủy Lai Châu', kind: 'party_committee' })).id;
  u.commune = (await buildUnit(db, { code: 'LCH-TD', name: 'Đảng ủy xã Tam Đường', kind: 'party_committee', parentId: u.province })).id;
  u.cell = (await buildUnit(db, { code: 'LCH-TD-BG', name: 'Chi bộ thôn Bản Giang', kind: 'party_cell', parentId: u.commune })).id;
  u.sibling = (await buildUnit(db, { code: 'LCH-SH', name: 'Đảng ủy xã Sìn Hồ', kind: 'party_committee', parentId: u.province })).id;
  u.laoCai = (await buildUnit(db, { code: 'LCA', name: 'Tỉnh ủy Lào Cai', kind: 'party_committee' })).id;
  const users = {
    provinceEditor: await buildUser(db, { role: 'editor', unitId: u.province }),
    communeEditor: await buildUser(db, { role: 'editor', unitId: u.commune }),
    communeViewer: await buildUser(db, { role: 'viewer', unitId: u.commune }),
    cellEditor: await buildUser(db, { role: 'editor', unitId: u.cell }),
    siblingEditor: await buildUser(db, { role: 'editor', unitId: u.sibling }),
    laoCaiEditor: await buildUser(db, { role: 'editor', unitId: u.laoCai }),
  };
  for (const [key, user] of Object.entries(users)) s[key as keyof typeof s] = await logInAs(app, user.username);

  const one = async (name: OpinionName, unitId: number, at: string, opinion: { documentId: number; sectionRef?: string | null; stance?: 'agree' | 'disagree' | 'partial' | 'none'; body: string }, channel: 'vneid' | 'letter' | 'web' = 'vneid') => {
    const submission = await buildSubmission(db, { consultationId: created.id, unitId, submittedAt: vn(at), channel, opinions: [opinion] });
    const [row] = await db.select({ id: opinions.id }).from(opinions).where(eq(opinions.submissionId, submission.id));
    o[name] = row!.id;
    return submission;
  };
  // The week closing Wednesday 05/11/2025 16:00 runs from 29/10 16:00.
  const secret = await one('digital', u.commune, '2025-11-04T10:00:00', { documentId: doc.BCCT, sectionRef: 'II.1', stance: 'partial', body: 'Đề nghị bổ sung giải pháp CHUYỂN ĐỔI SỐ cụ thể ở cấp xã.' }, 'letter');
  await db.insert(submissionContacts).values({ submissionId: secret.id, unitId: u.commune, sealed: `${SECRET_NAME} ${SECRET_PHONE}`, consent: true });
  await one('results', u.commune, '2025-11-03T09:00:00', { documentId: doc.BCCT, sectionRef: 'I', stance: 'agree', body: 'Đánh giá kết quả đúng và đủ.' });
  await one('goals', u.commune, '2025-11-02T09:00:00', { documentId: doc.BCCT, sectionRef: 'II', stance: 'disagree', body: 'Mục tiêu tăng trưởng cần sát thực tế hơn.' });
  await one('general', u.commune, '2025-10-31T09:00:00', { documentId: doc.DLD, sectionRef: null, stance: 'none', body: 'Điều lệ cần ngắn gọn, dễ hiểu.' }, 'web');
  await one('cellOne', u.cell, '2025-11-01T08:00:00', { documentId: doc.DLD, sectionRef: 'A', stance: 'partial', body: 'Quy định rõ nghĩa vụ của đảng viên cao tuổi.' });
  await one('cellEarly', u.cell, '2025-10-29T16:00:00', { documentId: doc.BCCT, sectionRef: 'II.1', stance: 'agree', body: 'Tán thành chuyển đổi số.' });
  await one('lastWeek', u.commune, '2025-10-29T15:59:59', { documentId: doc.BCCT, sectionRef: 'I', stance: 'agree', body: 'Ý kiến của tuần trước.' });
  await one('sibling', u.sibling, '2025-11-03T11:00:00', { documentId: doc.BCCT, sectionRef: 'I', stance: 'agree', body: 'Ý kiến của xã Sìn Hồ.' });
  await one('laoCai', u.laoCai, '2025-11-03T12:00:00', { documentId: doc.BCCT, sectionRef: 'I', stance: 'agree', body: 'Ý kiến của Lào Cai.' });
});

afterAll(async () => {
  await app.close();
});

describe('the opinions an editor picks from', () => {
  it('lists the week of the unit’s subtree only, newest first, without contact details', async () => {
    const response = await candidates(s.communeEditor, u.commune);
    expect(response.statusCode).toBe(200);
    const page = response.json() as CandidatePage;
    expect(page.items.map((i) => i.opinionId)).toEqual([o.digital, o.results, o.goals, o.cellOne, o.general, o.cellEarly]);
    expect(page.hasMore).toBe(false);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toMatchObject({
      text: 'Đề nghị bổ sung giải pháp CHUYỂN ĐỔI SỐ cụ thể ở cấp xã.',
      document: { code: 'BCCT', title: 'Dự thảo Báo cáo chính trị' },
      section: { ref: 'II.1', heading: 'Khoa học, công nghệ và chuyển đổi số' },
      stance: 'partial',
      channel: 'letter',
      submittedAt: '2025-11-04T10:00:00.000+07:00',
      receivingUnit: { id: u.commune, name: 'Đảng ủy xã Tam Đường' },
      picked: false,
    });
    for (const secret of [SECRET_NAME, SECRET_PHONE]) expect(response.body).not.toContain(secret);
  });

  it('pages by cursor without gaps or repeats, with hasMore instead of a total', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = (await candidates(s.provinceEditor, u.province, { limit: 2, ...(cursor ? { cursor } : {}) })).json() as CandidatePage;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.opinionId));
      expect(page.hasMore).toBe(page.nextCursor !== null);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([o.digital, o.sibling, o.results, o.goals, o.cellOne, o.general, o.cellEarly]);
    expect((await candidates(s.provinceEditor, u.province, { cursor: 'rác' })).statusCode).toBe(400);
    expect((await candidates(s.provinceEditor, u.province, { limit: 51 })).statusCode).toBe(400);
  });

  it('answers a long search in parts within its time budget, with a cursor that goes on from where it stopped', async () => {
    const seen: number[] = [];
    const searched: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 200; i++) {
      const page = await listRepresentativeCandidates(db, { actor: cliActor(), consultationCode: 'DH14', unitId: u.commune, periodEnd: WEEK, q: 'xa', cursor, timeBudgetMs: 0 });
      seen.push(...page.items.map((item) => item.opinionId));
      searched.push(page.searchedFrom);
      if (!page.hasMore) break;
      cursor = page.nextCursor ?? undefined;
    }
    // No budget: one window per call; the first reads the last two hours of the week and finds nothing yet.
    expect(searched[0]).toBe('2025-11-05T14:00:00.000+07:00');
    expect(searched.length).toBeGreaterThan(2);
    expect(seen).toEqual([o.digital]);
    expect(searched.at(-1)).toBe('2025-10-29T16:00:00.000+07:00');
  });

  it('filters by document, section with its subsections, stance and words, ignoring accents and case', async () => {
    const ids = async (query: Record<string, string>) => ((await candidates(s.communeEditor, u.commune, query)).json() as CandidatePage).items.map((i) => i.opinionId);
    expect(await ids({ document: 'DLD' })).toEqual([o.cellOne, o.general]);
    expect(await ids({ document: 'BCCT', section: 'II' })).toEqual([o.digital, o.goals, o.cellEarly]);
    expect(await ids({ section: 'II.1' })).toEqual([o.digital, o.cellEarly]);
    expect(await ids({ stance: 'agree' })).toEqual([o.results, o.cellEarly]);
    expect(await ids({ q: 'chuyen doi so' })).toEqual([o.digital, o.cellEarly]);
    expect(await ids({ q: 'Chuyển đổi SỐ cấp xã' })).toEqual([o.digital]);
    expect(await ids({ q: 'dang vien cao tuoi', stance: 'partial' })).toEqual([o.cellOne]);
    expect(await ids({ q: '100%_' })).toEqual([]);
    expect((await candidates(s.communeEditor, u.commune, { document: 'KHONG-CO' })).statusCode).toBe(400);
  });

  it('is for editors of the unit: a viewer is refused, another subtree does not see the unit', async () => {
    expect((await candidates(s.communeViewer, u.commune)).statusCode).toBe(403);
    expect((await candidates(s.laoCaiEditor, u.commune)).statusCode).toBe(404);
    expect((await candidates(s.siblingEditor, u.commune)).statusCode).toBe(404);
    expect((await candidates(s.communeEditor, u.province)).statusCode).toBe(404);
  });
});

describe('picking, unpicking and carrying up', () => {
  it('lets the commune editor pick an opinion of its subtree in the week, once, and audits it', async () => {
    const response = await pick(s.communeEditor, u.commune, o.digital, { note: '  Nhiều xã cùng nêu  ' });
    expect(response.statusCode).toBe(201);
    const picked = response.json() as Item;
    expect(picked).toMatchObject({
      opinionId: o.digital,
      section: { ref: 'II.1', heading: 'Khoa học, công nghệ và chuyển đổi số' },
      pickedBy: { id: u.commune, name: 'Đảng ủy xã Tam Đường' },
      carriedFrom: null,
      note: 'Nhiều xã cùng nêu',
    });
    const again = await pick(s.communeEditor, u.commune, o.digital);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Ý kiến này đã là ý kiến tiêu biểu của đơn vị trong tuần.');
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'consultation.representative_pick'), eq(auditLog.entityId, String(picked.id))));
    expect(audit).toMatchObject({ unitId: u.commune, after: { consultation: 'DH14', periodEnd: WEEK, opinionId: o.digital, note: 'Nhiều xã cùng nêu' } });
    const page = (await candidates(s.communeEditor, u.commune, { section: 'II.1' })).json() as CandidatePage;
    expect(page.items.map((i) => [i.opinionId, i.picked])).toEqual([
      [o.digital, true],
      [o.cellEarly, false],
    ]);
  });

  it('rejects an opinion outside the subtree or outside the week, and people without the right', async () => {
    const sibling = await pick(s.communeEditor, u.commune, o.sibling);
    expect(sibling.statusCode).toBe(404);
    expect(sibling.json().message).toBe('Không tìm thấy ý kiến này trong các ý kiến do đơn vị và các đơn vị trực thuộc tiếp nhận.');
    expect((await pick(s.communeEditor, u.commune, o.laoCai)).statusCode).toBe(404);
    expect((await pick(s.communeEditor, u.commune, 987_654_321)).statusCode).toBe(404);
    const lastWeek = await pick(s.communeEditor, u.commune, o.lastWeek);
    expect(lastWeek.statusCode).toBe(400);
    expect(lastWeek.json().message).toContain('không thuộc tuần 30/10/2025 – 05/11/2025');
    expect((await pick(s.communeViewer, u.commune, o.results)).statusCode).toBe(403);
    expect((await pick(s.laoCaiEditor, u.commune, o.results)).statusCode).toBe(404);
    expect((await pick(s.siblingEditor, u.commune, o.results)).statusCode).toBe(404);
    expect((await pick(s.cellEditor, u.commune, o.results)).statusCode).toBe(404);
    const wrongDay = await app.inject({ method: 'POST', url: `${base(u.commune)}/representatives`, headers: s.communeEditor.headers, payload: { periodEnd: '2025-11-04', opinionId: o.results } });
    expect(wrongDay.statusCode).toBe(400);
    const count = await db.select({ n: sql<number>`count(*)::int` }).from(representativeOpinions);
    expect(count[0]?.n).toBe(1);
  });

  it('shows the unit’s picks and its children’s live picks in the report, editable only by editors', async () => {
    const cell = await pick(s.cellEditor, u.cell, o.cellOne, { note: 'Tiêu biểu ở chi bộ' });
    expect(cell.statusCode).toBe(201);
    const own = await view(s.communeEditor, u.commune);
    expect(own.canPickRepresentatives).toBe(true);
    expect(own.representatives.own.map((i) => i.opinionId)).toEqual([o.digital]);
    expect(own.representatives.children).toEqual([expect.objectContaining({ unitId: u.cell, source: 'live', items: [expect.objectContaining({ opinionId: o.cellOne, note: 'Tiêu biểu ở chi bộ' })] })]);
    expect((await view(s.communeViewer, u.commune)).canPickRepresentatives).toBe(false);
    const province = await view(s.provinceEditor, u.province);
    expect(province.representatives.own).toEqual([]);
    expect(province.representatives.children.map((c) => [c.unitId, c.source, c.items.map((i) => i.opinionId)])).toEqual([[u.commune, 'live', [o.digital]]]);
  });

  it('carries a direct child’s pick up, keeping who picked it first, and only from a direct child’s picks', async () => {
    const up = await carryUp(s.communeEditor, u.commune, u.cell, o.cellOne);
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ opinionId: o.cellOne, pickedBy: { id: u.cell }, carriedFrom: { id: u.cell }, note: 'Tiêu biểu ở chi bộ' });
    expect((await carryUp(s.communeEditor, u.commune, u.cell, o.cellOne)).statusCode).toBe(409);
    const notPicked = await carryUp(s.communeEditor, u.commune, u.cell, o.cellEarly);
    expect(notPicked.statusCode).toBe(404);
    expect(notPicked.json().message).toBe('Chi bộ thôn Bản Giang chưa chọn ý kiến này là ý kiến tiêu biểu của tuần.');
    const grandchild = await carryUp(s.provinceEditor, u.province, u.cell, o.cellOne);
    expect(grandchild.statusCode).toBe(400);
    expect(grandchild.json().message).toBe('Chỉ đưa lên được ý kiến tiêu biểu của đơn vị trực thuộc trực tiếp.');
    expect((await carryUp(s.communeViewer, u.commune, u.cell, o.cellOne)).statusCode).toBe(403);
    expect((await carryUp(s.laoCaiEditor, u.commune, u.cell, o.cellOne)).statusCode).toBe(404);

    const twice = await carryUp(s.provinceEditor, u.province, u.commune, o.cellOne, { note: 'Đưa vào báo cáo tỉnh' });
    expect(twice.statusCode).toBe(201);
    expect(twice.json()).toMatchObject({ pickedBy: { id: u.cell, name: 'Chi bộ thôn Bản Giang' }, carriedFrom: { id: u.commune, name: 'Đảng ủy xã Tam Đường' }, note: 'Đưa vào báo cáo tỉnh' });
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'consultation.representative_carry_up'));
    expect(audits.map((a) => a.unitId).sort()).toEqual([u.province, u.commune].sort());
  });

  it('unpicks the unit’s own picks only, and audits it', async () => {
    const extra = (await pick(s.communeEditor, u.commune, o.general)).json() as Item;
    const cellPick = (await view(s.cellEditor, u.cell)).representatives.own[0]!;
    expect((await unpick(s.communeEditor, u.commune, cellPick.id)).statusCode).toBe(404);
    expect((await unpick(s.communeViewer, u.commune, extra.id)).statusCode).toBe(403);
    expect((await unpick(s.communeEditor, u.commune, extra.id)).statusCode).toBe(204);
    expect((await unpick(s.communeEditor, u.commune, extra.id)).statusCode).toBe(404);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'consultation.representative_unpick'), eq(auditLog.entityId, String(extra.id))));
    expect(audit).toMatchObject({ unitId: u.commune, before: { opinionId: o.general } });
    expect((await view(s.communeEditor, u.commune)).representatives.own.map((i) => i.opinionId)).toEqual([o.digital, o.cellOne]);
  });
});

describe('after the weekly report is submitted', () => {
  it('freezes the picks in the snapshot; the parent reads the frozen ones; changes are refused with a clear message', async () => {
    const submitted = await app.inject({ method: 'POST', url: `${base(u.commune)}/submit`, headers: s.communeEditor.headers, payload: { periodEnd: WEEK } });
    expect(submitted.statusCode).toBe(201);
    const snapshot = submitted.json().snapshot as { representatives: ReportView['representatives'] };
    expect(snapshot.representatives.own.map((i) => [i.opinionId, i.pickedBy.id])).toEqual([
      [o.digital, u.commune],
      [o.cellOne, u.cell],
    ]);
    expect(snapshot.representatives.children.map((c) => [c.unitId, c.source])).toEqual([[u.cell, 'live']]);

    const own = await view(s.communeEditor, u.commune);
    expect(own.canPickRepresentatives).toBe(false);
    const message = 'Báo cáo tuần này của đơn vị đã được gửi lên cấp trên; cấp trên xem bản đã gửi, nên không thể thay đổi ý kiến tiêu biểu của tuần này nữa.';
    for (const response of [await pick(s.communeEditor, u.commune, o.results), await unpick(s.communeEditor, u.commune, own.representatives.own[0]!.id), await carryUp(s.communeEditor, u.commune, u.cell, o.cellOne)]) {
      expect(response.statusCode).toBe(409);
      expect(response.json().message).toBe(message);
    }

    // The parent reads the frozen version, even if the live rows were to change afterwards.
    await db.delete(representativeOpinions).where(and(eq(representativeOpinions.unitId, u.commune), eq(representativeOpinions.opinionId, o.digital)));
    const province = await view(s.provinceEditor, u.province);
    const commune = province.representatives.children.find((c) => c.unitId === u.commune);
    expect(commune).toMatchObject({ source: 'frozen' });
    expect(commune?.items.map((i) => i.opinionId)).toEqual([o.digital, o.cellOne]);
    // …and can still carry up from it.
    expect((await carryUp(s.provinceEditor, u.province, u.commune, o.digital)).statusCode).toBe(201);
    expect((await view(s.provinceEditor, u.province)).representatives.own.map((i) => i.opinionId)).toEqual([o.digital, o.cellOne]);
  });

  it('exports the picks in the DOCX and XLSX grouped by document and section, with no contact detail anywhere', async () => {
    const docx = await app.inject({ method: 'GET', url: `${base(u.province)}/docx?periodEnd=${WEEK}`, headers: s.provinceEditor.headers });
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const from = paragraphs.findIndex((p) => p.endsWith('Ý KIẾN TIÊU BIỂU'));
    expect(from).toBeGreaterThan(0);
    const part = paragraphs.slice(from, paragraphs.findIndex((p) => p === 'Ghi chú:'));
    expect(part).toEqual([
      'IV. Ý KIẾN TIÊU BIỂU',
      '1. Dự thảo Báo cáo chính trị',
      'II.1. Khoa học, công nghệ và chuyển đổi số',
      '- “Đề nghị bổ sung giải pháp CHUYỂN ĐỔI SỐ cụ thể ở cấp xã.”',
      '(Đồng ý một phần — tiếp nhận tại Đảng ủy xã Tam Đường, qua Thư; đơn vị chọn: Đảng ủy xã Tam Đường; ghi chú: Nhiều xã cùng nêu)',
      '2. Dự thảo Điều lệ Đảng (sửa đổi)',
      'A. Đảng viên',
      '- “Quy định rõ nghĩa vụ của đảng viên cao tuổi.”',
      '(Đồng ý một phần — tiếp nhận tại Chi bộ thôn Bản Giang, qua VNeID; đơn vị chọn: Chi bộ thôn Bản Giang (đưa lên từ Đảng ủy xã Tam Đường); ghi chú: Đưa vào báo cáo tỉnh)',
    ]);

    const xlsx = await app.inject({ method: 'GET', url: `${base(u.province)}/xlsx?periodEnd=${WEEK}`, headers: s.provinceEditor.headers });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.getWorksheet('Ý kiến tiêu biểu')?.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows.slice(3)).toEqual([
      [1, 'Dự thảo Báo cáo chính trị', 'II.1', 'Khoa học, công nghệ và chuyển đổi số', 'Đồng ý một phần', 'Đề nghị bổ sung giải pháp CHUYỂN ĐỔI SỐ cụ thể ở cấp xã.', 'Đảng ủy xã Tam Đường', 'Thư', 'Đảng ủy xã Tam Đường', 'Đảng ủy xã Tam Đường', 'Nhiều xã cùng nêu'],
      [2, 'Dự thảo Điều lệ Đảng (sửa đổi)', 'A', 'Đảng viên', 'Đồng ý một phần', 'Quy định rõ nghĩa vụ của đảng viên cao tuổi.', 'Chi bộ thôn Bản Giang', 'VNeID', 'Chi bộ thôn Bản Giang', 'Đảng ủy xã Tam Đường', 'Đưa vào báo cáo tỉnh'],
    ]);

    const everything = [
      xml,
      rows.flat().join('\n'),
      JSON.stringify(await view(s.provinceEditor, u.province)),
      JSON.stringify(await view(s.communeEditor, u.commune)),
      (await candidates(s.provinceEditor, u.province)).body,
      JSON.stringify((await db.select().from(auditLog)).map((a) => [a.before, a.after])),
    ].join('\n');
    for (const secret of [SECRET_NAME, SECRET_PHONE, 'Kínđáo']) expect(everything).not.toContain(secret);
  });
});
