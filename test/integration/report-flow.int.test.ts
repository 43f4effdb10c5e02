import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getReport } from '../../src/modules/reports/fill/get-report.js';
import { getReportVersion } from '../../src/modules/reports/fill/get-version.js';
import { approveReport, reopenReport, returnReport } from '../../src/modules/reports/fill/review-report.js';
import { saveDraft } from '../../src/modules/reports/fill/save-draft.js';
import { submitReport } from '../../src/modules/reports/fill/submit-report.js';
import type { ReportContent } from '../../src/shared/report-form.js';
import { registerFigureProviders } from '../../src/platform/modules/figures.js';
import type { ModuleManifest } from '../../src/platform/modules/manifest.js';
import { createTestDatabase } from '../support/db.js';
import { buildFlowFixture, flowForm, vn, type FlowFixture, type FlowUnit } from '../support/report-flow-fixtures.js';

/** Filling in, submitting, returning, approving and reopening a regime's report (issue 13, items 3 and 9). */
const { db } = await createTestDatabase();
let f: FlowFixture;

const content = (values: ReportContent['values'], narrative: string[] = []): ReportContent => ({ values, notes: {}, prefilled: {}, narrative, noActivity: false });
const at = (unit: FlowUnit) => ({ regimeId: f.regimeId, closingDate: f.closingDate, unitId: f.u[unit] });
const submitAs = async (unit: FlowUnit, when: string, values: ReportContent['values'] = { HN: 1, NG: 5 }, by: FlowUnit = unit) =>
  submitReport(db, { actor: await f.actor('editor', by), ...at(unit), content: content(values), now: vn(when) });

beforeAll(async () => {
  f = await buildFlowFixture(db, { prefix: 'SM' });
});

