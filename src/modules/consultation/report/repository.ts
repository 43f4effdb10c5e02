import { asc, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { UnitKind } from '../../../platform/db/schema/org.js';
import { consultations } from '../tables.js';

/** SQL of the weekly report and its page (the figures are read through `figures/repository.ts`). */

/** The unit a report is about: code, name, kind, its parent's name, and whether it is grassroots (no children). */
export async function selectReportUnit(db: Queryable, unitId: number) {
  const [unit] = (
    await db.execute<{ code: string; name: string; kind: UnitKind; parent_name: string | null; grassroots: boolean }>(sql`
      select u.code, u.name, u.kind, p.name as parent_name, not exists (select 1 from units c where c.parent_id = u.id) as grassroots
      from units u left join units p on p.id = u.parent_id where u.id = ${unitId}`)
  ).rows;
  return unit;
}

/** A unit's code and name (the head of a weekly report); undefined when there is no such unit. */
export async function selectUnitCodeAndName(db: Queryable, unitId: number): Promise<{ code: string; name: string } | undefined> {
  const [unit] = (await db.execute<{ code: string; name: string }>(sql`select code, name from units where id = ${unitId}`)).rows;
  return unit;
}

/** Every consultation (oldest first) and every consultation's documents (in their order): two queries. */
export async function selectConsultationsWithDocuments(db: Queryable) {
  const rows = await db.select().from(consultations).orderBy(asc(consultations.opensAt));
  const documents = await db.execute<{ consultation_id: number; code: string; title: string }>(
    sql`select consultation_id, code, title from consultation_documents order by consultation_id, position, id`,
  );
  return { consultations: rows, documents: documents.rows };
}
