/**
 * SQL of filling in a period's report: the regime and period as filling needs them, a unit's place
 * in the period's expected set, drafts, and the units whose figures a unit's own figure leaves out.
 */
import { and, eq, sql } from 'drizzle-orm';
import { subtreeIdsOf } from '../../../core/unit-tree/index.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { Schedule } from '../../../platform/time/index.js';
import type { ReportContent, ReportForm } from '../../../shared/report-form.js';
import { reportDrafts, reportPeriods, reportRegimes } from '../tables.js';

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

/** The opened period of a regime whose closing date (`--period-end`) is `closingDate`. */
export async function selectPeriodByClosingDate(db: Queryable, regimeId: number, closingDate: string): Promise<PeriodRow | undefined> {
  const [row] = await db
    .select()
    .from(reportPeriods)
    .where(and(eq(reportPeriods.regimeId, regimeId), eq(reportPeriods.closingDate, closingDate)));
  return row ? { id: row.id, key: row.periodKey, closingDate: row.closingDate, start: row.periodStart, end: row.periodEnd } : undefined;
}

export async function selectExpectedRow(db: Queryable, periodId: number, unitId: number): Promise<ExpectedRow | undefined> {
  const rows = await db.execute<{ unit_id: number; recipient_unit_id: number; deadline: string | Date; reporting_path: number[]; receives: boolean }>(sql`
    select unit_id, recipient_unit_id, deadline, reporting_path, receives from report_period_units where period_id = ${periodId} and unit_id = ${unitId}`);
  const r = rows.rows[0];
  return r ? { unitId: r.unit_id, recipientUnitId: r.recipient_unit_id, deadline: new Date(r.deadline), reportingPath: r.reporting_path, receives: r.receives } : undefined;
}

/** Whether any expected unit of the period reports to `unitId`. */
export async function selectReceives(db: Queryable, periodId: number, unitId: number): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from (select 1 from report_period_units where period_id = ${periodId} and recipient_unit_id = ${unitId} limit 1) x`);
  return (rows.rows[0]?.n ?? 0) > 0;
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

/** The period's expected units strictly below `unitId` in the unit tree (whatever they report to). */
export async function selectExpectedBelow(db: Queryable, periodId: number, unitId: number): Promise<number[]> {
  const rows = await db.execute<{ unit_id: number }>(sql`
    select e.unit_id from report_period_units e
    where e.period_id = ${periodId} and e.unit_id <> ${unitId} and e.unit_id in ${subtreeIdsOf(sql`select ${unitId}::int`, { all: true })}
    order by e.unit_id`);
  return rows.rows.map((r) => r.unit_id);
}
