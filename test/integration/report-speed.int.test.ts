import fc from 'fast-check';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aggregateValues, type ConsolidatedValues } from '../../src/modules/reports/consolidate/aggregate.js';
import { consolidateReport, ownContentOf } from '../../src/modules/reports/consolidate/consolidate.js';
import { liveFromPartials } from '../../src/modules/reports/consolidate/live.js';
import { ownPart, sameFigure } from '../../src/modules/reports/consolidate/mismatches.js';
import { selectOwnContentBelow } from '../../src/modules/reports/consolidate/repository.js';
import { selectLivePartialsByChild } from '../../src/modules/reports/consolidate/repository-live.js';
import { loadReportContext } from '../../src/modules/reports/fill/context.js';
import { returnReport } from '../../src/modules/reports/fill/review-report.js';
import { submitReport } from '../../src/modules/reports/fill/submit-report.js';
import { cliActor } from '../../src/platform/access/roles.js';
import { formIndicators, type IndicatorValue, type ReportContent, type ReportForm } from '../../src/shared/report-form.js';
import { createTestDatabase } from '../support/db.js';
import { buildFlowFixture, vn, type FlowFixture, type FlowUnit } from '../support/report-flow-fixtures.js';

/** Issue 13 item 11: the live sums added up in SQL equal the previous JavaScript path; a submit's round trips. */
const { db } = await createTestDatabase();

const form: ReportForm = {
  sections: [
    {
      title: 'Số liệu',
      indicators: [
        { code: 'S', label: 'Số cuộc', type: 'integer', aggregation: 'sum' },
        { code: 'D', label: 'Kinh phí', type: 'decimal', aggregation: 'sum' },
        { code: 'M', label: 'Cao nhất', type: 'decimal', aggregation: 'max' },
        { code: 'N', label: 'Thấp nhất', type: 'integer', aggregation: 'min' },
        { code: 'Y', label: 'Có tổ chức', type: 'yesno', aggregation: 'count-yes' },
        { code: 'W', label: 'Số đảng viên', type: 'integer', aggregation: 'sum' },
        { code: 'A', label: 'Tỷ lệ tham gia', type: 'percentage', aggregation: 'weighted-average', weightBy: 'W' },
        { code: 'T', label: 'Ghi chú', type: 'text', aggregation: 'none' },
      ],
    },
  ],
  relations: [],
  outline: ['Kết quả'],
};
const indicators = formIndicators(form);
const units: FlowUnit[] = ['C11', 'C12', 'C21', 'K1', 'K2'];

const blank = fc.constantFrom<IndicatorValue>(null, '');
const withBlank = (arb: fc.Arbitrary<IndicatorValue>) => fc.oneof({ arbitrary: arb, weight: 3 }, { arbitrary: blank, weight: 1 });
const decimal = fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100);
const valuesArb = fc.record({
  S: withBlank(fc.integer({ min: 0, max: 1000 })),
  D: withBlank(decimal),
  M: withBlank(decimal),
  N: withBlank(fc.integer({ min: -50, max: 50 })),
  Y: withBlank(fc.boolean()),
  W: withBlank(fc.integer({ min: 0, max: 40 })),
  A: withBlank(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100)),
  T: withBlank(fc.string({ maxLength: 5 }).filter((s) => s.trim() !== '')),
});
/** What one unit does: nothing, or sends its values (possibly "no activity"), and maybe gets them returned. */
const unitArb = fc.record({ sends: fc.boolean(), values: valuesArb, noActivity: fc.boolean(), returned: fc.boolean() });

const content = (values: ReportContent['values'], noActivity: boolean): ReportContent => ({ values, notes: {}, prefilled: {}, narrative: [], noActivity });

function expectSameFigures(actual: ConsolidatedValues, expected: ConsolidatedValues): void {
  for (const indicator of indicators) {
    const [a, e] = [actual[indicator.code] ?? null, expected[indicator.code] ?? null];
    if (!sameFigure(a, e)) expect({ [indicator.code]: a }).toEqual({ [indicator.code]: e });
  }
}

/** The previous path: every unit's own values below, read one by one, added up in JavaScript (all and per direct child). */
async function javascriptLive(fx: FlowFixture, unit: FlowUnit) {
  const ctx = await loadReportContext(db, { regimeId: fx.regimeId, closingDate: fx.closingDate, unitId: fx.u[unit] });
  const own = ownPart(await ownContentOf(db, ctx));
  const below = await selectOwnContentBelow(db, ctx.ref, ctx.unit.id);
  const live = aggregateValues(indicators, [own, ...below]);
  const childLive = new Map<number, ConsolidatedValues>();
  for (const childId of new Set(below.map((b) => b.childId))) childLive.set(childId, aggregateValues(indicators, below.filter((b) => b.childId === childId)));
  return { ctx, own, live, childLive };
}

let run = 0;

describe('live sums in SQL (property)', () => {
  it('equal the previous JavaScript path for random values, blanks, "no activity" and returned versions, at every level', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(unitArb, unitArb, unitArb, unitArb, unitArb), async (plans) => {
        const fx = await buildFlowFixture(db, { prefix: `LS${++run}`, form });
        for (const [i, unit] of units.entries()) {
          const plan = plans[i]!;
          if (!plan.sends) continue;
          const sent = await submitReport(db, { actor: cliActor(), regimeId: fx.regimeId, closingDate: fx.closingDate, unitId: fx.u[unit], content: content(plan.values, plan.noActivity), now: vn('2025-11-11T09:00:00') });
          if (plan.returned) await returnReport(db, { actor: cliActor(), submissionId: sent.submissionId, reason: 'Số liệu chưa đúng' });
        }
        for (const unit of ['P', 'K1', 'K2'] as const) {
          const reference = await javascriptLive(fx, unit);
          const partials = await selectLivePartialsByChild(db, reference.ctx.ref, reference.ctx.unit.id, indicators);
          const sql = liveFromPartials(indicators, reference.own, partials);
          expectSameFigures(sql.live, reference.live);
          for (const childId of new Set([...sql.childLive.keys(), ...reference.childLive.keys()])) {
            expectSameFigures(sql.childLive.get(childId) ?? {}, reference.childLive.get(childId) ?? {});
          }
          const report = await consolidateReport(db, { actor: cliActor(), regimeId: fx.regimeId, closingDate: fx.closingDate, unitId: fx.u[unit] });
          expectSameFigures(report.live, reference.live);
        }
      }),
      { numRuns: 12 },
    );
  });
});

describe('a submit', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs at most 11 statements: one access check, one read of the report’s place under the lock, the writes', async () => {
    const fx = await buildFlowFixture(db, { prefix: 'RT', form });
    const editor = await fx.actor('editor', 'C21');
    const send = (s: number, at: string) =>
      submitReport(db, { actor: editor, regimeId: fx.regimeId, closingDate: fx.closingDate, unitId: fx.u.C21, content: content({ S: s }, false), now: vn(at) });
    const first = await send(1, '2025-11-11T15:59:59.999');
    expect(first).toMatchObject({ version: 1, late: false });
    await returnReport(db, { actor: await fx.actor('editor', 'K2'), submissionId: first.submissionId, reason: 'Gửi lại' });
    const query = vi.spyOn(pg.Client.prototype, 'query');
    const second = await send(2, '2025-11-11T16:00:00');
    expect(second).toMatchObject({ version: 2, late: true });
    expect(query.mock.calls.length).toBeLessThanOrEqual(11);
  });
});
