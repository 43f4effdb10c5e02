import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor, type Role } from '../../src/platform/access/roles.js';
import type { ModuleManifest } from '../../src/platform/modules/manifest.js';
import { modules } from '../../src/server/modules.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { submitWeeklyReport } from '../../src/modules/consultation/report/submit-weekly-report.js';
import { registerDirective } from '../../src/modules/directives/register-directive.js';
import { acknowledgeDirective } from '../../src/modules/directives/acknowledge-directive.js';
import { buildSubmission, buildUnit, directiveInput } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';

/**
 * The two extension points of the module manifests (issue 10, item 2), read through the list the
 * composition root uses: figures of a unit's subtree for a period, and items due for a user's units.
 * Tree: province P → district D → communes X1, X2; another province Q.
 */
const { db } = await createTestDatabase();
const vn = (local: string) => new Date(`${local}+07:00`);
const admin = cliActor();
const manifest = (name: string): ModuleManifest => {
  const found = modules.find((m) => m.name === name);
  if (!found) throw new Error(`no module ${name}`);
  return found;
};
const actorWith = (role: Role, unitId: number): Actor => ({ userId: null, username: `test:${role}`, grants: [{ id: 1, role, unitId }], ip: null });

let P: number;
let D: number;
let X1: number;
let X2: number;
let Q: number;
let directiveToX2: number;


beforeAll(async () => {
  P = (await buildUnit(db, { code: 'P', kind: 'party_committee' })).id;
  D = (await buildUnit(db, { code: 'D', kind: 'party_committee', parentId: P })).id;
  X1 = (await buildUnit(db, { code: 'X1', kind: 'party_committee', parentId: D })).id;
  X2 = (await buildUnit(db, { code: 'X2', kind: 'party_committee', parentId: D })).id;
  Q = (await buildUnit(db, { code: 'Q', kind: 'party_committee' })).id;

  const open = await createConsultation(db, { actor: admin, input: { code: 'DH14', title: 'Dự thảo văn kiện Đại hội XIV', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }], opensAt: vn('2025-10-15T00:00:00') } });
  // Closed before the moment items due are asked for: nothing is due for it.
  await createConsultation(db, {
    actor: admin,
    input: { code: 'CU', title: 'Đợt đã kết thúc', documents: [{ code: 'A', title: 'Dự thảo A' }], opensAt: vn('2025-09-01T00:00:00'), closesAt: vn('2025-11-01T00:00:00') },
  });
  const doc = open.documents[0]!.id;
  const submit = (unitId: number, at: string, opinions: number) =>
    buildSubmission(db, { consultationId: open.id, unitId, submittedAt: vn(at), opinions: Array.from({ length: opinions }, () => ({ documentId: doc })) });
  // The week closing Wednesday 2025-11-12 16:00 runs from 2025-11-05 16:00.
  await submit(X1, '2025-11-10T09:00:00', 2);
  await submit(X1, '2025-11-10T10:00:00', 1);
  await submit(X2, '2025-11-11T08:00:00', 1);
  await submit(D, '2025-11-12T15:59:59', 3);
  await submit(X1, '2025-11-05T15:59:59', 5); // the week before
  await submit(X2, '2025-11-12T16:00:00', 7); // the week after
  await submit(Q, '2025-11-10T09:00:00', 4); // another province
  await submitWeeklyReport(db, { actor: admin, consultationCode: 'DH14', unitId: X1, periodEnd: '2025-11-12', now: vn('2025-11-11T10:00:00') });

  const first = await registerDirective(db, { actor: admin, input: directiveInput(P, '12-CV/TU', 'Triển khai lấy ý kiến', { recipients: [D, X1] }) });
  directiveToX2 = await registerDirective(db, { actor: admin, input: directiveInput(P, '13-CV/TU', 'Tổng kết năm', { recipients: [X2] }) });
  // D implements the first one by a directive of its own; X1 acknowledges it.
  await registerDirective(db, { actor: admin, input: directiveInput(D, '07-CV/HU', 'Thực hiện Công văn 12', { implements: '12-CV/TU', date: { year: 2025, month: 11, day: 20 } }) });
  await acknowledgeDirective(db, { actor: admin, directiveId: first, unitId: X1 });
});

