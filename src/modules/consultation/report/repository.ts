import { asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { units } from '../../../platform/db/schema/index.js';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import { selectIssuingUnit, type IssuingUnit } from '../../../core/official-docx/index.js';
import { consultations } from '../tables.js';

/** SQL of the weekly report and its page (the figures are read through `figures/repository.ts`). */

/** The unit a report is about: its heading and signing settings (core/official-docx) and whether it is grassroots (no children). */
export type ReportUnitRow = IssuingUnit & { grassroots: boolean };

export async function selectReportUnit(db: Queryable, unitId: number): Promise<ReportUnitRow | undefined> {
  const unit = await selectIssuingUnit(db, unitId);
  if (!unit) return undefined;
  const [row] = (await db.execute<{ grassroots: boolean }>(sql`select not exists (select 1 from units c where c.parent_id = ${unitId}) as grassroots`)).rows;
  return { ...unit, grassroots: row?.grassroots ?? true };
}

/** A unit's code and name (the head of a weekly report); undefined when there is no such unit. */
export async function selectUnitCodeAndName(db: Queryable, unitId: number): Promise<{ code: string; name: string } | undefined> {
  const [unit] = (await db.execute<{ code: string; name: string }>(sql`select code, name from units where id = ${unitId}`)).rows;
  return unit;
}

/**
 * The consultations whose owner unit satisfies `visible` (a condition on the owner-unit column, see
 * manage/repository.ts), oldest first, with their owner's name, and their documents (in their order): two queries.
 */
export async function selectConsultationsWithDocuments(db: Queryable, visible: (owner: SQL) => SQL) {
  const rows = await db
    .select({ ...getTableColumns(consultations), ownerName: units.name })
    .from(consultations)
    .leftJoin(units, eq(units.id, consultations.ownerUnitId))
    .where(visible(sql`${consultations.ownerUnitId}`))
    .orderBy(asc(consultations.opensAt));
  const documents = await db.execute<{ consultation_id: number; code: string; title: string }>(
    sql`select consultation_id, code, title from consultation_documents
        where consultation_id = any(${pgArray(rows.map((r) => r.id))}::int[]) order by consultation_id, position, id`,
  );
  return { consultations: rows, documents: documents.rows };
}
