import { inArray, sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import { subtreeIdsOf, unitPaths } from '../../core/unit-tree/index.js';
import { consultations } from './tables.js';
import { selectLiveSubmissionKeys } from '../../core/period-reports/index.js';
import { WEEKLY_REPORT_KIND } from './report/subject.js';

/** SQL of the consultation's extension points (module.ts: figures, items due). */

/**
 * Submissions and their opinions received in [start, end) by a unit and its whole subtree, over
 * every consultation: per consultation, the subtree's units through submissions_unit_time_idx.
 */
export async function selectSubtreeIntake(db: Queryable, options: { unitId: number; start: Date; end: Date }): Promise<{ submissions: number; opinions: number }> {
  const result = await db.execute<{ submissions: number; opinions: number }>(sql`
    select count(*)::int as submissions, coalesce(sum(s.opinion_count), 0)::int as opinions
    from consultations c
    join submissions s on s.consultation_id = c.id
    where s.unit_id in ${subtreeIdsOf(sql`select ${options.unitId}::int`)}
      and s.submitted_at >= ${options.start} and s.submitted_at < ${options.end}`);
  return result.rows[0] ?? { submissions: 0, opinions: 0 };
}

export interface OpenParticipation {
  consultationId: number;
  unitId: number;
  unitName: string;
  grassroots: boolean;
}

/**
 * Each (consultation open at `now`, unit of `unitIds` taking part in it): every unit by default,
 * otherwise the units listed and their subtrees ("is in subtree" walks up the unit's path); a
 * dissolved unit takes part no more. With whether the unit has children (grassroots deadlines).
 */
export async function selectOpenParticipations(db: Queryable, options: { unitIds: readonly number[]; now: Date }): Promise<OpenParticipation[]> {
  if (options.unitIds.length === 0) return [];
  const result = await db.execute<{ consultation_id: number; unit_id: number; unit_name: string; grassroots: boolean }>(sql`
    select c.id as consultation_id, u.id as unit_id, u.name as unit_name, not exists (select 1 from units ch where ch.parent_id = u.id) as grassroots
    from ${unitPaths(sql`${pgArray([...new Set(options.unitIds)])}::int[]`)} p
    join units u on u.id = p.unit_id
    join consultations c on c.opens_at <= ${options.now} and (c.closes_at is null or c.closes_at > ${options.now})
    where (u.active_to is null or u.active_to >= (${options.now}::timestamptz at time zone 'Asia/Ho_Chi_Minh')::date)
      and (c.all_units or exists (select 1 from consultation_units cu where cu.consultation_id = c.id and cu.unit_id = any(p.path)))
    order by c.opens_at, c.id, u.sort_order, u.name, u.id`);
  return result.rows.map((r) => ({ consultationId: r.consultation_id, unitId: r.unit_id, unitName: r.unit_name, grassroots: r.grassroots }));
}

export async function selectConsultationsByIds(db: Queryable, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.select().from(consultations).where(inArray(consultations.id, [...ids]));
}

/** Which of the (consultation, unit, week) triples already have a submitted (not returned) weekly report: keys `c:u:periodEnd`. */
export async function selectSubmittedWeeks(db: Queryable, keys: readonly { consultationId: number; unitId: number; periodEnd: string }[]): Promise<Set<string>> {
  return selectLiveSubmissionKeys(
    db,
    WEEKLY_REPORT_KIND,
    keys.map((k) => ({ subjectId: k.consultationId, unitId: k.unitId, periodKey: k.periodEnd })),
  );
}