describe('the submit / return / approve / reopen state machine', () => {
  it('keeps every version: submit → return with a reason → version 2 → approve → reopen → version 3, each audited', async () => {
    const cell = await f.actor('editor', 'C11');
    const committee = await f.actor('editor', 'K1');
    await saveDraft(db, { actor: cell, ...at('C11'), content: content({ HN: 2, NG: 1 }), now: vn('2025-11-10T09:00:00') });
    const draft = await getReport(db, { actor: cell, ...at('C11') });
    expect(draft).toMatchObject({ editable: true, receives: false, versions: [], content: { values: { HN: 2, NG: 1 } } });
    expect(draft.recipient?.id).toBe(f.u.K1);
    expect(draft.deadline).toEqual(vn('2025-11-11T16:00:00'));
    // The draft's values break "NG ≥ HN": refused with every problem, nothing frozen.
    await expect(submitReport(db, { actor: cell, ...at('C11'), now: vn('2025-11-10T10:00:00') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', reason: 'REPORT_VALUES_INVALID', details: { count: 1 } });
    const v1 = await submitAs('C11', '2025-11-11T15:59:59.999', { HN: 2, NG: 10 });
    expect(v1).toMatchObject({ version: 1, late: false });
    // Refusals: a second send while under review; editing; a return by a sibling; approval by the reporter.
    await expect(submitAs('C11', '2025-11-11T16:10:00')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(saveDraft(db, { actor: cell, ...at('C11'), content: content({ HN: 9 }) })).rejects.toMatchObject({ reason: 'REPORT_READ_ONLY' });
    await expect(returnReport(db, { actor: await f.actor('editor', 'C12'), submissionId: v1.submissionId, reason: 'Sai' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(approveReport(db, { actor: cell, submissionId: v1.submissionId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(returnReport(db, { actor: committee, submissionId: v1.submissionId, reason: '  ' })).rejects.toMatchObject({ reason: 'PERIOD_REPORT_RETURN_REASON_REQUIRED' });
    expect(await returnReport(db, { actor: committee, submissionId: v1.submissionId, reason: 'Thiếu số người dự' })).toMatchObject({ version: 1, review: 'returned', returnReason: 'Thiếu số người dự' });
    expect((await getReport(db, { actor: cell, ...at('C11') })).editable).toBe(true);
    const v2 = await submitAs('C11', '2025-11-11T16:00:00', { HN: 2, NG: 12 });
    expect(v2).toMatchObject({ version: 2, late: true });
    await approveReport(db, { actor: committee, submissionId: v2.submissionId });
    await expect(approveReport(db, { actor: committee, submissionId: v2.submissionId })).rejects.toMatchObject({ reason: 'PERIOD_REPORT_NOT_UNDER_REVIEW' });
    expect((await getReport(db, { actor: cell, ...at('C11') })).editable).toBe(false);
    await expect(reopenReport(db, { actor: cell, submissionId: v2.submissionId, reason: 'Sửa' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reopenReport(db, { actor: committee, submissionId: v1.submissionId, reason: 'Sửa' })).rejects.toMatchObject({ reason: 'PERIOD_REPORT_NOT_APPROVED' });
    expect(await reopenReport(db, { actor: committee, submissionId: v2.submissionId, reason: 'Bổ sung kết quả' })).toMatchObject({ review: 'returned', returnReason: 'Bổ sung kết quả' });
    const v3 = await submitAs('C11', '2025-11-12T08:00:00', { HN: 3, NG: 12 });
    expect(v3.version).toBe(3);
    const page = await getReport(db, { actor: committee, ...at('C11') });
    expect(page.versions.map((v) => [v.version, v.review, v.late])).toEqual([
      [3, 'submitted', true],
      [2, 'returned', true],
      [1, 'returned', false],
    ]);
    expect((await getReportVersion(db, { actor: cell, ...at('C11'), version: 1 })).snapshot).toMatchObject({ own: { values: { HN: 2, NG: 10 } }, values: { HN: 2, NG: 10 }, children: [] });
    const audit = await db.execute<{ action: string }>(sql`select action from audit_log where entity_type = 'period_report_submission' order by id`);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'period_report.submit',
      'period_report.return',
      'period_report.submit',
      'period_report.approve',
      'period_report.reopen',
      'period_report.submit',
    ]);
    const events = await db.execute<{ name: string; payload: { reopened?: boolean } }>(sql`select name, payload from outbox where name like 'period-report.%' order by id`);
    expect(events.rows.map((r) => [r.name, r.payload.reopened ?? false])).toContainEqual(['period-report.returned', true]);
  });

  it('judges late to the millisecond against the unit’s own deadline in the expected set', async () => {
    expect(await submitAs('C12', '2025-11-11T15:59:59.999')).toMatchObject({ late: false });
    expect(await submitAs('C21', '2025-11-11T16:00:00.000')).toMatchObject({ late: true });
    expect(await submitAs('K2', '2025-11-12T15:59:59.999', { HN: 0, NG: 0 })).toMatchObject({ late: false });
  });
});

describe('access', () => {
  it('lets an editor fill only his unit; recipients read their children; a sibling or another branch gets NOT_FOUND', async () => {
    const c12 = await f.actor('editor', 'C12');
    await expect(getReport(db, { actor: c12, ...at('C11') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getReportVersion(db, { actor: c12, ...at('C11'), version: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(saveDraft(db, { actor: c12, ...at('K1'), content: content({}) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getReport(db, { actor: await f.actor('editor', 'K2'), ...at('C11') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const viewer = await f.actor('viewer', 'K1');
    expect((await getReport(db, { actor: viewer, ...at('C11') })).editable).toBe(false);
    await expect(saveDraft(db, { actor: viewer, ...at('K1'), content: content({}) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const committee = await getReport(db, { actor: await f.actor('editor', 'K1'), ...at('K1') });
    expect(committee.receives).toBe(true);
    expect(committee.children?.map((c) => [c.code, c.status, c.review])).toEqual([
      ['SM-C11', 'late', 'submitted'],
      ['SM-C12', 'onTime', 'submitted'],
    ]);
  });

  it('refuses the issuer’s own report and units outside the expected set', async () => {
    const issuer = await f.actor('editor', 'P');
    expect(await getReport(db, { actor: issuer, ...at('P') })).toMatchObject({ editable: false, receives: true, deadline: null });
    await expect(submitReport(db, { actor: issuer, ...at('P'), content: content({ HN: 1, NG: 1 }) })).rejects.toMatchObject({ reason: 'REPORT_ISSUER_DOES_NOT_REPORT' });
    await expect(getReport(db, { actor: issuer, regimeId: f.regimeId, closingDate: '2025-11-18', unitId: f.u.K1 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(getReport(db, { actor: issuer, regimeId: f.regimeId + 1000, closingDate: '2025-11-12', unitId: f.u.K1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The next period opens on demand, its expected units fixed from the regime's rule.
    const next = await getReport(db, { actor: issuer, regimeId: f.regimeId, closingDate: '2025-11-19', unitId: f.u.C21 });
    expect(next).toMatchObject({ period: { key: '2025-11-19' }, recipient: { id: f.u.K2 }, deadline: vn('2025-11-18T16:00:00'), versions: [] });
  });
});

describe('pre-filled figures', () => {
  it('fills each indicator with a figure key with the unit’s OWN figure (its subtree’s less its reporters’ subtrees), marked, and keeps an override’s note', async () => {
    const pf = await buildFlowFixture(db, {
      prefix: 'PF',
      form: { ...flowForm, sections: [{ title: 'A', indicators: [{ code: 'HN', label: 'Số hội nghị', type: 'integer', aggregation: 'sum', prefill: 'test.meetings' }, { code: 'NG', label: 'Số người dự', type: 'integer', aggregation: 'sum' }] }], relations: [] },
    });
    const subtreeFigure: Record<number, number> = { [pf.u.P]: 100, [pf.u.K1]: 10, [pf.u.C11]: 3, [pf.u.C12]: 4, [pf.u.K2]: 20, [pf.u.C21]: 20 };
    // A provider as another module's manifest declares it (the figure of a unit's subtree).
    const provider = { name: 'test', figures: async (_db: unknown, q: { unitId: number }) => [{ key: 'test.meetings', label: 'Hội nghị', value: subtreeFigure[q.unitId] ?? 0 }] } as unknown as ModuleManifest;
    registerFigureProviders([provider]);
    const where = (unit: FlowUnit) => ({ regimeId: pf.regimeId, closingDate: pf.closingDate, unitId: pf.u[unit] });
    const k1 = await getReport(db, { actor: await pf.actor('editor', 'K1'), ...where('K1') });
    expect(k1.content).toMatchObject({ values: { HN: 3 }, prefilled: { HN: 3 } });
    expect((await getReport(db, { actor: await pf.actor('editor', 'C11'), ...where('C11') })).content.prefilled).toEqual({ HN: 3 });
    expect((await getReport(db, { actor: await pf.actor('editor', 'K2'), ...where('K2') })).content.prefilled).toEqual({ HN: 0 });
    const editor = await pf.actor('editor', 'K1');
    await saveDraft(db, { actor: editor, ...where('K1'), content: { ...k1.content, values: { HN: 5 }, notes: { HN: 'Thêm 2 hội nghị ngoài kế hoạch' } } });
    const saved = await getReport(db, { actor: editor, ...where('K1') });
    expect(saved.content).toMatchObject({ values: { HN: 5 }, prefilled: { HN: 3 }, notes: { HN: 'Thêm 2 hội nghị ngoài kế hoạch' } });
  });
});
