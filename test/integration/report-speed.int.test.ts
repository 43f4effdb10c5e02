import { sql } from 'drizzle-orm';
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
import { saveDraft } from '../../src/modules/reports/fill/save-draft.js';
import { submitReport } from '../../src/modules/reports/fill/submit-report.js';
import { cliActor } from '../../src/platform/access/roles.js';
import { formIndicators, type IndicatorValue, type ReportContent, type ReportForm } from '../../src/shared/report-form.js';
import { createTestDatabase } from '../support/db.js';
import { buildTestApp, logInAs } from '../support/http.js';
import { buildFlowFixture, vn, type FlowFixture, type FlowUnit } from '../support/report-flow-fixtures.js';

/** Issue 13 item 11: the live sums added up in SQL equal the previous JavaScript path; a submit's round trips and what its one write writes. */
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
/**
 * What one unit does: nothing, or sends its values (possibly "no activity"), and maybe gets them
 * returned. Its version's typed figures (figures.ts) are as sent, or absent (sent before they
 * existed), or of another layout (sent under a form since redefined; wrong numbers on purpose): the
 * last two are read from the snapshot.
 */
const unitArb = fc.record({ sends: fc.boolean(), values: valuesArb, noActivity: fc.boolean(), returned: fc.boolean(), figures: fc.constantFrom('typed', 'absent', 'other-layout') });

/** Makes a version's figures absent or of another layout, as the plan says. */
async function storeFigures(submissionId: number, figures: 'typed' | 'absent' | 'other-layout'): Promise<void> {
  if (figures === 'typed') return;
  const [figuresValue, key] = figures === 'absent' ? [sql`null`, sql`null`] : [sql`array_fill(999999::float8, array[20])`, sql`'r1:another-form'`];
  await db.execute(sql`update period_report_submissions set figures = ${figuresValue}, figures_key = ${key} where id = ${submissionId}`);
}

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
  it('equal the previous JavaScript path for random values, blanks, "no activity", returned versions and versions read from typed figures or from JSON, at every level', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(unitArb, unitArb, unitArb, unitArb, unitArb), async (plans) => {
        const fx = await buildFlowFixture(db, { prefix: `LS${++run}`, form });
        for (const [i, unit] of units.entries()) {
          const plan = plans[i]!;
          if (!plan.sends) continue;
          const sent = await submitReport(db, { actor: cliActor(), regimeId: fx.regimeId, closingDate: fx.closingDate, unitId: fx.u[unit], content: content(plan.values, plan.noActivity), now: vn('2025-11-11T09:00:00') });
          await storeFigures(sent.submissionId, plan.figures);
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
      { numRuns: 16 },
    );
  });
});

