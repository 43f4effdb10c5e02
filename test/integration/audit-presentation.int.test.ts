import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { submitWeeklyReport } from '../../src/modules/consultation/report/submit-weekly-report.js';
import { registerDirective } from '../../src/modules/directives/register-directive.js';
import { startDraft } from '../../src/modules/directives/drafts.js';
import { grantRole } from '../../src/modules/org/grant-role.js';
import type { App } from '../../src/server/app.js';
import { buildUnit, buildUser, directiveInput } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs, type Session } from '../support/http.js';

/**
 * The audit page speaks of people and named objects (issue 11, item 8): actors as the account
 * holder's name or the channel ("Dòng lệnh (quản trị)", "Người dân qua biểu mẫu công khai"),
 * objects by name with their page ("Công văn 134-CV/TU" → /van-ban/N), resolved for the page of
 * rows on the server, and never a name from outside the caller's scope.
 * Tree: Tỉnh ủy P → Huyện ủy D → Đảng ủy xã X; another province Q.
 */
const { db } = await createTestDatabase();
const admin = cliActor();
let app: App;
const ids: Record<string, number> = {};
let adminP: Session;
let sysAdmin: Session;

type Entry = { action: string; actorUsername: string | null; actorName: string; entityType: string; entityId: string | null; entityName: string | null; entityLink: string | null };

async function auditAs(session: Session, query = ''): Promise<Entry[]> {
  const response = await app.inject({ method: 'GET', url: `/api/v1/audit?pageSize=100${query}`, headers: session.headers });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: Entry[] }).items;
}
const only = (entries: Entry[], action: string) => entries.filter((e) => e.action === action);

beforeAll(async () => {
  ids.P = (await buildUnit(db, { code: 'P', name: 'Tỉnh ủy P', kind: 'party_committee' })).id;
  ids.D = (await buildUnit(db, { code: 'D', name: 'Huyện ủy D', kind: 'party_committee', parentId: ids.P })).id;
  ids.X = (await buildUnit(db, { code: 'X', name: 'Đảng ủy xã X', kind: 'party_committee', parentId: ids.D })).id;
  ids.Q = (await buildUnit(db, { code: 'Q', name: 'Tỉnh ủy Q', kind: 'party_committee' })).id;
  await buildUser(db, { username: 'quantri.p', role: 'unit_admin', unitId: ids.P, fullName: 'Nguyễn Thị Quản' });
  await buildUser(db, { username: 'hethong', role: 'system_admin', unitId: null, fullName: 'Trần Văn Hệ' });
  const stranger = await buildUser(db, { username: 'nguoi.q', role: 'viewer', unitId: ids.Q, homeUnitId: ids.Q, fullName: 'Lê Văn Ngoài' });

  ids.directive = await registerDirective(db, { actor: admin, input: directiveInput(ids.P, '134-CV/TU', 'Triển khai lấy ý kiến', { recipients: [ids.D] }) });
  ids.draft = (await startDraft(db, { actor: admin, directiveId: ids.directive, unitId: ids.D })).id;
  // A Q account given a role on D: the row is P's, the account is not; its name must not reach P's admin.
  await grantRole(db, { actor: admin, userId: stranger.id, role: 'viewer', unitId: ids.D });
  await createConsultation(db, {
    actor: admin,
    input: { code: 'DH14', title: 'Dự thảo văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }], opensAt: new Date('2025-01-01T00:00:00Z') },
  });

  await submitWeeklyReport(db, { actor: admin, consultationCode: 'DH14', unitId: ids.X, periodEnd: '2025-11-12', now: new Date('2025-11-11T03:00:00Z') });

  app = await buildTestApp(db);
  adminP = await logInAs(app, 'quantri.p');
  sysAdmin = await logInAs(app, 'hethong');
  const renamed = await app.inject({ method: 'PATCH', url: `/api/v1/units/${ids.X}`, headers: adminP.headers, payload: { name: 'Đảng ủy xã X mới' } });
  expect(renamed.statusCode, renamed.body).toBe(200);
  const submitted = await app.inject({
    method: 'POST',
    url: '/api/v1/public/consultations/DH14/submissions',
    payload: { idempotencyKey: randomUUID(), unitCode: 'X', contributorGroup: 'dang_vien', opinions: [{ documentCode: 'BCCT', stance: 'agree', text: 'Tán thành.' }] },
  });
  expect(submitted.statusCode, submitted.body).toBeLessThan(300);
});
afterAll(async () => app.close());

describe('GET /api/v1/audit names actors and objects', () => {
  it('shows the command line, the public form and an account holder as people, never as cli:… or public:web', async () => {
    const entries = await auditAs(adminP);
    const [register] = only(entries, 'directive.register');
    expect(register).toMatchObject({ actorUsername: expect.stringMatching(/^cli:/), actorName: 'Dòng lệnh (quản trị)' });
    const [received] = only(entries, 'consultation.submission_receive');
    expect(received).toMatchObject({ actorUsername: 'public:web', actorName: 'Người dân qua biểu mẫu công khai' });
    const [renamed] = only(entries, 'unit.update');
    expect(renamed).toMatchObject({ actorUsername: 'quantri.p', actorName: 'Nguyễn Thị Quản' });
    for (const e of entries) expect(e.actorName).not.toMatch(/^(cli|public|system):/);
  });

  it('names a directive, a draft and a unit, each linked to its page — not "Văn bản #5"', async () => {
    const entries = await auditAs(adminP);
    expect(only(entries, 'directive.register')[0]).toMatchObject({ entityName: 'Công văn 134-CV/TU ngày 10/11/2025', entityLink: `/van-ban/${ids.directive}` });
    expect(only(entries, 'draft.create')[0]).toMatchObject({ entityName: 'Dự thảo thực hiện Công văn 134-CV/TU ngày 10/11/2025 (Huyện ủy D)', entityLink: `/du-thao/${ids.draft}` });
    expect(only(entries, 'unit.update')[0]).toMatchObject({ entityName: 'Đảng ủy xã X mới', entityLink: `/don-vi?id=${ids.X}` });
  });

  it('names a unit’s weekly report by its week, linked to the report page of that unit and week', async () => {
    const [sent] = only(await auditAs(adminP), 'consultation.report_submit');
    expect(sent).toMatchObject({ entityType: 'weekly_report', entityName: 'Báo cáo tuần kết thúc 12/11/2025', entityLink: `/gop-y-tong-hop?dot=DH14&don-vi=${ids.X}&tuan=2025-11-12` });
  });

  it('leaves out the name of an account outside the caller’s scope, and gives it to a system admin', async () => {
    const [grantSeenByP] = only(await auditAs(adminP), 'grant.add');
    expect(grantSeenByP).toMatchObject({ entityType: 'role_grant', entityName: null, entityLink: null });
    const [grantSeenByAdmin] = only(await auditAs(sysAdmin), 'grant.add');
    expect(grantSeenByAdmin).toMatchObject({ entityName: 'Lê Văn Ngoài (nguoi.q)', entityLink: '/tai-khoan' });
  });

  it('names a consultation (a system-wide row) for a system admin by its title', async () => {
    const [created] = only(await auditAs(sysAdmin), 'consultation.create');
    expect(created).toMatchObject({ actorName: 'Dòng lệnh (quản trị)', entityName: 'Dự thảo văn kiện Đại hội XIV', entityLink: '/gop-y-tong-hop?dot=DH14' });
  });
});
