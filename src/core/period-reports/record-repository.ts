/**
 * The ledger's write of a version as ONE statement (a send's only write round trip): it takes the
 * unit's period lock, reads the newest version, inserts the next one unless a live one exists, and —
 * in the same statement, for the same row — the audit row, the outbox event and the caller's own
 * write (`alongside`, e.g. the reports module's draft). Inside a transaction that took the lock
 * before (lockUnitPeriod), the newest version it reads is exact. On its own the statement is its own
 * transaction and its snapshot predates the lock: a version committed while it waited is not seen by
 * the read, but the unique indexes refuse the insert (nothing is written) and the caller reads again.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/roles.js';
import { auditActorValues, auditInsertSql } from '../../platform/audit/audit.js';
import type { Queryable } from '../../platform/db/database.js';
import { prepareStatement, runPrepared, type PreparedStatement } from '../../platform/db/prepared.js';
import { eventInsertSql } from '../../platform/jobs/index.js';
import type { PeriodReportState } from './tables.js';
import { unitPeriodLockKeySql, type SubmissionRow } from './repository.js';

/**
 * A write of the caller's that rides in the statement: fixed SQL (a data-modifying statement that may
 * read the inserted version as `v`: id, subject_kind, subject_id, unit_id, recipient_unit_id,
 * period_key, version, late, state, submitted_at, submitted_by_user_id, snapshot — no row when
 * nothing was written) and the values of its own placeholders.
 */
export interface AlongsideWrite {
  /** Names the statement's variant: one text per name. */
  name: string;
  sql: SQL;
  values: Readonly<Record<string, unknown>>;
}

export interface VersionValues {
  subjectKind: string;
  subjectId: number;
  unitId: number;
  recipientUnitId: number | null;
  periodKey: string;
  periodStart: Date;
  periodEnd: Date;
  deadline: Date;
  submittedAt: Date;
  submittedByUserId: number | null;
  late: boolean;
  snapshot: unknown;
  /** The version's typed numbers for set-based sums and the name of their order (tables.ts `figures`); null when the subject keeps none. */
  figures: VersionFigures | null;
}

/** Numbers a subject's owner sums set-based, in the order named by `key`. */
export interface VersionFigures {
  key: string;
  values: readonly (number | null)[];
}

const p = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;

const summaryJson = sql`jsonb_build_object('subjectKind', v.subject_kind, 'subjectId', v.subject_id, 'unitId', v.unit_id, 'periodKey', v.period_key, 'version', v.version, 'late', v.late)`;

function buildStatement(name: string, submitted: boolean, alongside: SQL | null): PreparedStatement {
  const parts = [
    // Re-entrant: a caller in a transaction may hold it already; on its own, the statement takes it.
    sql`lock as (select pg_advisory_xact_lock(${unitPeriodLockKeySql({ subjectKind: p('subjectKind', 'text'), subjectId: p('subjectId', 'int'), unitId: p('unitId', 'int'), periodKey: p('periodKey', 'text') })}))`,
    sql`latest as (
      select version, state from period_report_submissions
      where subject_kind = ${p('subjectKind', 'text')} and subject_id = ${p('subjectId', 'int')} and period_key = ${p('periodKey', 'text')} and unit_id = ${p('unitId', 'int')}
      order by version desc limit 1
    )`,
    sql`v as (
      insert into period_report_submissions (subject_kind, subject_id, unit_id, recipient_unit_id, period_key, period_start, period_end, deadline, version, submitted_at, submitted_by_user_id, late, snapshot, figures, figures_key)
      select ${p('subjectKind', 'text')}, ${p('subjectId', 'int')}, ${p('unitId', 'int')}, ${p('recipientUnitId', 'int')}, ${p('periodKey', 'text')},
             ${p('periodStart', 'timestamptz')}, ${p('periodEnd', 'timestamptz')}, ${p('deadline', 'timestamptz')}, coalesce((select version from latest), 0) + 1,
             ${p('submittedAt', 'timestamptz')}, ${p('submittedByUserId', 'int')}, ${p('late', 'boolean')}, ${p('snapshot', 'jsonb')},
             ${p('figures', 'float8[]')}, ${p('figuresKey', 'text')}
      from lock
      where not exists (select 1 from latest where state <> 'returned')
      on conflict do nothing
      returning id, subject_kind, subject_id, unit_id, recipient_unit_id, period_key, version, late, state, submitted_at, submitted_by_user_id, snapshot
    )`,
  ];
  if (submitted) {
    parts.push(
      sql`audit as (${auditInsertSql({ action: 'period_report.submit', entityType: 'period_report_submission', entityId: sql`v.id`, unitId: sql`v.unit_id`, after: summaryJson, from: sql`v` })})`,
      sql`event as (${eventInsertSql('period-report.submitted', sql`jsonb_build_object('submissionId', v.id) || ${summaryJson}`, sql`v`)})`,
    );
  }
  if (alongside) parts.push(sql`alongside as (${alongside})`);
  return prepareStatement(
    name,
    sql`with ${sql.join(parts, sql`, `)}
      select l.version as latest_version, l.state as latest_state, v.id, v.version, v.state
      from (select) one left join latest l on true left join v on true`,
  );
}

const statements = new Map<string, PreparedStatement>();

function statementFor(submitted: boolean, alongside: AlongsideWrite | undefined): PreparedStatement {
  const name = `period-reports.${submitted ? 'record-submitted' : 'record'}${alongside ? `+${alongside.name}` : ''}`;
  let statement = statements.get(name);
  if (!statement) {
    statement = buildStatement(name, submitted, alongside?.sql ?? null);
    statements.set(name, statement);
  }
  return statement;
}

type WriteRow = { latest_version: number | null; latest_state: PeriodReportState | null; id: number | null; version: number | null; state: PeriodReportState | null };

export type VersionWrite = { row: SubmissionRow; latest?: undefined } | { row?: undefined; latest: { version: number; state: PeriodReportState } | null };

/**
 * Writes the next version (with the audit row `period_report.submit` and the event
 * `period-report.submitted` when `audited`, for the acting user): the row, or — nothing written —
 * the newest version that stood in the way (a live one; null when the insert met a concurrent one).
 */
export async function writeVersion(q: Queryable, values: VersionValues, options: { audited: Actor | null; alongside?: AlongsideWrite | undefined }): Promise<VersionWrite> {
  const statement = statementFor(options.audited !== null, options.alongside);
  const [r] = await runPrepared<WriteRow>(q, statement, {
    ...values,
    snapshot: JSON.stringify(values.snapshot),
    figures: values.figures?.values ?? null,
    figuresKey: values.figures?.key ?? null,
    ...(options.audited ? auditActorValues(options.audited) : {}),
    ...options.alongside?.values,
  });
  if (!r || r.id === null || r.version === null) {
    const latest = r && r.latest_version !== null && r.latest_state !== null ? { version: r.latest_version, state: r.latest_state } : null;
    return { latest };
  }
  const { figures, ...rest } = values;
  const row: SubmissionRow = {
    ...rest,
    figures: figures ? [...figures.values] : null,
    figuresKey: figures?.key ?? null,
    id: r.id,
    version: r.version,
    state: r.state ?? 'submitted',
    reviewedAt: null,
    reviewedByUserId: null,
    returnReason: null,
  };
  return { row };
}
