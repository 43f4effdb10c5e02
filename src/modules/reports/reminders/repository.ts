/**
 * SQL of the reminders (tables in ../tables.ts and core/period-reports' ledger). Each statement
 * claims its once-only keys in `report_reminders` (`on conflict do nothing returning`) and answers
 * only what it claimed, so two app servers running the job at once, or a restart, never send a
 * reminder twice. Set-based over `report_period_units` ⋈ the ledger: no unit is loaded one by one.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { Schedule } from '../../../platform/time/index.js';

/** How far back periods are looked at (every deadline falls within this of its period's end). */
const RECENT_PERIODS = sql`interval '120 days'`;

/** The unit has a live (submitted or approved, not returned) version of the period's report. */
const hasLiveSubmission = (unitColumn: ReturnType<typeof sql.raw>) => sql`exists (
  select 1 from period_report_submissions s
  where s.subject_kind = 'reports.regime' and s.subject_id = p.regime_id and s.period_key = p.period_key
    and s.unit_id = ${unitColumn} and s.state <> 'returned')`;

type PeriodColumns = {
  period_id: number;
  regime_id: number;
  regime_name: string;
  schedule: Schedule;
  period_key: string;
  closing_date: string;
  period_start: string;
  period_end: string;
};

export interface PeriodOfReminder {
  periodId: number;
  regimeId: number;
  regimeName: string;
  schedule: Schedule;
  key: string;
  closingDate: string;
  start: Date;
  end: Date;
}

function periodOf(r: PeriodColumns): PeriodOfReminder {
  return {
    ...{ periodId: r.period_id, regimeId: r.regime_id, regimeName: r.regime_name, schedule: r.schedule, key: r.period_key },
    ...{ closingDate: r.closing_date, start: new Date(r.period_start), end: new Date(r.period_end) },
  };
}

export interface DueReminder extends PeriodOfReminder {
  unitId: number;
  unitName: string;
  deadline: Date;
  /** The smallest offset claimed now for the unit (several fall due at once after a pause). */
  offsetMinutes: number;
}

/**
 * Claims every reminder due at `now`: an expected unit of an opened period of an active regime,
 * an offset of the regime with deadline − offset ≤ now < deadline, and no live submission.
 * One row per unit (its smallest newly claimed offset).
 */
export async function claimDueReminders(db: Queryable, now: Date): Promise<DueReminder[]> {
  const result = await db.execute<PeriodColumns & { unit_id: number; unit_name: string; deadline: string; offset_minutes: number }>(sql`
    with due as (
      select pu.period_id, pu.unit_id, o.offset_minutes
      from report_regimes r
      join report_periods p on p.regime_id = r.id
      cross join lateral unnest(r.reminder_offsets_minutes) as o(offset_minutes)
      join report_period_units pu on pu.period_id = p.id
      where r.archived_at is null and p.period_end > ${now}::timestamptz - ${RECENT_PERIODS}
        and pu.deadline > ${now}::timestamptz
        and pu.deadline - o.offset_minutes * interval '1 minute' <= ${now}::timestamptz
        and not ${hasLiveSubmission(sql.raw('pu.unit_id'))}
    ),
    claimed as (
      insert into report_reminders (period_id, unit_id, kind, offset_minutes, sent_at)
      select period_id, unit_id, 'before', offset_minutes, ${now}::timestamptz from due
      on conflict do nothing
      returning period_id, unit_id, offset_minutes
    )
    select c.period_id, c.unit_id, min(c.offset_minutes)::int as offset_minutes, pu.deadline, u.name as unit_name,
           p.regime_id, r.name as regime_name, r.schedule, p.period_key, p.closing_date, p.period_start, p.period_end
    from claimed c
    join report_period_units pu on pu.period_id = c.period_id and pu.unit_id = c.unit_id
    join report_periods p on p.id = c.period_id
    join report_regimes r on r.id = p.regime_id
    join units u on u.id = c.unit_id
    group by c.period_id, c.unit_id, pu.deadline, u.name, p.id, r.id
    order by c.period_id, c.unit_id`);
  return result.rows.map((r) => ({ ...periodOf(r), unitId: r.unit_id, unitName: r.unit_name, deadline: new Date(r.deadline), offsetMinutes: r.offset_minutes }));
}

export interface MissingNotice extends PeriodOfReminder {
  recipientUnitId: number;
  recipientName: string;
  /** The latest deadline of the recipient's reporting units (all have passed). */
  deadline: Date;
  missingUnitNames: string[];
}

/**
 * Claims one notice per recipient and period once the deadlines of all the units reporting to it
 * have passed (within `graceMs`, so periods opened long after their deadline stay quiet), listing
 * those without a live submission. A recipient whose reporters all reported gets nothing.
 */
