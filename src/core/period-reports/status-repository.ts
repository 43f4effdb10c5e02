/**
 * The status of a period's reports below a unit, each in one statement whatever the number of units:
 * its direct children one by one, and the counts over its whole subtree.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';
import { subtreeCte } from '../unit-tree/index.js';
import type { Subject } from './repository.js';
import type { PeriodReportState } from './tables.js';

/** Whether a unit reported, from the newest version it sent: on time, late, or nothing sent. */
export type Timeliness = 'onTime' | 'late' | 'missing';

export interface ChildStatus {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  status: Timeliness;
  /** The review state of the newest version; null when nothing was sent. */
  review: PeriodReportState | null;
  submissionId: number | null;
  version: number | null;
  submittedAt: Date | null;
  deadline: Date | null;
}

export interface StatusCounts {
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  returned: number;
  approved: number;
}

type StatusRow = {
  id: number;
  code: string;
  name: string;
  kind: string;
  submission_id: number | null;
  version: number | null;
  state: PeriodReportState | null;
  late: boolean | null;
  submitted_at: string | Date | null;
  deadline: string | Date | null;
};

/** The newest version of the period sent by unit `unit` (an SQL expression), as a lateral subquery. */
function newestVersion(key: { subject: Subject; periodKey: string }, unit: SQL): SQL {
  return sql`lateral (
      select s.id, s.version, s.state, s.late, s.submitted_at, s.deadline from period_report_submissions s
      where s.subject_kind = ${key.subject.kind} and s.subject_id = ${key.subject.id} and s.period_key = ${key.periodKey} and s.unit_id = ${unit}
      order by s.version desc limit 1) s`;
}

/** Each direct child of `parentId` with the status of its report for the period, in the order of the unit tree. */
export async function selectChildrenStatus(db: Queryable, key: { subject: Subject; periodKey: string; parentId: number }): Promise<ChildStatus[]> {
  const rows = await db.execute<StatusRow>(sql`
    select c.id, c.code, c.name, c.kind, s.id as submission_id, s.version, s.state, s.late, s.submitted_at, s.deadline
    from units c
    left join ${newestVersion(key, sql`c.id`)} on true
    where c.parent_id = ${key.parentId}
    order by c.sort_order, c.name, c.id`);
  return rows.rows.map((r) => ({
    unitId: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    status: r.submission_id === null ? 'missing' : r.late ? 'late' : 'onTime',
    review: r.state,
    submissionId: r.submission_id,
    version: r.version,
    submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
    deadline: r.deadline === null ? null : new Date(r.deadline),
  }));
}

/** The counts of a list of statuses (e.g. a unit's children). */
export function countStatuses(statuses: readonly Pick<ChildStatus, 'status' | 'review'>[]): StatusCounts {
  const counts: StatusCounts = { expected: statuses.length, onTime: 0, late: 0, missing: 0, returned: 0, approved: 0 };
  for (const s of statuses) {
    counts[s.status]++;
    if (s.review === 'returned') counts.returned++;
    else if (s.review === 'approved') counts.approved++;
  }
  return counts;
}

/** The counts over every unit below `rootId` (the root itself excluded), each unit once. */
export async function selectSubtreeStatusCounts(db: Queryable, key: { subject: Subject; periodKey: string; rootId: number }): Promise<StatusCounts> {
  const rows = await db.execute<{ [K in keyof StatusCounts]: number }>(sql`
    with recursive ${subtreeCte('sub', sql`select ${key.rootId}::int`, { all: true })}
    select count(*)::int as expected,
           count(*) filter (where s.id is not null and not s.late)::int as "onTime",
           count(*) filter (where s.late)::int as late,
           count(*) filter (where s.id is null)::int as missing,
           count(*) filter (where s.state = 'returned')::int as returned,
           count(*) filter (where s.state = 'approved')::int as approved
    from sub
    left join ${newestVersion(key, sql`sub.id`)} on true
    where sub.id <> ${key.rootId}`);
  const row = rows.rows[0];
  return row ?? { expected: 0, onTime: 0, late: 0, missing: 0, returned: 0, approved: 0 };
}
