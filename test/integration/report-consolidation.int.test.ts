import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidateReport } from '../../src/modules/reports/consolidate/consolidate.js';
import { returnReport } from '../../src/modules/reports/fill/review-report.js';
import { submitReport } from '../../src/modules/reports/fill/submit-report.js';
import { reportMonitoring } from '../../src/modules/reports/status/monitoring.js';
import { reportStatus } from '../../src/modules/reports/status/status.js';
import { reportItemsDue } from '../../src/modules/reports/extension-points.js';
import type { ReportContent } from '../../src/shared/report-form.js';
import { cliActor } from '../../src/platform/access/roles.js';
import { createTestDatabase } from '../support/db.js';
import { buildUnit } from '../support/factories.js';
import { buildFlowFixture, vn, type FlowFixture, type FlowUnit } from '../support/report-flow-fixtures.js';

/** Consolidation up three levels, live sums and mismatches, status and rates over the fixed expected set (items 4, 5, 12). */
const { db } = await createTestDatabase();
let f: FlowFixture;

const content = (values: ReportContent['values'], narrative: string[] = []): ReportContent => ({ values, notes: {}, prefilled: {}, narrative, noActivity: false });
const at = (fx: FlowFixture, unit: FlowUnit) => ({ regimeId: fx.regimeId, closingDate: fx.closingDate, unitId: fx.u[unit] });
const submitAs = async (fx: FlowFixture, unit: FlowUnit, when: string, values: ReportContent['values'], narrative: string[] = []) =>
  submitReport(db, { actor: await fx.actor('editor', unit), ...at(fx, unit), content: content(values, narrative), now: vn(when) });

beforeAll(async () => {
  f = await buildFlowFixture(db, { prefix: 'CO' });
});