export async function claimMissingNotices(db: Queryable, options: { now: Date; graceMs: number }): Promise<MissingNotice[]> {
  const { now } = options;
  const result = await db.execute<PeriodColumns & { recipient_unit_id: number; recipient_name: string; deadline: string; missing: string[] }>(sql`
    with closed as (
      select pu.period_id, pu.recipient_unit_id, max(pu.deadline) as deadline
      from report_regimes r
      join report_periods p on p.regime_id = r.id
      join report_period_units pu on pu.period_id = p.id
      where r.archived_at is null and p.period_end > ${now}::timestamptz - ${RECENT_PERIODS}
      group by pu.period_id, pu.recipient_unit_id
      having max(pu.deadline) <= ${now}::timestamptz
         and max(pu.deadline) > ${now}::timestamptz - ${options.graceMs} * interval '1 millisecond'
    ),
    missing as (
      select c.period_id, c.recipient_unit_id, pu.unit_id
      from closed c
      join report_periods p on p.id = c.period_id
      join report_period_units pu on pu.period_id = c.period_id and pu.recipient_unit_id = c.recipient_unit_id
      where not ${hasLiveSubmission(sql.raw('pu.unit_id'))}
    ),
    claimed as (
      insert into report_reminders (period_id, unit_id, kind, offset_minutes, sent_at)
      select distinct period_id, recipient_unit_id, 'missing', 0, ${now}::timestamptz from missing
      on conflict do nothing
      returning period_id, unit_id
    )
    select c.period_id, c.unit_id as recipient_unit_id, ru.name as recipient_name, cl.deadline,
           array_agg(u.name order by u.sort_order, u.name) as missing,
           p.regime_id, r.name as regime_name, r.schedule, p.period_key, p.closing_date, p.period_start, p.period_end
    from claimed c
    join closed cl on cl.period_id = c.period_id and cl.recipient_unit_id = c.unit_id
    join missing m on m.period_id = c.period_id and m.recipient_unit_id = c.unit_id
    join units u on u.id = m.unit_id
    join units ru on ru.id = c.unit_id
    join report_periods p on p.id = c.period_id
    join report_regimes r on r.id = p.regime_id
    group by c.period_id, c.unit_id, ru.name, cl.deadline, p.id, r.id
    order by c.period_id, c.unit_id`);
  return result.rows.map((r) => ({
    ...periodOf(r),
    ...{ recipientUnitId: r.recipient_unit_id, recipientName: r.recipient_name, deadline: new Date(r.deadline), missingUnitNames: r.missing },
  }));
}

export interface ReturnedNotice extends PeriodOfReminder {
  unitId: number;
  unitName: string;
  recipientName: string | null;
  version: number;
  reason: string;
  deadline: Date;
}

/**
 * Claims the notice of a returned version of a regime's report (key: kind `returned`, offset =
 * the version), answering what the notice says; nothing when it was already claimed, when the
 * submission is not a regime's or is no longer returned.
 */
export async function claimReturnedNotice(db: Queryable, submissionId: number): Promise<ReturnedNotice | null> {
  const result = await db.execute<PeriodColumns & { unit_id: number; unit_name: string; recipient_name: string | null; version: number; reason: string; deadline: string }>(sql`
    with sub as (
      select s.id, s.unit_id, s.version, s.return_reason, s.recipient_unit_id, p.id as period_id, pu.deadline
      from period_report_submissions s
      join report_periods p on p.regime_id = s.subject_id and p.period_key = s.period_key
      join report_period_units pu on pu.period_id = p.id and pu.unit_id = s.unit_id
      where s.id = ${submissionId} and s.subject_kind = 'reports.regime' and s.state = 'returned'
    ),
    claimed as (
      insert into report_reminders (period_id, unit_id, kind, offset_minutes)
      select period_id, unit_id, 'returned', version from sub
      on conflict do nothing
      returning period_id
    )
    select sub.unit_id, u.name as unit_name, ru.name as recipient_name, sub.version, sub.return_reason as reason, sub.deadline,
           p.id as period_id, p.regime_id, r.name as regime_name, r.schedule, p.period_key, p.closing_date, p.period_start, p.period_end
    from sub join claimed c on c.period_id = sub.period_id
    join units u on u.id = sub.unit_id
    left join units ru on ru.id = sub.recipient_unit_id
    join report_periods p on p.id = sub.period_id
    join report_regimes r on r.id = p.regime_id`);
  const r = result.rows[0];
  if (!r) return null;
  return { ...periodOf(r), unitId: r.unit_id, unitName: r.unit_name, recipientName: r.recipient_name, version: r.version, reason: r.reason, deadline: new Date(r.deadline) };
}
