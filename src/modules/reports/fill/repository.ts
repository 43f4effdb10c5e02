/**
 * SQL of filling in a period's report: the regime and period as filling needs them, a unit's place
 * in the period's expected set, drafts, and the units whose figures a unit's own figure leaves out.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AlongsideWrite } from '../../../core/period-reports/index.js';
import { subtreeIdsOf } from '../../../core/unit-tree/index.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Schedule } from '../../../platform/time/index.js';
import type { ReportContent, ReportForm } from '../../../shared/report-form.js';
import { reportDrafts, reportRegimes } from '../tables.js';

export interface RegimeForReport {
  id: number;
  code: string;
  name: string;
  type: string;
  issuerUnitId: number;
  schedule: Schedule;
  form: ReportForm;
  archived: boolean;
}

export interface PeriodRow {
  id: number;
  key: string;
  closingDate: string;
  start: Date;
  end: Date;
}

export interface UnitBrief {
  id: number;
  code: string;
  name: string;
  kind: string;
}

/** A unit's row of the period's expected set. */
export interface ExpectedRow {
  unitId: number;
  recipientUnitId: number;
  deadline: Date;
  reportingPath: number[];
  receives: boolean;
}

export async function selectRegimeForReport(db: Queryable, regimeId: number): Promise<RegimeForReport | undefined> {
  const [row] = await db.select().from(reportRegimes).where(eq(reportRegimes.id, regimeId));
  if (!row) return undefined;
  return { id: row.id, code: row.code, name: row.name, type: row.type, issuerUnitId: row.issuerUnitId, schedule: row.schedule, form: row.form, archived: row.archivedAt !== null };
}

export async function selectRegimeIdByCode(db: Queryable, code: string): Promise<number | undefined> {
  const [row] = await db.select({ id: reportRegimes.id }).from(reportRegimes).where(eq(reportRegimes.code, code));
  return row?.id;
}

export async function selectUnitBrief(db: Queryable, unitId: number): Promise<UnitBrief | undefined> {
  const rows = await db.execute<{ id: number; code: string; name: string; kind: string }>(sql`select id, code, name, kind from units where id = ${unitId}`);
  return rows.rows[0];
}

export async function selectUnitIdByCode(db: Queryable, code: string): Promise<number | undefined> {
  const rows = await db.execute<{ id: number }>(sql`select id from units where code = ${code}`);
  return rows.rows[0]?.id;
}

export async function selectDraft(db: Queryable, periodId: number, unitId: number): Promise<{ content: ReportContent; updatedAt: Date } | undefined> {
  const [row] = await db
    .select({ content: reportDrafts.content, updatedAt: reportDrafts.updatedAt })
    .from(reportDrafts)
    .where(and(eq(reportDrafts.periodId, periodId), eq(reportDrafts.unitId, unitId)));
  return row;
}

export async function upsertDraft(db: Queryable, draft: { periodId: number; unitId: number; content: ReportContent; userId: number | null; at: Date }): Promise<Date> {
  const values = { periodId: draft.periodId, unitId: draft.unitId, content: draft.content, updatedByUserId: draft.userId, updatedAt: draft.at };
  const [row] = await db
    .insert(reportDrafts)
    .values(values)
    .onConflictDoUpdate({ target: [reportDrafts.periodId, reportDrafts.unitId], set: { content: values.content, updatedByUserId: values.updatedByUserId, updatedAt: values.updatedAt } })
    .returning({ updatedAt: reportDrafts.updatedAt });
  return row?.updatedAt ?? draft.at;
}

/**
 * The unit's draft set to what it sent, as a write riding in the ledger's statement
 * (core/period-reports `AlongsideWrite`): the inserted version `v`'s own content, by its sender, at
 * its instant — the content crosses the wire once.
 */
const draftFromVersion = sql`insert into report_drafts (period_id, unit_id, content, updated_by_user_id, updated_at)
  select ${sql.placeholder('draftPeriodId')}::int, v.unit_id, v.snapshot -> 'own', v.submitted_by_user_id, v.submitted_at from v
  on conflict (period_id, unit_id) do update set content = excluded.content, updated_by_user_id = excluded.updated_by_user_id, updated_at = excluded.updated_at`;

export function draftFromSentVersion(periodId: number): AlongsideWrite {
  return { name: 'reports.draft', sql: draftFromVersion, values: { draftPeriodId: periodId } };
}

