import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliActor, type Role } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { submitWeeklyReport } from '../../src/modules/consultation/report/submit-weekly-report.js';
import { registerDirective } from '../../src/modules/directives/register-directive.js';
import { startDraft } from '../../src/modules/directives/drafts.js';
import type { App } from '../../src/server/app.js';
import { buildUnit, buildUser, directiveInput } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * GET /api/v1/home (issue 11, item 7): what the units of the signed-in user's grants must do, from
 * every manifest's itemsDue, sorted overdue first. Tree: province P → district D → communes X1, X2;
 * another province Q → commune X3. Asked on Tuesday 2025-11-11 17:00 (Vietnam): the communes'
 * deadline (Tuesday 16:00) has passed, the others' (Wednesday 16:00) not yet.
 */
const { db } = await createTestDatabase();
const admin = cliActor();
const vn = (local: string) => new Date(`${local}+07:00`);
const NOW = vn('2025-11-11T17:00:00');
let app: App;
const ids: Record<string, number> = {};
const sessions: Record<string, Session> = {};


type Item = { module: string; kind: string; group: string; title: string; detail: string | null; unitId: number; unitName: string; deadline: string | null; overdue: boolean; link: string };

async function home(username: string): Promise<Item[]> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  const response = await app.inject({ method: 'GET', url: '/api/v1/home', headers: sessions[username]!.headers });
  vi.useRealTimers();
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json() as { now: string; items: Item[] };
  expect(body.now).toBe(NOW.toISOString());
  return body.items;
}
const summary = (items: Item[]) => items.map((i) => `${i.kind} ${Object.keys(ids).find((k) => ids[k] === i.unitId)}${i.overdue ? ' overdue' : ''}`);

beforeAll(async () => {
  ids.P = (await buildUnit(db, { code: 'P', name: 'Tỉnh ủy P', kind: 'party_committee' })).id;
  ids.D = (await buildUnit(db, { code: 'D', name: 'Huyện ủy D', kind: 'party_committee', parentId: ids.P })).id;
  ids.X1 = (await buildUnit(db, { code: 'X1', name: 'Đảng ủy xã X1', kind: 'party_committee', parentId: ids.D })).id;
  ids.X2 = (await buildUnit(db, { code: 'X2', name: 'Đảng ủy xã X2', kind: 'party_committee', parentId: ids.D })).id;
  ids.Q = (await buildUnit(db, { code: 'Q', name: 'Tỉnh ủy Q', kind: 'party_committee' })).id;
  ids.X3 = (await buildUnit(db, { code: 'X3', name: 'Đảng ủy xã X3', kind: 'party_committee', parentId: ids.Q })).id;

  await createConsultation(db, { actor: admin, input: { code: 'DH14', title: 'Dự thảo văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }], opensAt: vn('2025-10-15T00:00:00') } });
  await submitWeeklyReport(db, { actor: admin, consultationCode: 'DH14', unitId: ids.X1, periodEnd: '2025-11-12', now: vn('2025-11-11T10:00:00') });
  const toD = await registerDirective(db, { actor: admin, input: directiveInput(ids.P, '12-CV/TU', 'Triển khai lấy ý kiến', { recipients: [ids.D, ids.X2] }) });
  await registerDirective(db, { actor: admin, input: directiveInput(ids.Q, '30-CV/TU', 'Sơ kết quý', { recipients: [ids.X3] }) });
  await startDraft(db, { actor: admin, directiveId: toD, unitId: ids.D });

  const accounts: [string, Role, number | null][] = [
    ['admin', 'system_admin', null],
    ['quantri.p', 'unit_admin', ids.P],
    ['bientap.d', 'editor', ids.D],
    ['xem.d', 'viewer', ids.D],
    ['bientap.x3', 'editor', ids.X3],
  ];
  app = await buildTestApp(db);
  for (const [username, role, unitId] of accounts) {
    await buildUser(db, { username, role, unitId });
    sessions[username] = await logInAs(app, username);
  }
});
afterEach(() => vi.useRealTimers());
afterAll(async () => app.close());

describe('GET /api/v1/home', () => {
  it('gives a district editor its report, its late communes, the directive to acknowledge and its draft, overdue first', async () => {
    const items = await home('bientap.d');
    expect(summary(items)).toEqual(['consultation.children-late D overdue', 'consultation.weekly-report D', 'directives.acknowledge D', 'directives.draft D']);
    const [late, report, acknowledge, draft] = items as [Item, Item, Item, Item];
    expect(late).toMatchObject({
      module: 'consultation',
      group: 'Đơn vị cấp dưới chậm báo cáo',
      unitName: 'Huyện ủy D',
      deadline: vn('2025-11-11T16:00:00').toISOString(),
      link: `/gop-y-tong-hop?dot=DH14&don-vi=${ids.D}&tuan=2025-11-12`,
    });
    expect(late.title).toBe('1 đơn vị cấp dưới chưa gửi báo cáo tuần (kỳ chốt ngày 12/11/2025) — Dự thảo văn kiện Đại hội XIV');
    expect(late.detail).toBe('Chưa gửi: Đảng ủy xã X2');
    expect(report.detail).toBeNull();
    expect(report).toMatchObject({ group: 'Báo cáo phải gửi', deadline: vn('2025-11-12T16:00:00').toISOString(), overdue: false });
    expect(acknowledge).toMatchObject({ module: 'directives', group: 'Văn bản mới cần xác nhận', title: 'Xác nhận đã nhận hoặc thực hiện: Công văn số 12-CV/TU — Triển khai lấy ý kiến' });
    expect(acknowledge.link).toMatch(/^\/van-ban\/\d+$/);
    expect(draft).toMatchObject({ group: 'Dự thảo đang chờ ban hành', deadline: null });
    expect(draft.link).toMatch(/^\/du-thao\/\d+$/);
    expect(draft.title).toBe('Hoàn thiện và ban hành dự thảo Công văn: Triển khai lấy ý kiến');
  });

  it('shows a viewer nothing: every item needs an editor', async () => {
    expect(await home('xem.d')).toEqual([]);
  });

  it('keeps each user to the units of its grants', async () => {
    // The commune editor of the other province: its own overdue report and its directive, nothing of P's tree.
    expect(summary(await home('bientap.x3'))).toEqual(['consultation.weekly-report X3 overdue', 'directives.acknowledge X3']);
    // The province's admin: its own report, and the district late with the week before (its deadline this week is not reached).
    const province = await home('quantri.p');
    expect(summary(province)).toEqual(['consultation.children-late P overdue', 'consultation.weekly-report P']);
    expect(province[0]!.title).toContain('(kỳ chốt ngày 05/11/2025)');
    expect(province[0]!.detail).toBe('Chưa gửi: Huyện ủy D');
    // A system-wide grant looks after the top units.
    expect(new Set((await home('admin')).map((i) => i.unitId))).toEqual(new Set([ids.P, ids.Q]));
  });

  it('answers 401 without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/home' })).statusCode).toBe(401);
  });
});
