/** SQL of the reports demo: a period's expected units with their codes (what the demo submits for). */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';

export interface DemoExpectedUnit {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  recipientUnitId: number;
  deadline: Date;
  receives: boolean;
  /** Levels above it up to the issuer (1 = reports straight to the issuer). */
  depth: number;
}

/** The expected units of a period, the deepest first (a receiving unit after the units reporting to it), then by code. */
export async function selectDemoExpectedUnits(db: Queryable, periodId: number): Promise<DemoExpectedUnit[]> {
  const result = await db.execute<{ unitId: number; code: string; name: string; kind: string; recipientUnitId: number; deadline: string | Date; receives: boolean; depth: number }>(sql`
    select e.unit_id as "unitId", u.code, u.name, u.kind, e.recipient_unit_id as "recipientUnitId", e.deadline, e.receives,
      cardinality(e.reporting_path) as depth
    from report_period_units e join units u on u.id = e.unit_id
    where e.period_id = ${periodId}
    order by cardinality(e.reporting_path) desc, u.code`);
  return result.rows.map((r) => ({ ...r, deadline: new Date(r.deadline) }));
}

/** A demo account's id (null when it is not there). */
export async function selectDemoUserId(db: Queryable, username: string): Promise<number | null> {
  const result = await db.execute<{ id: number }>(sql`select id from users where username = ${username}`);
  return result.rows[0]?.id ?? null;
}
