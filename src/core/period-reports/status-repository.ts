/**
 * The status of a period's reports below a unit, each in one statement whatever the number of units:
 * its direct children one by one, and the counts over its whole subtree.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';
import type { Period } from '../../platform/time/index.js';
import { selectUnitHeights, subtreeCte } from '../unit-tree/index.js';
import { heightsNeeded, levelDeadline, type LevelDeadlines } from './deadline-rule.js';
import type { Subject } from './repository.js';
import type { PeriodReportState } from './tables.js';

/**
 * Whether a unit reported, from the newest version it sent: on time, late, nothing sent yet, or
 * nothing sent and its level's deadline passed (`overdue`, only when the caller gives `due`).
 */
export type Timeliness = 'onTime' | 'late' | 'missing' | 'overdue';

/** What tells "not yet sent" from "overdue": the period, its per-level deadlines, and the instant to judge at (the server's now). */
export interface DueCheck {
  period: Period;
  deadlines: LevelDeadlines;
  now: Date;
}

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
  /** The sent version's deadline; for a unit that sent nothing, its level's deadline when `due` was given, else null. */
  deadline: Date | null;
}

export interface StatusCounts {
  expected: number;
  onTime: number;
  late: number;
  /** Nothing sent, deadline not passed (or not checked). */
  missing: number;
  /** Nothing sent and the deadline passed (counted only when `due` is given). */
  overdue: number;
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

/** The level deadline of each unit (by kind and height): one statement for the heights, none when the rule has no heights. */
async function levelDeadlines(db: Queryable, due: DueCheck, units: readonly { id: number; kind: string }[]): Promise<Map<number, Date>> {
  const cap = heightsNeeded(due.deadlines);
  const heights = cap === 0 || units.length === 0 ? new Map<number, number>() : await selectUnitHeights(db, units.map((u) => u.id), cap);
  return new Map(units.map((u) => [u.id, levelDeadline(due.period, due.deadlines, { kind: u.kind, height: heights.get(u.id) ?? 0 })]));
}

/**
 * Each direct child of `parentId` with the status of its report for the period, in the order of the
 * unit tree. With `due`, a child that sent nothing is `overdue` once `due.now` reaches its level's
 * deadline (the instant itself is past it, as a report sent then is late).
 */
export async function selectChildrenStatus(db: Queryable, key: { subject: Subject; periodKey: string; parentId: number; due?: DueCheck | undefined }): Promise<ChildStatus[]> {
  const rows = await db.execute<StatusRow>(sql`
    select c.id, c.code, c.name, c.kind, s.id as submission_id, s.version, s.state, s.late, s.submitted_at, s.deadline
    from units c
    left join ${newestVersion(key, sql`c.id`)} on true
    where c.parent_id = ${key.parentId}
    order by c.sort_order, c.name, c.id`);
  const unsent = rows.rows.filter((r) => r.submission_id === null);
  const due = key.due ? await levelDeadlines(db, key.due, unsent) : new Map<number, Date>();
  const now = key.due?.now.getTime() ?? Number.POSITIVE_INFINITY;
  return rows.rows.map((r) => {
    const deadline = r.deadline === null ? (due.get(r.id) ?? null) : new Date(r.deadline);
    const unsentStatus = deadline !== null && now >= deadline.getTime() ? 'overdue' : 'missing';
    return {
      unitId: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      status: r.submission_id === null ? unsentStatus : r.late ? 'late' : 'onTime',
      review: r.state,
      submissionId: r.submission_id,
      version: r.version,
      submittedAt: r.submitted_at === null ? null : new Date(r.submitted_at),
      deadline,
    };
  });
}

/** The counts of a list of statuses (e.g. a unit's children). */
export function countStatuses(statuses: readonly Pick<ChildStatus, 'status' | 'review'>[]): StatusCounts {
  const counts: StatusCounts = { expected: statuses.length, onTime: 0, late: 0, missing: 0, overdue: 0, returned: 0, approved: 0 };
  for (const s of statuses) {
    counts[s.status]++;
    if (s.review === 'returned') counts.returned++;
    else if (s.review === 'approved') counts.approved++;
  }
  return counts;
}

/** The units below `rootId` that sent nothing for the period, with their kinds (to tell their deadlines). */
async function selectUnsentInSubtree(db: Queryable, key: { subject: Subject; periodKey: string; rootId: number }): Promise<{ id: number; kind: string }[]> {
  const rows = await db.execute<{ id: number; kind: string }>(sql`
    with recursive ${subtreeCte('sub', sql`select ${key.rootId}::int`, { all: true })}
    select u.id, u.kind from sub join units u on u.id = sub.id
    where sub.id <> ${key.rootId} and not exists (
      select 1 from period_report_submissions s
      where s.subject_kind = ${key.subject.kind} and s.subject_id = ${key.subject.id} and s.period_key = ${key.periodKey} and s.unit_id = sub.id)`);
  return rows.rows;
}

/**
 * The counts over every unit below `rootId` (the root itself excluded), each unit once; with `due`,
 * the units that sent nothing are split into `missing` and `overdue` (one more statement, and one for
 * the heights when the rule has levels).
 */
export async function selectSubtreeStatusCounts(db: Queryable, key: { subject: Subject; periodKey: string; rootId: number; due?: DueCheck | undefined }): Promise<StatusCounts> {
  const counts = await selectSubtreeCounts(db, key);
  if (!key.due || counts.missing === 0) return counts;
  const deadlines = await levelDeadlines(db, key.due, await selectUnsentInSubtree(db, key));
  const now = key.due.now.getTime();
  const overdue = [...deadlines.values()].filter((d) => now >= d.getTime()).length;
  return { ...counts, missing: counts.missing - overdue, overdue };
}

async function selectSubtreeCounts(db: Queryable, key: { subject: Subject; periodKey: string; rootId: number }): Promise<StatusCounts> {
  const rows = await db.execute<{ [K in keyof StatusCounts]: number }>(sql`
    with recursive ${subtreeCte('sub', sql`select ${key.rootId}::int`, { all: true })}
    select count(*)::int as expected,
           count(*) filter (where s.id is not null and not s.late)::int as "onTime",
           count(*) filter (where s.late)::int as late,
           count(*) filter (where s.id is null)::int as missing,
           0 as overdue,
           count(*) filter (where s.state = 'returned')::int as returned,
           count(*) filter (where s.state = 'approved')::int as approved
    from sub
    left join ${newestVersion(key, sql`sub.id`)} on true
    where sub.id <> ${key.rootId}`);
  const row = rows.rows[0];
  return row ?? { expected: 0, onTime: 0, late: 0, missing: 0, overdue: 0, returned: 0, approved: 0 };
}
