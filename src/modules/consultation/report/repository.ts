import { asc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { units } from '../../../platform/db/schema/index.js';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import type { UnitKind } from '../../../platform/db/schema/org.js';
import { unitPaths } from '../../../core/unit-tree/index.js';
import { consultations } from '../tables.js';

/** SQL of the weekly report and its page (the figures are read through `figures/repository.ts`). */

export type ReportUnitRow = {
  code: string;
  name: string;
  kind: UnitKind;
  /** The kind that chooses the layout: the unit's own, or for a body of kind `other` its nearest ancestor's that is not. */
  bloc_kind: UnitKind;
  abbreviation: string | null;
  parent_name: string | null;
  grassroots: boolean;
  /** The unit's place, or its nearest ancestor's when it has none. */
  place: string | null;
  signer_authority: string | null;
  signer_title: string | null;
  signer_name: string | null;
};

/**
 * The unit a report is about: code, name, kind (and the bloc's kind for a body of kind `other`),
 * abbreviation, its parent's name, whether it is grassroots (no children), its place (inherited from
 * the nearest ancestor that has one) and signer.
 */
export async function selectReportUnit(db: Queryable, unitId: number): Promise<ReportUnitRow | undefined> {
  const [unit] = (
    await db.execute<ReportUnitRow>(sql`
      with line as (
        select a.place, a.kind, step.depth from ${unitPaths(sql`array[${unitId}]::int[]`)} up
        cross join lateral unnest(up.path) with ordinality as step(id, depth) join units a on a.id = step.id
      )
      select u.code, u.name, u.kind, u.abbreviation, p.name as parent_name,
        not exists (select 1 from units c where c.parent_id = u.id) as grassroots,
        coalesce((select line.kind from line where line.kind <> 'other' order by line.depth desc limit 1), u.kind) as bloc_kind,
        (select line.place from line where nullif(btrim(line.place), '') is not null order by line.depth desc limit 1) as place,
        u.signer_authority, u.signer_title, u.signer_name
      from units u left join units p on p.id = u.parent_id where u.id = ${unitId}`)
  ).rows;
  return unit;
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
