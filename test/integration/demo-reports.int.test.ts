import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { periodAt, previousPeriod, type RecurringSchedule } from '../../src/platform/time/index.js';
import { consolidateReport } from '../../src/modules/reports/consolidate/consolidate.js';
import { reportStatus } from '../../src/modules/reports/status/status.js';
import { reportItemsDue } from '../../src/modules/reports/extension-points.js';
import { loadDemoWorkspace } from '../../src/server/demo.js';
import { createTestDatabase } from '../support/db.js';

/**
 * Issue 13, item 10: the demo workspace holds seed 004's weekly regime (Đảng ủy UBND tỉnh Lai Châu,
 * its cells and the Đảng bộ Sở GD&ĐT, which receives two cells' reports) and the Sở VHTTDL's monthly
 * Decree 09 regime over its divisions, with closed periods counted back from the day it is loaded:
 * on time, late, returned and sent again, missing; figures pre-filled from the demo consultation.
 */
const { db } = await createTestDatabase();
const actor = cliActor();

async function regime(code: string) {
  const rows = await db.execute<{ id: number; schedule: RecurringSchedule; issuer: number }>(sql`
    select id, schedule, issuer_unit_id as issuer from report_regimes where code = ${code}`);
  return rows.rows[0] as { id: number; schedule: RecurringSchedule; issuer: number };
}

async function unitId(code: string): Promise<number> {
  const rows = await db.execute<{ id: number }>(sql`select id from units where code = ${code}`);
  return (rows.rows[0] as { id: number }).id;
}

describe('demo workspace: report regimes', () => {
  it('loads both regimes with a mixed current week, a returned-then-resubmitted unit and a consolidation adding up its children', async () => {
    expect(await loadDemoWorkspace(db)).toBe(true);
    const codes = await db.execute<{ code: string; issuer: string; expected: number }>(sql`
      select r.code, u.code as issuer, (select count(*)::int from report_period_units e join report_periods p on p.id = e.period_id
        where p.regime_id = r.id and p.period_key = (select max(period_key) from report_periods where regime_id = r.id)) as expected
      from report_regimes r join units u on u.id = r.issuer_unit_id order by r.code`);
    expect(codes.rows).toEqual([
      { code: 'DUUBND-DH14-TUAN', issuer: 'LCU-DU-UBND', expected: 6 },
      { code: 'SVHTTDL-THANG', issuer: 'LCU-SVHTTDL', expected: 4 },
    ]);

    const weekly = await regime('DUUBND-DH14-TUAN');
    const current = periodAt(weekly.schedule, new Date());
    const now = await reportStatus(db, { actor, regimeId: weekly.id, closingDate: current.closingDate, unitId: weekly.issuer });
    expect(now.expected).toBe(4);
    expect(now.subtree.expected).toBe(6);
    const submitted = now.children.filter((c) => c.status !== 'missing').map((c) => c.code);
    expect(submitted).toEqual(['LCU-CB-SVHTTDL']);
    expect(now.children.some((c) => c.status === 'missing')).toBe(true);

    // The last closed week: on time, late, missing and a returned version sent again, among the direct children.
    const last = previousPeriod(current);
    const closed = await reportStatus(db, { actor, regimeId: weekly.id, closingDate: last.closingDate, unitId: weekly.issuer });
    expect(new Set(closed.children.map((c) => c.status))).toEqual(new Set(['onTime', 'late']));
    expect(closed.subtree).toMatchObject({ expected: 6, missing: 1 });
    const resent = await db.execute<{ code: string; versions: number[]; states: string[] }>(sql`
      select u.code, array_agg(s.version order by s.version) as versions, array_agg(s.state order by s.version) as states
      from period_report_submissions s join units u on u.id = s.unit_id
      where s.subject_kind = 'reports.regime' and s.subject_id = ${weekly.id} and s.period_key = ${last.key}
      group by u.code having count(*) > 1`);
    expect(resent.rows).toEqual([{ code: 'LCU-CB-SKHCN', versions: [1, 2], states: ['returned', 'submitted'] }]);

    // The Đảng bộ Sở GD&ĐT's consolidation of the week before: its own figures plus its two cells' submitted ones.
    const before = previousPeriod(previousPeriod(current));
    const sgddt = await consolidateReport(db, { actor, regimeId: weekly.id, closingDate: before.closingDate, unitId: await unitId('LCU-DU-SGDDT') });
    expect(sgddt.children.map((c) => [c.code, c.status])).toEqual([
      ['LCU-CB-VPSGDDT', 'onTime'],
      ['LCU-CB-THPTLQD', 'late'],
    ]);
    for (const code of ['HOI_NGHI', 'THAM_DU', 'LUOT_GOP_Y', 'Y_KIEN']) {
      const own = Number(sgddt.own[code] ?? 0);
      const children = sgddt.children.reduce((sum, c) => sum + Number(c.values[code] ?? 0), 0);
      expect(sgddt.values[code], code).toBe(own + children);
    }
    expect(Number(sgddt.own.LUOT_GOP_Y)).toBeGreaterThan(0);

    // Up one level: the Đảng ủy UBND tỉnh's consolidation adds up the Đảng bộ's frozen consolidation and the cells'.
    const board = await consolidateReport(db, { actor, regimeId: weekly.id, closingDate: before.closingDate, unitId: weekly.issuer });
    const total = board.children.reduce((sum, c) => sum + Number(c.values.THAM_DU ?? 0), 0);
    expect(board.values.THAM_DU).toBe(total);
    expect(board.children.find((c) => c.code === 'LCU-DU-SGDDT')?.values.THAM_DU).toBe(sgddt.values.THAM_DU);
    expect(board.mismatches).toEqual([]);
  });

  it("gives the Sở VHTTDL's editor its divisions' reports to review, and leaves a division missing in the current month", async () => {
    const rows = await db.execute<{ userId: number; grantId: number; unitId: number }>(sql`
      select u.id as "userId", g.id as "grantId", g.unit_id as "unitId" from users u join role_grants g on g.user_id = u.id where u.username = 'bientap.vhttdl'`);
    const me = rows.rows[0] as { userId: number; grantId: number; unitId: number };
    const editor = { userId: me.userId, username: 'bientap.vhttdl', ip: null, grants: [{ id: me.grantId, role: 'editor' as const, unitId: me.unitId }] };
    const items = await reportItemsDue(db, { actor: editor, unitIds: [me.unitId], now: new Date() });
    const monthly = await regime('SVHTTDL-THANG');
    expect(items.some((i) => i.kind === 'reports.review' && i.subject === String(monthly.id) && i.unitId === monthly.issuer)).toBe(true);
    const current = periodAt(monthly.schedule, new Date());
    const status = await reportStatus(db, { actor: editor, regimeId: monthly.id, closingDate: current.closingDate, unitId: monthly.issuer });
    expect(status).toMatchObject({ expected: 4, missing: 3 });
    const months = await db.execute<{ key: string; sent: number; late: number; returned: number }>(sql`
      select period_key as key, count(distinct unit_id)::int as sent, count(*) filter (where late and state <> 'returned')::int as late,
        count(*) filter (where state = 'returned')::int as returned
      from period_report_submissions where subject_kind = 'reports.regime' and subject_id = ${monthly.id} group by period_key order by period_key`);
    // Units sent and returned per month (the last closed month's late ones are on time when loaded before their deadline, the 16th).
    expect(months.rows.map((m) => [m.sent, m.returned])).toEqual([[4, 0], [3, 1], [3, 1], [1, 0]]);
    expect(months.rows.map((m) => m.late).slice(0, 2)).toEqual([1, 1]);
  });
});
