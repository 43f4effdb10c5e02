import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  approvePeriodReport,
  periodReportHistory,
  periodReportStatus,
  returnPeriodReport,
  selectChildrenStatus,
  submitPeriodReport,
  type LevelDeadlines,
} from '../../src/core/period-reports/index.js';
import { selectUnitHeights } from '../../src/core/unit-tree/index.js';
import { cliActor, type Actor, type Role } from '../../src/platform/access/roles.js';
import type { Db } from '../../src/platform/db/database.js';
import { periodClosingOn } from '../../src/platform/time/index.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';

/** The submission ledger of core/period-reports on a real database: versions, late flags, reviews, status. */
const { db } = await createTestDatabase();
const vn = (local: string) => new Date(`${local}+07:00`);
const subject = { kind: 'test.weekly', id: 1 };
const period = periodClosingOn({ kind: 'weekly', weekday: 3, time: '16:00' }, '2025-11-12');
const deadlines: LevelDeadlines = { byHeight: [{ kind: 'weekday_before_cutoff', weekday: 2, time: '16:00' }] };
const u: Record<'P' | 'A' | 'A1' | 'B' | 'C' | 'D' | 'E', number> = { P: 0, A: 0, A1: 0, B: 0, C: 0, D: 0, E: 0 };

async function actorOn(role: Role, unitId: number, name: string): Promise<Actor> {
  const user = await buildUser(db, { username: name, fullName: name, unitId });
  return { userId: user.id, username: name, grants: [{ id: user.id, role, unitId }], ip: null };
}
let provinceEditor: Actor;
let provinceViewer: Actor;
let editorOf: (unit: keyof typeof u) => Promise<Actor>;

const submit = (unit: keyof typeof u, at: string, actor?: Actor) =>
  (async () =>
    submitPeriodReport(db, { actor: actor ?? (await editorOf(unit)), subject, unitId: u[unit], period, deadlines, now: vn(at), freeze: async (tx) => ({ unit, at, units: (await tx.execute(sql`select count(*)::int as n from units`)).rows }) }))();

beforeAll(async () => {
  u.P = (await buildUnit(db, { code: 'P', name: 'Tỉnh ủy', kind: 'party_committee' })).id;
  u.A = (await buildUnit(db, { code: 'A', name: 'Chi bộ A (đảng ủy bộ phận)', kind: 'party_committee', parentId: u.P })).id;
  u.A1 = (await buildUnit(db, { code: 'A1', name: 'Chi bộ A1', kind: 'party_cell', parentId: u.A })).id;
  for (const code of ['B', 'C', 'D', 'E'] as const) u[code] = (await buildUnit(db, { code, name: `Chi bộ ${code}`, kind: 'party_cell', parentId: u.P })).id;
  provinceEditor = await actorOn('editor', u.P, 'bientap.tinh');
  provinceViewer = await actorOn('viewer', u.P, 'xem.tinh');
  const editors = new Map<string, Actor>();
  editorOf = async (unit) => {
    const known = editors.get(unit) ?? (await actorOn('editor', u[unit], `bientap.${unit.toLowerCase()}`));
    editors.set(unit, known);
    return known;
  };
});