describe('figures: a unit subtree and a period', () => {
  const week = { periodStart: vn('2025-11-05T16:00:00'), periodEnd: vn('2025-11-12T16:00:00') };

  it('consultation: submissions and opinions received in the subtree in the period, nothing outside', async () => {
    const figures = manifest('consultation').figures!;
    expect(await figures(db, { actor: admin, unitId: P, ...week })).toEqual([
      { key: 'consultation.submissions', label: 'Lượt góp ý đã tiếp nhận', value: 4 },
      { key: 'consultation.opinions', label: 'Ý kiến góp ý đã tiếp nhận', value: 7 },
    ]);
    const values = async (unitId: number) => (await figures(db, { actor: admin, unitId, ...week })).map((f) => f.value);
    expect(await values(D)).toEqual([4, 7]);
    expect(await values(X1)).toEqual([2, 3]);
    expect(await values(X2)).toEqual([1, 1]);
    expect(await values(Q)).toEqual([1, 4]);
    // A viewer of the district sees its figures; the province above is outside its scope.
    expect((await figures(db, { actor: actorWith('viewer', D), unitId: X2, ...week })).map((f) => f.value)).toEqual([1, 1]);
    await expect(figures(db, { actor: actorWith('viewer', D), unitId: P, ...week })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(figures(db, { actor: admin, unitId: P, periodStart: week.periodEnd, periodEnd: week.periodStart })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('directives: registered in the subtree’s registers, and issued by its units, in the period', async () => {
    const figures = manifest('directives').figures!;
    const now = Date.now();
    const today = { periodStart: new Date(now - 3_600_000), periodEnd: new Date(now + 3_600_000) };
    const values = async (unitId: number, period: { periodStart: Date; periodEnd: Date }) => Object.fromEntries((await figures(db, { actor: admin, unitId, ...period })).map((f) => [f.key, f.value]));
    expect(await values(P, today)).toEqual({ 'directives.registered': 3, 'directives.issued': 0 });
    expect(await values(D, today)).toEqual({ 'directives.registered': 1, 'directives.issued': 0 });
    expect(await values(Q, today)).toEqual({ 'directives.registered': 0, 'directives.issued': 0 });
    // Issue dates: two on 2025-11-10 (by P), one on 2025-11-20 (by D).
    expect(await values(P, week)).toEqual({ 'directives.registered': 0, 'directives.issued': 2 });
    expect(await values(P, { periodStart: vn('2025-11-01T00:00:00'), periodEnd: vn('2025-12-01T00:00:00') })).toEqual({ 'directives.registered': 0, 'directives.issued': 3 });
    expect(await values(D, { periodStart: vn('2025-11-01T00:00:00'), periodEnd: vn('2025-12-01T00:00:00') })).toEqual({ 'directives.registered': 0, 'directives.issued': 1 });
    await expect(figures(db, { actor: actorWith('editor', Q), unitId: D, ...today })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('items due: a user’s units', () => {
  it('consultation: this week’s report of every unit the editor may submit for, not yet submitted, with its level’s deadline', async () => {
    const itemsDue = manifest('consultation').itemsDue!;
    // Tuesday 17:00: the communes' deadline (Tuesday 16:00) has passed, the district's (Wednesday 16:00) not yet.
    const items = await itemsDue(db, { actor: actorWith('editor', D), unitIds: [D, X1, X2, Q], now: vn('2025-11-11T17:00:00') });
    expect(items.map((i) => ({ unitId: i.unitId, kind: i.kind, subject: i.subject, deadline: i.deadline?.toISOString(), overdue: i.overdue }))).toEqual([
      { unitId: D, kind: 'consultation.weekly-report', subject: 'DH14', deadline: vn('2025-11-12T16:00:00').toISOString(), overdue: false },
      { unitId: X2, kind: 'consultation.weekly-report', subject: 'DH14', deadline: vn('2025-11-11T16:00:00').toISOString(), overdue: true },
      // D receives its communes' reports: X2's is late (X1 sent its own).
      { unitId: D, kind: 'consultation.children-late', subject: 'DH14', deadline: vn('2025-11-11T16:00:00').toISOString(), overdue: true },
    ]);
    expect(items[1]!.link).toBe('/gop-y-tong-hop?dot=DH14&don-vi=' + X2 + '&tuan=2025-11-12');
    expect(items[0]!.title).toBe('Gửi báo cáo tổng hợp tuần (kỳ chốt ngày 12/11/2025) — Dự thảo văn kiện Đại hội XIV');
    // A viewer submits nothing; the next week, X1 is due again.
    expect(await itemsDue(db, { actor: actorWith('viewer', D), unitIds: [D, X1, X2], now: vn('2025-11-11T17:00:00') })).toEqual([]);
    const nextWeek = await itemsDue(db, { actor: actorWith('editor', X1), unitIds: [X1], now: vn('2025-11-13T09:00:00') });
    expect(nextWeek.map((i) => [i.unitId, i.deadline?.toISOString(), i.overdue])).toEqual([[X1, vn('2025-11-18T16:00:00').toISOString(), false]]);
    // Before either consultation opens nothing is due.
    expect(await itemsDue(db, { actor: admin, unitIds: [P, D, X1, X2, Q], now: vn('2025-08-01T00:00:00') })).toEqual([]);
  });

  it('directives: addressed to the unit, neither acknowledged nor implemented by it', async () => {
    const itemsDue = manifest('directives').itemsDue!;
    const items = await itemsDue(db, { actor: actorWith('editor', D), unitIds: [D, X1, X2, Q], now: new Date() });
    expect(items).toEqual([
      {
        kind: 'directives.acknowledge',
        unitId: X2,
        title: 'Xác nhận đã nhận hoặc thực hiện: Công văn số 13-CV/TU — Tổng kết năm',
        subject: String(directiveToX2),
        deadline: null,
        overdue: false,
        link: `/van-ban/${directiveToX2}`,
        group: 'Văn bản mới cần xác nhận',
      },
    ]);
    // The province's own editor is not asked about what its children received; D's viewer may not acknowledge.
    expect(await itemsDue(db, { actor: actorWith('editor', P), unitIds: [P], now: new Date() })).toEqual([]);
    expect(await itemsDue(db, { actor: actorWith('viewer', D), unitIds: [D, X2], now: new Date() })).toEqual([]);
    // D implemented the first directive and X1 acknowledged it: nothing left for either.
    expect(await itemsDue(db, { actor: actorWith('editor', D), unitIds: [D, X1], now: new Date() })).toEqual([]);
  });
});
