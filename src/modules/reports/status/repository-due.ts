/**
 * SQL of the reports' items due (home page): the newest started period each unit is expected in and
 * has not sent (nor had returned without a new version), and the children's versions awaiting a
 * recipient's review — through the expected sets' unit and recipient indexes.
 */
import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import type { Schedule } from '../../../platform/time/index.js';
import { REPORT_SUBJECT_KIND } from '../fill/subject.js';

export interface DueRow {
  regimeId: number;
  regimeName: string;
  schedule: Schedule;
  periodId: number;
  periodKey: string;
  closingDate: string;
  start: Date;
  end: Date;
  unitId: number;
  deadline: Date;
  /** For review items: how many children's versions await review. */
  count: number;
}

type DueSqlRow = {
  regime_id: number;
  regime_name: string;
  schedule: Schedule;
  period_id: number;
  period_key: string;
  closing_date: string;
  period_start: string | Date;
  period_end: string | Date;
  unit_id: number;
  deadline: string | Date;
  count: number;
};

const toDue = (r: DueSqlRow): DueRow => ({
  regimeId: r.regime_id,
  regimeName: r.regime_name,
  schedule: r.schedule,
  periodId: r.period_id,
  periodKey: r.period_key,
  closingDate: r.closing_date,
  start: new Date(r.period_start),
  end: new Date(r.period_end),
  unitId: r.unit_id,
  deadline: new Date(r.deadline),
  count: r.count,
});

/** For each unit and live regime, its newest period started by `now` when it has sent nothing live for it. */
export async function selectReportsToSend(db: Queryable, unitIds: readonly number[], now: Date): Promise<DueRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await db.execute<DueSqlRow>(sql`
    select x.* from (
      select distinct on (r.id, e.unit_id) r.id as regime_id, r.name as regime_name, r.schedule, p.id as period_id, p.period_key, p.closing_date,
             p.period_start, p.period_end, e.unit_id, e.deadline, 0 as count
      from report_period_units e
      join report_periods p on p.id = e.period_id
      join report_regimes r on r.id = p.regime_id and r.archived_at is null
      where e.unit_id = any(${pgArray(unitIds)}::int[]) and p.period_start <= ${now}
      order by r.id, e.unit_id, p.period_end desc) x
    where not exists (
      select 1 from period_report_submissions s
      where s.subject_kind = ${REPORT_SUBJECT_KIND} and s.subject_id = x.regime_id and s.period_key = x.period_key and s.unit_id = x.unit_id and s.state <> 'returned')
    order by x.deadline`);
  return rows.rows.map(toDue);
}

/** Per recipient, live regime and period ended after `since`: the children's newest versions awaiting its review. */
export async function selectReportsToReview(db: Queryable, recipientIds: readonly number[], since: Date): Promise<DueRow[]> {
  if (recipientIds.length === 0) return [];
  const rows = await db.execute<DueSqlRow>(sql`
    select r.id as regime_id, r.name as regime_name, r.schedule, p.id as period_id, p.period_key, p.closing_date, p.period_start, p.period_end,
           e.recipient_unit_id as unit_id, min(s.submitted_at) as deadline, count(*)::int as count
    from report_period_units e
    join report_periods p on p.id = e.period_id and p.period_end > ${since}
    join report_regimes r on r.id = p.regime_id and r.archived_at is null
    join lateral (
      select s.state, s.submitted_at from period_report_submissions s
      where s.subject_kind = ${REPORT_SUBJECT_KIND} and s.subject_id = r.id and s.period_key = p.period_key and s.unit_id = e.unit_id
      order by s.version desc limit 1) s on s.state = 'submitted'
    where e.recipient_unit_id = any(${pgArray(recipientIds)}::int[])
    group by r.id, p.id, e.recipient_unit_id
    order by p.period_end`);
  return rows.rows.map(toDue);
}
