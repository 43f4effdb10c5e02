import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/access/roles.js';
import { isSystemAdmin } from '../../../platform/access/roles.js';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import { units } from '../../../platform/db/schema/index.js';
import { unitPaths } from '../../../core/unit-tree/index.js';
import { fail } from '../../../platform/errors.js';
import { consultations, consultationUnits } from '../tables.js';

/** SQL of managing consultations from the web app: who sees one, the units taking part, the page's reads. */

/**
 * SQL condition on the owner-unit column `owner`: the consultation is system-wide, or the actor's
 * granted subtrees meet the owner's subtree — a grant on the owner or an ancestor (the owner's path
 * holds it), or on a unit inside the owner's subtree (that unit's path holds the owner). One
 * statement, no walk per unit.
 */
export function visibleOwnerCondition(actor: Actor, owner: SQL): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  const granted = sql`${pgArray(actor.grants.filter((g) => g.unitId !== null).map((g) => g.unitId))}::int[]`;
  return sql`(${owner} is null
    or exists (select 1 from ${unitPaths(sql`array[${owner}]::int[]`)} op where op.path && ${granted})
    or exists (select 1 from ${unitPaths(granted)} gp where ${owner} = any(gp.path)))`;
}

/** Whether the actor may see the consultation (see `visibleOwnerCondition`). */
export async function consultationVisibleTo(db: Queryable, actor: Actor, consultationId: number): Promise<boolean> {
  const result = await db.execute<{ ok: boolean }>(
    sql`select ${visibleOwnerCondition(actor, sql`c.owner_unit_id`)} as ok from consultations c where c.id = ${consultationId}`,
  );
  return result.rows[0]?.ok === true;
}

/** The ids of the consultations the actor may see. */
export async function selectVisibleConsultationIds(db: Queryable, actor: Actor): Promise<Set<number>> {
  const result = await db.execute<{ id: number }>(sql`select c.id from consultations c where ${visibleOwnerCondition(actor, sql`c.owner_unit_id`)}`);
  return new Set(result.rows.map((r) => r.id));
}

/** Replaces the units taking part (each with its subtree). */
export async function replaceConsultationUnits(db: Queryable, consultationId: number, unitIds: readonly number[]): Promise<void> {
  await db.delete(consultationUnits).where(eq(consultationUnits.consultationId, consultationId));
  if (unitIds.length > 0) await db.insert(consultationUnits).values(unitIds.map((unitId) => ({ consultationId, unitId })));
}

/** The units listed as taking part (id, code, name), in tree order of sort key and name. */
export async function selectConsultationUnits(db: Queryable, consultationId: number) {
  return db
    .select({ id: units.id, code: units.code, name: units.name })
    .from(consultationUnits)
    .innerJoin(units, eq(units.id, consultationUnits.unitId))
    .where(eq(consultationUnits.consultationId, consultationId))
    .orderBy(asc(units.sortOrder), asc(units.name), asc(units.id));
}

export async function selectUnitName(db: Queryable, unitId: number): Promise<string | null> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return row?.name ?? null;
}

/** The consultation's times, cut-off, deadlines and participation, changed together. */
export async function updateConsultationSettings(
  db: Queryable,
  consultationId: number,
  values: Pick<typeof consultations.$inferInsert, 'opensAt' | 'closesAt' | 'cutoffWeekday' | 'cutoffTime' | 'deadlineRules' | 'allUnits'>,
) {
  const [row] = await db.update(consultations).set(values).where(eq(consultations.id, consultationId)).returning();
  return row;
}

/** Each document of the consultation with how many sections its text was split into. */
export async function selectDocumentsWithSectionCounts(db: Queryable, consultationId: number) {
  const result = await db.execute<{ code: string; title: string; sections: number }>(sql`
    select d.code, d.title, (select count(*)::int from document_sections s where s.document_id = d.id) as sections
    from consultation_documents d where d.consultation_id = ${consultationId}
    order by d.position, d.id`);
  return result.rows;
}

/** Those of `unitIds` that are units, each once; CONSULTATION_UNITS_OUTSIDE_OWNER when one is not. */
export async function selectExistingUnitIds(db: Queryable, unitIds: readonly number[]): Promise<number[]> {
  const unique = [...new Set(unitIds)];
  const result = await db.execute<{ id: number }>(sql`select id from units where id = any(${pgArray(unique)}::int[])`);
  if (result.rows.length !== unique.length || unique.length === 0) fail('CONSULTATION_UNITS_OUTSIDE_OWNER', { outside: unique.length - result.rows.length });
  return unique;
}
