/**
 * SQL of the submission ledger (`period_report_submissions`). A subject is `(kind, id)`, e.g.
 * `('consultation.weekly', consultationId)`; a period is named by its schedule key (`periodKey`).
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable, type Tx } from '../../platform/db/database.js';
import { periodReportSubmissions, type PeriodReportState } from './tables.js';

export interface Subject {
  kind: string;
  id: number;
}

export interface UnitPeriodKey {
  subject: Subject;
  unitId: number;
  periodKey: string;
}

export type SubmissionRow = typeof periodReportSubmissions.$inferSelect;

/**
 * The advisory lock key of a unit's period as SQL over its parts (text, int, int, text): the one
 * definition every taker of the lock uses, from values (lockUnitPeriod) or from columns a statement
 * reads (a caller that takes the lock in the statement that finds the period).
 */
export function unitPeriodLockKeySql(key: { subjectKind: SQL; subjectId: SQL; unitId: SQL; periodKey: SQL }): SQL {
  return sql`hashtextextended('period-report:' || ${key.subjectKind} || ':' || ${key.subjectId} || ':' || ${key.unitId} || ':' || ${key.periodKey}, 0)`;
}

/** Serialises every submission of one unit's period (and whatever the caller does under the same key). */
export async function lockUnitPeriod(tx: Tx, key: UnitPeriodKey): Promise<void> {
  const lockKey = unitPeriodLockKeySql({ subjectKind: sql`${key.subject.kind}::text`, subjectId: sql`${key.subject.id}::int`, unitId: sql`${key.unitId}::int`, periodKey: sql`${key.periodKey}::text` });
  await tx.execute(sql`select pg_advisory_xact_lock(${lockKey})`);
}

/** The unit's kind and parent (undefined when there is no such unit). */
export async function selectUnitPlace(db: Queryable, unitId: number): Promise<{ kind: string; parentId: number | null } | undefined> {
  const rows = await db.execute<{ kind: string; parent_id: number | null }>(sql`select kind, parent_id from units where id = ${unitId}`);
  const row = rows.rows[0];
  return row ? { kind: row.kind, parentId: row.parent_id } : undefined;
}

/** The newest version the unit sent for the period, whatever its state. */
export async function selectLatestVersion(db: Queryable, key: UnitPeriodKey): Promise<{ id: number; version: number; state: PeriodReportState } | undefined> {
  const rows = await db.execute<{ id: number; version: number; state: PeriodReportState }>(sql`
    select id, version, state from period_report_submissions
    where subject_kind = ${key.subject.kind} and subject_id = ${key.subject.id} and period_key = ${key.periodKey} and unit_id = ${key.unitId}
    order by version desc limit 1`);
  return rows.rows[0];
}

/**
 * Which of the (subject id, unit, period key) triples of one subject kind hold a live (not returned)
 * submission, in one statement: keys `subjectId:unitId:periodKey` (e.g. for "reports still due").
 */