describe('a submit', () => {
  afterEach(() => vi.restoreAllMocks());
  const sent = (s: number): ReportContent => content({ S: s }, false);

  it('costs one HTTP request three statements: the session, access check + place, and one for the lock, the version, its audit row, event and draft', async () => {
    const app = await buildTestApp(db);
    try {
      const fx = await buildFlowFixture(db, { prefix: 'RH', form });
      const editor = await fx.actor('editor', 'C21');
      const session = await logInAs(app, editor.username);
      const url = `/api/v1/report-regimes/${fx.regimeId}/periods/${fx.closingDate}/units/${fx.u.C21}/report/submit`;
      const submit = (payload: object, headers = session.headers) => app.inject({ method: 'POST', url, headers, payload });
      const first = (await submit({ content: sent(1) })).json() as { submissionId: number };
      await returnReport(db, { actor: await fx.actor('editor', 'K2'), submissionId: first.submissionId, reason: 'Gửi lại' });

      const query = vi.spyOn(pg.Client.prototype, 'query');
      const second = await submit({ content: sent(2) });
      const statements = query.mock.calls.length;
      query.mockRestore();
      expect(second.statusCode).toBe(200);
      const v2 = second.json() as { submissionId: number; version: number; late: boolean };
      expect(v2).toMatchObject({ version: 2, late: true });
      expect(statements).toBe(3);

      // What the one write statement wrote, besides the version: the audit row, the event, the draft.
      const audit = await db.execute<{ actor_user_id: number; actor_username: string; entity_id: string; unit_id: number; before: unknown; after: unknown }>(
        sql`select actor_user_id, actor_username, entity_id, unit_id, before, after from audit_log where action = 'period_report.submit' and entity_id = ${String(v2.submissionId)}`,
      );
      const summary = { subjectKind: 'reports.regime', subjectId: fx.regimeId, unitId: fx.u.C21, periodKey: '2025-11-12', version: 2, late: true };
      expect(audit.rows).toEqual([{ actor_user_id: editor.userId, actor_username: editor.username, entity_id: String(v2.submissionId), unit_id: fx.u.C21, before: null, after: summary }]);
      const events = await db.execute<{ payload: unknown }>(sql`select payload from outbox where name = 'period-report.submitted' and (payload ->> 'submissionId')::int = ${v2.submissionId}`);
      expect(events.rows).toEqual([{ payload: { submissionId: v2.submissionId, ...summary } }]);
      const version = await db.execute<{ submitted_at: Date; snapshot: { own: ReportContent } }>(sql`select submitted_at, snapshot from period_report_submissions where id = ${v2.submissionId}`);
      const draft = await db.execute<{ content: ReportContent; updated_by_user_id: number; updated_at: Date }>(
        sql`select d.content, d.updated_by_user_id, d.updated_at from report_drafts d join report_periods p on p.id = d.period_id where p.regime_id = ${fx.regimeId} and d.unit_id = ${fx.u.C21}`,
      );
      expect(draft.rows).toEqual([{ content: sent(2), updated_by_user_id: editor.userId, updated_at: version.rows[0]?.submitted_at }]);
      expect(version.rows[0]?.snapshot.own).toEqual(sent(2));

      // Refusals keep their codes and order: sent already (even with bad values), another unit's editor, a viewer.
      for (const payload of [{ content: sent(3) }, { content: content({ S: 'nhiều' }, false) }]) {
        expect((await submit(payload)).json()).toMatchObject({ code: 'CONFLICT', reason: 'REPORT_READ_ONLY', details: { version: 2, state: 'submitted' } });
      }
      const sibling = await logInAs(app, (await fx.actor('editor', 'C11')).username);
      expect((await submit({ content: sent(4) }, sibling.headers)).json()).toMatchObject({ code: 'NOT_FOUND', reason: 'UNIT_OUT_OF_SCOPE' });
      const viewer = await logInAs(app, (await fx.actor('viewer', 'C21')).username);
      expect((await submit({ content: sent(4) }, viewer.headers)).json()).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_TOO_WEAK', details: { unitId: fx.u.C21, required: 'editor' } });
      const stored = await db.execute<{ n: number }>(sql`select count(*)::int as n from period_report_submissions where subject_id = ${fx.regimeId} and unit_id = ${fx.u.C21}`);
      expect(stored.rows[0]?.n).toBe(2);
    } finally {
      await app.close();
    }
  });

  it('runs two statements as an operation in a period it saw opened, late from the deadline instant on; a draft’s submit one transaction', async () => {
    const fx = await buildFlowFixture(db, { prefix: 'RT', form });
    const editor = await fx.actor('editor', 'C21');
    const at = { actor: editor, regimeId: fx.regimeId, closingDate: fx.closingDate, unitId: fx.u.C21 };
    const first = await submitReport(db, { ...at, content: sent(1), now: vn('2025-11-11T15:59:59.999') });
    expect(first).toMatchObject({ version: 1, late: false });
    const reviewer = await fx.actor('editor', 'K2');
    await returnReport(db, { actor: reviewer, submissionId: first.submissionId, reason: 'Gửi lại' });
    let query = vi.spyOn(pg.Client.prototype, 'query');
    const second = await submitReport(db, { ...at, content: sent(2), now: vn('2025-11-11T16:00:00') });
    expect(second).toMatchObject({ version: 2, late: true });
    expect(query.mock.calls.length).toBe(2);
    query.mockRestore();

    // Without content the draft is sent: read under the lock, in one transaction (begin, place, lock, draft, write, commit).
    await returnReport(db, { actor: reviewer, submissionId: second.submissionId, reason: 'Gửi lại' });
    await saveDraft(db, { ...at, content: sent(7) });
    query = vi.spyOn(pg.Client.prototype, 'query');
    const third = await submitReport(db, { ...at, now: vn('2025-11-11T16:00:01') });
    expect(query.mock.calls.length).toBe(6);
    query.mockRestore();
    expect(third).toMatchObject({ version: 3, late: true });
    const frozen = await db.execute<{ snapshot: { own: ReportContent } }>(sql`select snapshot from period_report_submissions where id = ${third.submissionId}`);
    expect(frozen.rows[0]?.snapshot.own).toEqual(sent(7));
  });

  it('serialises a submit with an autosave of the same report: the draft ends as what was sent, or the autosave is refused', async () => {
    const fx = await buildFlowFixture(db, { prefix: 'RS', form });
    const editor = await fx.actor('editor', 'C12');
    const at = { actor: editor, regimeId: fx.regimeId, closingDate: fx.closingDate, unitId: fx.u.C12 };
    let submissionId: number | null = null;
    for (let round = 1; round <= 6; round++) {
      if (submissionId !== null) await returnReport(db, { actor: cliActor(), submissionId, reason: 'Gửi lại' });
      const [saved, submitted] = await Promise.allSettled([saveDraft(db, { ...at, content: sent(100 + round) }), submitReport(db, { ...at, content: sent(round) })]);
      if (submitted.status !== 'fulfilled') throw submitted.reason;
      submissionId = submitted.value.submissionId;
      if (saved.status === 'rejected') expect(saved.reason).toMatchObject({ reason: 'REPORT_READ_ONLY' });
      const draft = await db.execute<{ content: ReportContent }>(sql`select d.content from report_drafts d join report_periods p on p.id = d.period_id where p.regime_id = ${fx.regimeId} and d.unit_id = ${fx.u.C12}`);
      expect(draft.rows[0]?.content).toEqual(sent(round));
    }
  });

  it('makes one version of two sends at once, and refuses the other as already sent', async () => {
    const fx = await buildFlowFixture(db, { prefix: 'RC', form });
    const editor = await fx.actor('editor', 'C11');
    const send = (s: number) => submitReport(db, { actor: editor, regimeId: fx.regimeId, closingDate: fx.closingDate, unitId: fx.u.C11, content: sent(s), now: vn('2025-11-11T09:00:00') });
    await send(0).then((r) => returnReport(db, { actor: cliActor(), submissionId: r.submissionId, reason: 'Gửi lại' }));
    const results = await Promise.allSettled([send(1), send(2), send(3)]);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value.version)).toEqual([2]);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ reason: 'REPORT_READ_ONLY', details: { version: 2, state: 'submitted' } });
    const versions = await db.execute<{ version: number; state: string }>(sql`select version, state from period_report_submissions where subject_id = ${fx.regimeId} and unit_id = ${fx.u.C11} order by version`);
    expect(versions.rows).toEqual([{ version: 1, state: 'returned' }, { version: 2, state: 'submitted' }]);
  });
});
