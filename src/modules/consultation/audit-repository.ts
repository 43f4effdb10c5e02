import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { scopedUnitIds } from '../../platform/access/scope.js';
import { WEEKLY_REPORT_KIND } from './report/subject.js';

/**
 * SQL of the audit page's names for the consultation module (audit-subjects.ts). Consultations and
 * their drafts are public (the public form shows their titles), so no scope narrows them; a unit's
 * weekly reports and representative opinions are named only inside the actor's scope.
 */

export async function selectConsultationNames(db: Queryable, ids: readonly number[]): Promise<{ id: number; code: string; title: string }[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ id: number; code: string; title: string }>(sql`
    select id, code, title from consultations where id = any(${pgArray([...ids])}::int[])`);
  return result.rows;
}

export async function selectConsultationDocumentNames(db: Queryable, ids: readonly number[]): Promise<{ id: number; code: string; title: string }[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<{ id: number; code: string; title: string }>(sql`
    select d.id, c.code, d.title from consultation_documents d join consultations c on c.id = d.consultation_id
    where d.id = any(${pgArray([...ids])}::int[])`);
  return result.rows;
}

/** A week's row of a unit: the consultation's code, the unit and the week's closing date (YYYY-MM-DD). */
export type WeekRow = { id: number; code: string; unitId: number; periodEnd: string; version: number };

/** The given weekly reports (ledger rows of `consultation.weekly`) of units in the actor's scope. */
export async function selectScopedWeeklyReports(db: Queryable, actor: Actor, ids: readonly number[]): Promise<WeekRow[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<WeekRow>(sql`
    select s.id, c.code, s.unit_id as "unitId", s.period_key as "periodEnd", s.version
    from period_report_submissions s join consultations c on c.id = s.subject_id and s.subject_kind = ${WEEKLY_REPORT_KIND}
    where s.id = any(${pgArray([...ids])}::int[]) and s.unit_id in ${scopedUnitIds(actor, 'viewer')}`);
  return result.rows;
}

/** The given representative opinions (picks still in place) of units in the actor's scope. */
export async function selectScopedRepresentatives(db: Queryable, actor: Actor, ids: readonly number[]): Promise<WeekRow[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<WeekRow>(sql`
    select r.id, c.code, r.unit_id as "unitId", r.period_end as "periodEnd", 1 as version
    from representative_opinions r join consultations c on c.id = r.consultation_id
    where r.id = any(${pgArray([...ids])}::int[]) and r.unit_id in ${scopedUnitIds(actor, 'viewer')}`);
  return result.rows;
}
