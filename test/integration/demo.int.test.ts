import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/modules/org/load-demo.js';
import { loadDirectivesDemo } from '../../src/modules/directives/load-demo.js';
import { demoWeeks, loadConsultationDemo } from '../../src/modules/consultation/load-demo.js';
import { loadConsultation } from '../../src/modules/consultation/repository.js';
import { computeWeeklyReport } from '../../src/modules/consultation/report/weekly-report.js';
import { createTestDatabase } from '../support/db.js';

/** The demo workspace `lantoa start` loads into an empty database, as a first-time user sees it. */
const { db } = await createTestDatabase();

describe('demo workspace', () => {
  it('loads units, accounts, the four seed directives and the consultation with children on time, late and overdue, weeks before today', async () => {
    await loadDemo(db);
    await loadDirectivesDemo(db);
    await loadConsultationDemo(db);
    const directives = await db.execute<{ n: number }>(sql`select count(*)::int as n from directives`);
    expect(directives.rows[0]!.n).toBe(4);
    const consultation = await loadConsultation(db, 'DH14');
    const [board] = (await db.execute<{ id: number }>(sql`select id from units where code = 'LCU-DU-UBND'`)).rows;
    // The weeks are computed from the day the demo is loaded, as the loader does.
    const { closed, current } = demoWeeks();
    const report = await computeWeeklyReport(db, { consultation, unitId: board!.id, periodEnd: closed[4]! });
    expect(report.opinions).toBeGreaterThan(report.submissions);
    expect(new Set(report.children.map((c) => c.status))).toEqual(new Set(['submitted', 'late', 'overdue']));
    const province = await computeWeeklyReport(db, { consultation, unitId: board!.id, periodEnd: closed[3]! });
    expect(province.cumulative.opinions).toBeGreaterThan(province.opinions);
    // The current week holds the feedback received so far; nobody is overdue yet or the deadline passed.
    const now = await computeWeeklyReport(db, { consultation, unitId: board!.id, periodEnd: current.closingDate });
    expect(now.submissions).toBeGreaterThan(0);
    expect(consultation.opensAt.getTime()).toBeLessThan(new Date(`${closed[0]}T00:00:00+07:00`).getTime());
  });
});
