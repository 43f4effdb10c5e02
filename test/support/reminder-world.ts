import { eq } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.js';
import { users } from '../../src/platform/db/schema/index.js';
import { periodClosingOn, formatIsoDate, isoWeekdayOf, vietnamDateOf } from '../../src/platform/time/index.js';
import { periodReportSubmissions } from '../../src/core/period-reports/tables.js';
import { reportPeriods, reportPeriodUnits, reportRegimes } from '../../src/modules/reports/tables.js';
import { buildUnit, buildUser } from './factories.js';

export interface ReminderWorld {
  regimeId: number;
  periodId: number;
  cellDeadline: Date;
  units: Record<'P' | 'C1' | 'C2' | 'A' | 'B' | 'D', number>;
  users: Record<'a' | 'b' | 'c1' | 'c2' | 'd' | 'p', number>;
  /** B's live submission (version 1). */
  submissionB: number;
}

/**
 * A weekly regime of the province P with one opened period: cells A and B report to committee C1,
 * cell D to C2 (deadline `cellDeadline`), C1 and C2 to P a day later; B has submitted. Each unit
 * has an editor `<prefix>.ed.<unit>` with the address `<unit>@example.vn` (D's turned e-mail off)
 * and A has a viewer, who is never reminded. The period rows are written as opening it would.
 */
export async function buildReminderWorld(db: Db, options: { prefix: string; cellDeadline: Date }): Promise<ReminderWorld> {
  const { prefix, cellDeadline } = options;
  const unit = (code: string, name: string, kind: 'party_committee' | 'party_cell', parentId: number | null) => buildUnit(db, { code: `${prefix}-${code}`, name, kind, parentId });
  const P = (await unit('P', `Tỉnh ủy ${prefix}`, 'party_committee', null)).id;
  const C1 = (await unit('C1', 'Đảng ủy C1', 'party_committee', P)).id;
  const C2 = (await unit('C2', 'Đảng ủy C2', 'party_committee', P)).id;
  const A = (await unit('A', 'Chi bộ A', 'party_cell', C1)).id;
  const B = (await unit('B', 'Chi bộ B', 'party_cell', C1)).id;
  const D = (await unit('D', 'Chi bộ D', 'party_cell', C2)).id;
  const editor = async (key: string, unitId: number) => {
    const user = await buildUser(db, { username: `${prefix}.ed.${key}`, role: 'editor', unitId });
    await db.update(users).set({ email: `${key}@example.vn`, emailNotifications: key !== 'd' }).where(eq(users.id, user.id));
    return user.id;
  };
  const people = { a: await editor('a', A), b: await editor('b', B), c1: await editor('c1', C1), c2: await editor('c2', C2), d: await editor('d', D), p: await editor('p', P) };
  await buildUser(db, { username: `${prefix}.viewer.a`, role: 'viewer', unitId: A });

  const committeeDeadline = new Date(cellDeadline.getTime() + 24 * 3_600_000);
  const closing = vietnamDateOf(committeeDeadline);
  const schedule = { kind: 'weekly' as const, weekday: isoWeekdayOf(closing), time: '16:00' };
  const period = periodClosingOn(schedule, formatIsoDate(closing));
  const [regime] = await db
    .insert(reportRegimes)
    .values({ code: `${prefix}-WEEKLY`, name: `Báo cáo tuần ${prefix}`, type: 'periodic', issuerUnitId: P, schedule, form: { sections: [], relations: [], outline: [] } })
    .returning();
  const [opened] = await db
    .insert(reportPeriods)
    .values({ regimeId: regime!.id, periodKey: period.key, closingDate: period.closingDate, periodStart: period.start, periodEnd: period.end })
    .returning();
  const row = (unitId: number, recipientUnitId: number, deadline: Date, path: number[], receives: boolean) => ({ periodId: opened!.id, unitId, recipientUnitId, deadline, reportingPath: path, receives });
  await db.insert(reportPeriodUnits).values([
    row(A, C1, cellDeadline, [C1, P], false),
    row(B, C1, cellDeadline, [C1, P], false),
    row(D, C2, cellDeadline, [C2, P], false),
    row(C1, P, committeeDeadline, [P], true),
    row(C2, P, committeeDeadline, [P], true),
  ]);
  const [submission] = await db
    .insert(periodReportSubmissions)
    .values({
      ...{ subjectKind: 'reports.regime', subjectId: regime!.id, unitId: B, recipientUnitId: C1, periodKey: period.key },
      ...{ periodStart: period.start, periodEnd: period.end, deadline: cellDeadline, version: 1, late: false, snapshot: {}, submittedByUserId: people.b },
    })
    .returning();
  return { regimeId: regime!.id, periodId: opened!.id, cellDeadline, units: { P, C1, C2, A, B, D }, users: people, submissionB: submission!.id };
}