describe('consolidation on a three-level tree', () => {
  it('adds up the children’s latest versions, freezes them in the committee’s version, and flags the live difference after a cell resubmits', async () => {
    const c11 = await submitAs(f, 'C11', '2025-11-11T10:00:00', { HN: 2, NG: 10, CO: true, TL: 80 }, ['Tổ chức hội nghị. Đảng viên dự đầy đủ.']);
    const c12 = await submitAs(f, 'C12', '2025-11-11T11:00:00', { HN: 1, NG: 30, CO: false, TL: 40 }, ['Đảng viên dự đầy đủ!']);
    const committee = await consolidateReport(db, { actor: await f.actor('viewer', 'K1'), ...at(f, 'K1') });
    expect(committee.values).toEqual({ HN: 3, NG: 40, CO: 1, TL: 50 });
    expect(committee.narrative[0]?.entries).toEqual([
      { text: 'Tổ chức hội nghị.', units: ['Chi bộ 11 CO'] },
      { text: 'Đảng viên dự đầy đủ.', units: ['Chi bộ 11 CO', 'Chi bộ 12 CO'] },
    ]);
    const k1 = await submitAs(f, 'K1', '2025-11-12T09:00:00', { HN: 1, NG: 2 });
    const frozen = await db.execute<{ snapshot: { values: Record<string, number>; children: { code: string; submissionId: number; version: number }[] } }>(
      sql`select snapshot from period_report_submissions where id = ${k1.submissionId}`,
    );
    expect(frozen.rows[0]?.snapshot.values).toMatchObject({ HN: 4, NG: 42, CO: 1 });
    expect(frozen.rows[0]?.snapshot.children.map((c) => [c.code, c.submissionId, c.version])).toEqual([
      ['CO-C11', c11.submissionId, 1],
      ['CO-C12', c12.submissionId, 1],
    ]);
    // After the committee sent, the province returns nothing, but K1 returns C12, which resubmits with other figures.
    await returnReport(db, { actor: await f.actor('editor', 'K1'), submissionId: c12.submissionId, reason: 'Số hội nghị chưa đúng' });
    await submitAs(f, 'C12', '2025-11-12T10:00:00', { HN: 3, NG: 30, CO: true, TL: 40 });
    await submitAs(f, 'C21', '2025-11-11T09:00:00', { HN: 5, NG: 20, CO: true, TL: 100 });
    const province = await consolidateReport(db, { actor: await f.actor('viewer', 'P'), ...at(f, 'P') });
    expect(province.children.map((c) => [c.code, c.status, c.review])).toEqual([
      ['CO-K1', 'onTime', 'submitted'],
      ['CO-K2', 'missing', null],
    ]);
    expect(province.values).toMatchObject({ HN: 4, NG: 42, CO: 1 });
    expect(province.live).toMatchObject({ HN: 1 + 2 + 3 + 5, NG: 2 + 10 + 30 + 20, CO: 3 });
    const hn = province.mismatches.find((m) => m.indicator === 'HN');
    expect(hn).toEqual({
      indicator: 'HN',
      values: 4,
      live: 11,
      explainedBy: [
        { code: 'CO-K1', name: 'Đảng ủy bộ phận 1 CO', reported: 4, live: 6 },
        { code: 'CO-K2', name: 'Đảng ủy bộ phận 2 CO', reported: null, live: 5 },
      ],
    });
    // The committee's own consolidation follows its children's latest versions: no mismatch there.
    const again = await consolidateReport(db, { actor: await f.actor('viewer', 'K1'), ...at(f, 'K1') });
    expect(again.values).toMatchObject({ HN: 6, NG: 42, CO: 2 });
    expect(again.mismatches).toEqual([]);
  });

  it('reports the status object of `reports status`: direct children counts, rates, subtree, children', async () => {
    const status = await reportStatus(db, { actor: await f.actor('viewer', 'P'), ...at(f, 'P') });
    expect(status).toMatchObject({
      unit: 'CO-P',
      deadline: null,
      expected: 2,
      onTime: 1,
      late: 0,
      missing: 1,
      returned: 0,
      approved: 0,
      reportingRate: 0.5,
      timelinessRate: 0.5,
      subtree: { expected: 5, onTime: 3, late: 1, missing: 1 }, // C12's second version came after the cells' Tuesday deadline
    });
    expect(status.periodStart).toEqual(vn('2025-11-05T16:00:00'));
    expect(status.children.map((c) => [c.code, c.status, c.review])).toEqual([
      ['CO-K1', 'onTime', 'submitted'],
      ['CO-K2', 'missing', null],
    ]);
    const monitoring = await reportMonitoring(db, { actor: await f.actor('viewer', 'P'), regimeId: f.regimeId, now: vn('2025-11-12T17:00:00') });
    expect(monitoring.periods).toEqual([expect.objectContaining({ key: '2025-11-12', expected: 2, onTime: 1, missing: 1, reportingRate: 0.5, indicators: expect.objectContaining({ HN: 4 }) })]);
    expect(monitoring.units.map((u) => [u.code, u.cells.map((c) => c.status)])).toEqual([
      ['CO-K1', ['onTime']],
      ['CO-K2', ['missing']],
    ]);
    await expect(reportStatus(db, { actor: await f.actor('editor', 'C21'), ...at(f, 'K1') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lists what is due: K2’s unsent report (overdue after its deadline) and K1’s children awaiting review', async () => {
    const items = await reportItemsDue(db, { actor: await f.actor('editor', 'K2'), unitIds: [f.u.K2], now: vn('2025-11-12T16:01:00') });
    expect(items).toEqual([
      expect.objectContaining({ kind: 'reports.report', unitId: f.u.K2, overdue: true, link: `/bao-cao/che-do/${f.regimeId}/ky/2025-11-12/don-vi/${f.u.K2}` }),
      expect.objectContaining({ kind: 'reports.review', unitId: f.u.K2, title: expect.stringContaining(': 1 báo cáo của đơn vị cấp dưới chờ xem xét') }),
    ]);
    expect(items[0]?.title).toMatch(/^Báo cáo Báo cáo tuần CO kỳ Tuần .* hạn 16:00 ngày 12\/11\/2025$/);
    const review = await reportItemsDue(db, { actor: await f.actor('editor', 'K1'), unitIds: [f.u.K1], now: vn('2025-11-12T16:01:00') });
    expect(review).toEqual([expect.objectContaining({ kind: 'reports.review', unitId: f.u.K1, title: expect.stringContaining('2 báo cáo của đơn vị cấp dưới chờ xem xét') })]);
    expect(await reportItemsDue(db, { actor: await f.actor('viewer', 'K2'), unitIds: [f.u.K2], now: vn('2025-11-12T16:01:00') })).toEqual([]);
  });
});

describe('rates over the fixed expected set (property)', () => {
  it('never exceed 100 % with units created and dissolved during the period', async () => {
    const cells = ['C11', 'C12', 'C21'] as const;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.subarray([...cells]),
        fc.subarray([...cells]),
        fc.integer({ min: 0, max: 3 }),
        async (submitting, dissolved, created) => {
          const fx = await buildFlowFixture(db, { prefix: `R${++run}` });
          for (const cell of dissolved) await db.execute(sql`update units set active_to = '2025-11-08' where id = ${fx.u[cell]}`);
          for (let i = 0; i < created; i++) {
            const unit = await buildUnit(db, { code: `R${run}-N${i}`, kind: 'party_cell', parentId: fx.u.K1 });
            await expect(submitReport(db, { actor: cliActor(), regimeId: fx.regimeId, closingDate: fx.closingDate, unitId: unit.id, content: content({ HN: 1, NG: 1 }) })).rejects.toMatchObject({
              reason: 'REPORT_UNIT_NOT_EXPECTED',
            });
          }
          for (const cell of submitting) await submitAs(fx, cell, '2025-11-11T17:00:00', { HN: 1, NG: 1 });
          for (const k of ['K1', 'K2'] as const) {
            const s = await reportStatus(db, { actor: cliActor(), ...at(fx, k) });
            expect(s.expected).toBe(k === 'K1' ? 2 : 1);
            expect(s.onTime + s.late + s.missing).toBe(s.expected);
            expect(s.reportingRate).toBeLessThanOrEqual(1);
            expect(s.timelinessRate).toBeLessThanOrEqual(s.reportingRate);
          }
          const top = await reportStatus(db, { actor: cliActor(), ...at(fx, 'P') });
          expect(top.subtree).toEqual({ expected: 5, onTime: 0, late: submitting.length, missing: 5 - submitting.length });
        },
      ),
      { numRuns: 8 },
    );
  });
});