/** The period's expected units strictly below `unitId` in the unit tree (whatever they report to). */
export async function selectExpectedBelow(db: Queryable, periodId: number, unitId: number): Promise<number[]> {
  const rows = await db.execute<{ unit_id: number }>(sql`
    select e.unit_id from report_period_units e
    where e.period_id = ${periodId} and e.unit_id <> ${unitId} and e.unit_id in ${subtreeIdsOf(sql`select ${unitId}::int`, { all: true })}
    order by e.unit_id`);
  return rows.rows.map((r) => r.unit_id);
}

/** Where a unit stands in a regime's period, read in one statement (each part null when absent). */
export interface ReportPlace {
  regime: RegimeForReport;
  period: PeriodRow | null;
  unit: UnitBrief | null;
  expected: ExpectedRow | null;
  /** Whether any expected unit of the period reports to the unit. */
  receives: boolean;
}

export type PlaceSqlRow = {
  regime_id: number;
  regime_code: string;
  regime_name: string;
  regime_type: string;
  issuer_unit_id: number;
  schedule: Schedule;
  form: ReportForm;
  archived: boolean;
  period_id: number | null;
  period_key: string | null;
  closing_date: string | null;
  period_start: string | Date | null;
  period_end: string | Date | null;
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_kind: string | null;
  expected: boolean;
  recipient_unit_id: number | null;
  deadline: string | Date | null;
  reporting_path: number[] | null;
  receives: boolean;
};

export function toPlace(r: PlaceSqlRow): ReportPlace {
  const regime: RegimeForReport = { id: r.regime_id, code: r.regime_code, name: r.regime_name, type: r.regime_type, issuerUnitId: r.issuer_unit_id, schedule: r.schedule, form: r.form, archived: r.archived };
  const period =
    r.period_id === null ? null : { id: r.period_id, key: r.period_key as string, closingDate: r.closing_date as string, start: new Date(r.period_start as string), end: new Date(r.period_end as string) };
  const unit = r.unit_id === null ? null : { id: r.unit_id, code: r.unit_code as string, name: r.unit_name as string, kind: r.unit_kind as string };
  const expected =
    r.expected && r.unit_id !== null
      ? { unitId: r.unit_id, recipientUnitId: r.recipient_unit_id as number, deadline: new Date(r.deadline as string), reportingPath: r.reporting_path ?? [], receives: r.receives }
      : null;
  return { regime, period, unit, expected, receives: r.receives };
}

/** The columns of a report's place (PlaceSqlRow) over `placeJoins`. */
export const placeColumns = sql`r.id as regime_id, r.code as regime_code, r.name as regime_name, r.type as regime_type, r.issuer_unit_id, r.schedule, r.form,
           r.archived_at is not null as archived,
           p.id as period_id, p.period_key, p.closing_date, p.period_start, p.period_end,
           u.id as unit_id, u.code as unit_code, u.name as unit_name, u.kind as unit_kind,
           e.unit_id is not null as expected, e.recipient_unit_id, e.deadline, e.reporting_path,
           coalesce(e.receives, exists (select 1 from report_period_units x where x.period_id = p.id and x.recipient_unit_id = u.id)) as receives`;

/** From the regime `r`: its period closing on the date (`p`), the unit (`u`) and its row of the expected set (`e`), each null when absent. */
export function placeJoins(closingDate: SQL, unitId: SQL): SQL {
  return sql`left join report_periods p on p.regime_id = r.id and p.closing_date = ${closingDate}
    left join units u on u.id = ${unitId}
    left join report_period_units e on e.period_id = p.id and e.unit_id = u.id`;
}

/**
 * The regime, its opened period closing on `closingDate`, the unit, the unit's row of the period's
 * expected set and whether others report to it — one statement (undefined for an unknown regime).
 */
export async function selectReportPlace(db: Queryable, address: { regimeId: number; closingDate: string; unitId: number }): Promise<ReportPlace | undefined> {
  const rows = await db.execute<PlaceSqlRow>(sql`
    select ${placeColumns}
    from report_regimes r ${placeJoins(sql`${address.closingDate}`, sql`${address.unitId}`)}
    where r.id = ${address.regimeId}`);
  const row = rows.rows[0];
  return row ? toPlace(row) : undefined;
}