export async function selectLiveSubmissionKeys(
  db: Queryable,
  kind: string,
  keys: readonly { subjectId: number; unitId: number; periodKey: string }[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const result = await db.execute<{ subject_id: number; unit_id: number; period_key: string }>(sql`
    select distinct s.subject_id, s.unit_id, s.period_key
    from unnest(${pgArray(keys.map((k) => k.subjectId))}::int[], ${pgArray(keys.map((k) => k.unitId))}::int[], ${pgArray(keys.map((k) => k.periodKey))}::text[]) as k(subject_id, unit_id, period_key)
    join period_report_submissions s on s.subject_kind = ${kind} and s.subject_id = k.subject_id and s.unit_id = k.unit_id
      and s.period_key = k.period_key and s.state <> 'returned'`);
  return new Set(result.rows.map((r) => `${r.subject_id}:${r.unit_id}:${r.period_key}`));
}

/** The subject and unit of a submission (undefined when there is no such id). */
export async function selectSubmissionSubject(db: Queryable, id: number): Promise<{ kind: string; id: number; unitId: number; periodKey: string } | undefined> {
  const rows = await db.execute<{ kind: string; id: number; unit_id: number; period_key: string }>(sql`
    select subject_kind as kind, subject_id as id, unit_id, period_key from period_report_submissions where id = ${id}`);
  const r = rows.rows[0];
  return r ? { kind: r.kind, id: r.id, unitId: r.unit_id, periodKey: r.period_key } : undefined;
}

/** One submission by id, locked for a review in the caller's transaction. */
export async function selectSubmissionForUpdate(tx: Tx, id: number): Promise<SubmissionRow | undefined> {
  const [row] = await tx.select().from(periodReportSubmissions).where(eq(periodReportSubmissions.id, id)).for('update');
  return row;
}

/** Sets the review of a submission still in state `from` (under review by default); undefined when it is not (any more). */
export async function updateReview(
  tx: Tx,
  id: number,
  review: { state: Exclude<PeriodReportState, 'submitted'>; reviewedAt: Date; reviewedByUserId: number | null; returnReason: string | null },
  from: PeriodReportState = 'submitted',
): Promise<SubmissionRow | undefined> {
  const [row] = await tx
    .update(periodReportSubmissions)
    .set(review)
    .where(and(eq(periodReportSubmissions.id, id), eq(periodReportSubmissions.state, from)))
    .returning();
  return row;
}

/** A submission as histories and status lists show it (names joined). */
export interface SubmissionEntry {
  id: number;
  unitId: number;
  code: string;
  name: string;
  periodKey: string;
  periodStart: Date;
  periodEnd: Date;
  version: number;
  submittedAt: Date;
  deadline: Date;
  late: boolean;
  submittedBy: string | null;
  state: PeriodReportState;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  returnReason: string | null;
  snapshot: unknown;
}

type EntryRow = {
  id: number;
  unit_id: number;
  code: string;
  name: string;
  period_key: string;
  period_start: string | Date;
  period_end: string | Date;
  version: number;
  submitted_at: string | Date;
  deadline: string | Date;
  late: boolean;
  submitted_by: string | null;
  state: PeriodReportState;
  reviewed_at: string | Date | null;
  reviewed_by: string | null;
  return_reason: string | null;
  snapshot: unknown;
};

const entryColumns = sql`s.id, s.unit_id, u.code, u.name, s.period_key, s.period_start, s.period_end, s.version, s.submitted_at, s.deadline, s.late,
  sb.full_name as submitted_by, s.state, s.reviewed_at, rb.full_name as reviewed_by, s.return_reason, s.snapshot`;
const entryJoins = sql`join units u on u.id = s.unit_id
  left join users sb on sb.id = s.submitted_by_user_id
  left join users rb on rb.id = s.reviewed_by_user_id`;

function toEntry(r: EntryRow): SubmissionEntry {
  return {
    id: r.id,
    unitId: r.unit_id,
    code: r.code,
    name: r.name,
    periodKey: r.period_key,
    periodStart: new Date(r.period_start),
    periodEnd: new Date(r.period_end),
    version: r.version,
    submittedAt: new Date(r.submitted_at),
    deadline: new Date(r.deadline),
    late: r.late,
    submittedBy: r.submitted_by,
    state: r.state,
    reviewedAt: r.reviewed_at === null ? null : new Date(r.reviewed_at),
    reviewedBy: r.reviewed_by,
    returnReason: r.return_reason,
    snapshot: r.snapshot,
  };
}

/** Every version a unit sent for the subject (one period, or all), newest period and version first. */
export async function selectUnitHistory(db: Queryable, key: { subject: Subject; unitId: number; periodKey?: string | undefined }): Promise<SubmissionEntry[]> {
  const onePeriod = key.periodKey === undefined ? sql`` : sql`and s.period_key = ${key.periodKey}`;
  const rows = await db.execute<EntryRow>(sql`
    select ${entryColumns}
    from period_report_submissions s ${entryJoins}
    where s.subject_kind = ${key.subject.kind} and s.subject_id = ${key.subject.id} and s.unit_id = ${key.unitId} ${onePeriod}
    order by s.period_end desc, s.version desc`);
  return rows.rows.map(toEntry);
}

/**
 * The newest version of the period sent by the unit itself and by each of its direct children
 * (those that sent one), whatever its state.
 */
export async function selectLatestOfUnitAndChildren(db: Queryable, key: UnitPeriodKey): Promise<SubmissionEntry[]> {
  const rows = await db.execute<EntryRow>(sql`
    select distinct on (s.unit_id) ${entryColumns}
    from period_report_submissions s ${entryJoins}
    where s.subject_kind = ${key.subject.kind} and s.subject_id = ${key.subject.id} and s.period_key = ${key.periodKey}
      and s.unit_id in (select ${key.unitId}::int union all select c.id from units c where c.parent_id = ${key.unitId})
    order by s.unit_id, s.version desc`);
  return rows.rows.map(toEntry);
}