describe('submitting', () => {
  it('freezes version 1 with the deadline of the unit’s level, late at the deadline instant, sent to the parent, with its audit row and event', async () => {
    const a = await submit('A', '2025-11-12T15:59:59.999');
    expect(a).toMatchObject({ version: 1, late: false, state: 'submitted', recipientUnitId: u.P, periodKey: '2025-11-12', unitId: u.A });
    expect(a.deadline).toEqual(vn('2025-11-12T16:00:00')); // a unit with children: the cut-off
    expect(a.periodStart).toEqual(vn('2025-11-05T16:00:00'));
    expect(a.snapshot).toMatchObject({ unit: 'A', units: [{ n: 7 }] });
    const b = await submit('B', '2025-11-11T16:00:00');
    expect(b).toMatchObject({ version: 1, late: true });
    expect(b.deadline).toEqual(vn('2025-11-11T16:00:00')); // grassroots: Tuesday 16:00
    const audit = await db.execute<{ action: string; entity_id: string }>(sql`select action, entity_id from audit_log where entity_type = 'period_report_submission' order by id`);
    expect(audit.rows).toEqual([
      { action: 'period_report.submit', entity_id: String(a.id) },
      { action: 'period_report.submit', entity_id: String(b.id) },
    ]);
    const events = await db.execute<{ payload: { submissionId: number; late: boolean } }>(sql`select payload from outbox where name = 'period-report.submitted' order by id`);
    expect(events.rows.map((r) => [r.payload.submissionId, r.payload.late])).toEqual([
      [a.id, false],
      [b.id, true],
    ]);
  });

  it('refuses a second version while the first is under review, also when two arrive at once', async () => {
    await expect(submit('B', '2025-11-11T17:00:00')).rejects.toMatchObject({ code: 'CONFLICT', reason: 'PERIOD_REPORT_SUBMITTED' });
    const editorC = await editorOf('C');
    const results = await Promise.allSettled([submit('C', '2025-11-10T09:00:00', editorC), submit('C', '2025-11-10T09:00:01', editorC)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { reason: 'PERIOD_REPORT_SUBMITTED' } });
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from period_report_submissions where unit_id = ${u.C}`);
    expect(rows.rows[0]?.n).toBe(1);
  });

  it('lets only an editor of the unit (or above) submit', async () => {
    const viewerD = await actorOn('viewer', u.D, 'xem.d');
    await expect(submit('D', '2025-11-10T09:00:00', viewerD)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(submit('D', '2025-11-10T09:00:00', await editorOf('E'))).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'UNIT_OUT_OF_SCOPE' });
  });
});

describe('returning and approving', () => {
  it('returns with a reason, and the resubmission is version 2 with the history kept', async () => {
    const [b] = await periodReportHistory(db, { actor: await editorOf('B'), subject, unitId: u.B });
    await expect(returnPeriodReport(db, { actor: provinceEditor, submissionId: b!.id, reason: '   ' })).rejects.toMatchObject({ reason: 'PERIOD_REPORT_RETURN_REASON_REQUIRED' });
    // The sender is not its own recipient; a viewer of the recipient may not review.
    await expect(returnPeriodReport(db, { actor: await editorOf('B'), submissionId: b!.id, reason: 'Tự trả' })).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'PERIOD_REPORT_NOT_FOUND' });
    await expect(approvePeriodReport(db, { actor: provinceViewer, submissionId: b!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const returned = await returnPeriodReport(db, { actor: provinceEditor, submissionId: b!.id, reason: 'Thiếu số liệu hội nghị', now: vn('2025-11-12T08:00:00') });
    expect(returned).toMatchObject({ state: 'returned', returnReason: 'Thiếu số liệu hội nghị', reviewedByUserId: provinceEditor.userId });
    await expect(approvePeriodReport(db, { actor: provinceEditor, submissionId: b!.id })).rejects.toMatchObject({ code: 'CONFLICT', reason: 'PERIOD_REPORT_NOT_UNDER_REVIEW' });

    const again = await submit('B', '2025-11-12T09:00:00');
    expect(again).toMatchObject({ version: 2, late: true, state: 'submitted' });
    const history = await periodReportHistory(db, { actor: provinceViewer, subject, unitId: u.B, periodKey: '2025-11-12' });
    expect(history.map((h) => [h.version, h.state, h.returnReason, h.reviewedBy, h.submittedBy])).toEqual([
      [2, 'submitted', null, null, 'bientap.b'],
      [1, 'returned', 'Thiếu số liệu hội nghị', 'bientap.tinh', 'bientap.b'],
    ]);
    await expect(periodReportHistory(db, { actor: await editorOf('C'), subject, unitId: u.B })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('approves once; an approved report takes no new version', async () => {
    const [a] = await periodReportHistory(db, { actor: provinceViewer, subject, unitId: u.A });
    const approved = await approvePeriodReport(db, { actor: provinceEditor, submissionId: a!.id });
    expect(approved).toMatchObject({ state: 'approved', returnReason: null });
    await expect(approvePeriodReport(db, { actor: provinceEditor, submissionId: a!.id })).rejects.toMatchObject({ reason: 'PERIOD_REPORT_NOT_UNDER_REVIEW' });
    await expect(submit('A', '2025-11-12T10:00:00')).rejects.toMatchObject({ reason: 'PERIOD_REPORT_SUBMITTED' });
    await expect(approvePeriodReport(db, { actor: provinceEditor, submissionId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'PERIOD_REPORT_NOT_FOUND' });
    const audit = await db.execute<{ action: string }>(sql`select action from audit_log where action in ('period_report.return', 'period_report.approve') order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['period_report.return', 'period_report.approve']);
  });

  it('has a top unit’s report reviewed by a system admin only', async () => {
    const top = await submit('P', '2025-11-12T10:00:00');
    expect(top.recipientUnitId).toBeNull();
    await expect(approvePeriodReport(db, { actor: provinceEditor, submissionId: top.id })).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'PERIOD_REPORT_NOT_FOUND' });
    expect(await approvePeriodReport(db, { actor: cliActor(), submissionId: top.id })).toMatchObject({ state: 'approved' });
  });

  it('sends to another recipient when the caller names one (e.g. a regime’s issuer), who then reviews it', async () => {
    const editorA = await editorOf('A');
    const cell = await submitPeriodReport(db, { actor: await editorOf('A1'), subject: { kind: 'test.weekly', id: 3 }, unitId: u.A1, period, deadlines, recipientUnitId: u.P, now: vn('2025-11-11T09:00:00'), freeze: async () => ({}) });
    expect(cell).toMatchObject({ recipientUnitId: u.P, late: false });
    await expect(approvePeriodReport(db, { actor: editorA, submissionId: cell.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await approvePeriodReport(db, { actor: provinceEditor, submissionId: cell.id })).toMatchObject({ state: 'approved' });
  });
});

