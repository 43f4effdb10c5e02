import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { UnitKind } from '../../../platform/db/schema/org.js';

/** SQL of the weekly report page (the figures are read through `figures/repository.ts`). */

/** The unit a report is about: code, name, kind, its parent's name, and whether it is grassroots (no children). */
export async function selectReportUnit(db: Queryable, unitId: number) {
  const [unit] = (
    await db.execute<{ code: string; name: string; kind: UnitKind; parent_name: string | null; grassroots: boolean }>(sql`
      select u.code, u.name, u.kind, p.name as parent_name, not exists (select 1 from units c where c.parent_id = u.id) as grassroots
      from units u left join units p on p.id = u.parent_id where u.id = ${unitId}`)
  ).rows;
  return unit;
}
