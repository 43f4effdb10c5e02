import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';

/** SQL the demo loader (`load-demo.ts`) reads with. */

/** The latest `count` opinions with distinct, non-empty texts a unit received in [from, to). */
export async function selectDistinctOpinionIds(db: Queryable, options: { consultationId: number; unitCode: string; from: Date; to: Date; count: number }): Promise<number[]> {
  const rows = await db.execute<{ id: number }>(sql`
    select id from (
      select distinct on (o.body) o.id, s.submitted_at from submissions s join units u on u.id = s.unit_id join opinions o on o.submission_id = s.id
      where s.consultation_id = ${options.consultationId} and u.code = ${options.unitCode} and o.body <> ''
        and s.submitted_at >= ${options.from} and s.submitted_at < ${options.to}
      order by o.body, o.submitted_at, o.id) distinct_texts
    order by submitted_at desc, id desc limit ${options.count}`);
  return rows.rows.map((r) => r.id);
}

/** The opinion of a unit's first representative pick of a week, if any. */
export async function selectFirstPick(db: Queryable, options: { consultationId: number; unitId: number; periodEnd: string }): Promise<number | null> {
  const [pick] = (
    await db.execute<{ opinion_id: number }>(sql`
      select r.opinion_id from representative_opinions r
      where r.consultation_id = ${options.consultationId} and r.unit_id = ${options.unitId} and r.period_end = ${options.periodEnd} order by r.id limit 1`)
  ).rows;
  return pick?.opinion_id ?? null;
}