describe('status of a period below a unit', () => {
  it('gives every child’s on time / late / missing and returned / approved state in one statement, with the counts', async () => {
    const e = await submit('E', '2025-11-10T10:00:00');
    await returnPeriodReport(db, { actor: provinceEditor, submissionId: e.id, reason: 'Sai biểu mẫu' });
    let statements = 0;
    const counting = new Proxy(db, {
      get: (target, prop, receiver) =>
        prop === 'execute'
          ? (...args: Parameters<Db['execute']>) => {
              statements++;
              return target.execute(...args);
            }
          : Reflect.get(target, prop, receiver),
    });
    const children = await selectChildrenStatus(counting, { subject, periodKey: '2025-11-12', parentId: u.P });
    expect(statements).toBe(1);
    expect(children.map((c) => [c.code, c.status, c.review, c.version])).toEqual([
      ['A', 'onTime', 'approved', 1],
      ['B', 'late', 'submitted', 2],
      ['C', 'onTime', 'submitted', 1],
      ['D', 'missing', null, null],
      ['E', 'onTime', 'returned', 1],
    ]);
    const status = await periodReportStatus(db, { actor: provinceViewer, subject, unitId: u.P, periodKey: '2025-11-12' });
    expect(status.counts).toEqual({ expected: 5, onTime: 3, late: 1, missing: 1, overdue: 0, returned: 1, approved: 1 });
    // The subtree adds the cell A1 below A (missing); the province's own report is not among them.
    expect(status.subtree).toEqual({ expected: 6, onTime: 3, late: 1, missing: 2, overdue: 0, returned: 1, approved: 1 });
    // Another period, another subject: nothing sent.
    const next = await periodReportStatus(db, { actor: provinceViewer, subject, unitId: u.P, periodKey: '2025-11-19' });
    expect(next.counts).toMatchObject({ expected: 5, missing: 5 });
    const other = await selectChildrenStatus(db, { subject: { kind: 'test.weekly', id: 2 }, periodKey: '2025-11-12', parentId: u.P });
    expect(other.every((c) => c.status === 'missing')).toBe(true);
    await expect(periodReportStatus(db, { actor: await editorOf('B'), subject, unitId: u.P, periodKey: '2025-11-12' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('tells overdue from not yet sent by each level’s deadline at the given instant, children and subtree alike', async () => {
    const due = (at: string) => ({ period, deadlines, now: vn(at) });
    const before = await periodReportStatus(db, { actor: provinceViewer, subject, unitId: u.P, periodKey: '2025-11-12', due: due('2025-11-11T15:59:59.999') });
    expect(before.children.find((c) => c.code === 'D')).toMatchObject({ status: 'missing', deadline: vn('2025-11-11T16:00:00') });
    expect(before.subtree).toMatchObject({ missing: 2, overdue: 0 });
    // Tuesday 16:00: the cells D and A1 (grassroots) are overdue; the deadline instant itself is past it.
    const after = await periodReportStatus(db, { actor: provinceViewer, subject, unitId: u.P, periodKey: '2025-11-12', due: due('2025-11-11T16:00:00') });
    expect(after.children.find((c) => c.code === 'D')?.status).toBe('overdue');
    expect(after.counts).toMatchObject({ expected: 5, missing: 0, overdue: 1 });
    expect(after.subtree).toMatchObject({ expected: 6, missing: 0, overdue: 2 });
    // A unit above the grassroots (A, with A1 below) that sent nothing is due by the cut-off, not by Tuesday.
    const next = (at: string) => selectChildrenStatus(db, { subject, periodKey: '2025-11-19', parentId: u.P, due: { period: periodClosingOn(period.schedule, '2025-11-19'), deadlines, now: vn(at) } });
    expect((await next('2025-11-18T16:00:00')).map((c) => [c.code, c.status])).toEqual([['A', 'missing'], ['B', 'overdue'], ['C', 'overdue'], ['D', 'overdue'], ['E', 'overdue']]);
    expect((await next('2025-11-19T16:00:00')).every((c) => c.status === 'overdue')).toBe(true);
  });

  it('tells a unit’s height from the bottom, walking no deeper than asked', async () => {
    const heights = await selectUnitHeights(db, [u.P, u.A, u.A1, u.B], 5);
    expect([heights.get(u.P), heights.get(u.A), heights.get(u.A1), heights.get(u.B)]).toEqual([2, 1, 0, 0]);
    expect((await selectUnitHeights(db, [u.P], 1)).get(u.P)).toBe(1);
  });
});
