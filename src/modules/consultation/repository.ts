import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';
import { units } from '../../platform/db/schema/index.js';
import { consultationDocuments, consultations, documentSections } from './tables.js';
import { fail } from '../../platform/errors.js';

/**
 * SQL of the consultation itself: the consultation (the one way every operation loads it), its
 * draft documents and their sections. The capabilities keep theirs in `<capability>/repository*.ts`.
 */

/** A consultation row with the code and id of each of its documents (in their order). */
export type Consultation = typeof consultations.$inferSelect & { documents: { code: string; id: number }[] };

/** How an operation names a consultation: by code (API, CLI) or by id (jobs, events). */
export type ConsultationKey = string | { id: number };

/** The consultation by code or id, with its documents' codes and ids, in one query; undefined when there is none. */
export async function selectConsultation(db: Queryable, key: ConsultationKey): Promise<Consultation | undefined> {
  // The outer row is named in full: drizzle writes a column of a select's own table unqualified ("id"),
  // which inside the subquery would mean the document's id.
  const [row] = await db
    .select({
      ...getTableColumns(consultations),
      documents: sql<{ code: string; id: number }[]>`coalesce((
        select json_agg(json_build_object('code', d.code, 'id', d.id) order by d.position, d.id)
        from consultation_documents d where d.consultation_id = "consultations"."id"), '[]'::json)`,
    })
    .from(consultations)
    .where(typeof key === 'string' ? eq(consultations.code, key) : eq(consultations.id, key.id));
  return row;
}

/** `selectConsultation`, or CONSULTATION_NOT_FOUND: what every operation of the module loads a consultation with. */
export async function loadConsultation(db: Queryable, key: ConsultationKey): Promise<Consultation> {
  const consultation = await selectConsultation(db, key);
  if (!consultation) fail('CONSULTATION_NOT_FOUND', typeof key === 'string' ? { code: key } : { id: key.id });
  return consultation;
}

export async function insertConsultation(db: Queryable, values: typeof consultations.$inferInsert) {
  const [row] = await db.insert(consultations).values(values).returning();
  if (!row) fail('UNEXPECTED');
  return row;
}

export async function insertDocuments(db: Queryable, values: (typeof consultationDocuments.$inferInsert)[]) {
  return db.insert(consultationDocuments).values(values).returning();
}

export async function selectDocuments(db: Queryable, consultationId: number) {
  return db.select().from(consultationDocuments).where(eq(consultationDocuments.consultationId, consultationId)).orderBy(asc(consultationDocuments.position));
}

export async function selectDocumentByCode(db: Queryable, consultationId: number, code: string) {
  const [row] = await db
    .select()
    .from(consultationDocuments)
    .where(and(eq(consultationDocuments.consultationId, consultationId), eq(consultationDocuments.code, code)));
  return row;
}

/** The documents of a consultation with their sections (reference and heading, in order), in one query. */
export async function selectDocumentsWithSections(db: Queryable, consultationId: number) {
  const result = await db.execute<{ id: number; code: string; title: string; sections: { ref: string; heading: string | null }[] }>(sql`
    select d.id, d.code, d.title,
           coalesce((select json_agg(json_build_object('ref', s.ref, 'heading', s.heading) order by s.position)
                     from document_sections s where s.document_id = d.id), '[]'::json) as sections
    from consultation_documents d
    where d.consultation_id = ${consultationId}
    order by d.position, d.id`);
  return result.rows;
}

/** Replaces the sections of a document. */
export async function replaceSections(db: Queryable, documentId: number, sections: Omit<typeof documentSections.$inferInsert, 'documentId'>[]): Promise<void> {
  await db.delete(documentSections).where(eq(documentSections.documentId, documentId));
  if (sections.length > 0) await db.insert(documentSections).values(sections.map((s) => ({ ...s, documentId })));
}

export async function unitIdByCode(db: Queryable, code: string): Promise<number | null> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return row?.id ?? null;
}

/** Unit code → id of the units with these codes. */
export async function unitIdsByCode(db: Queryable, codes: string[]): Promise<Map<string, number>> {
  const rows = await db.select({ id: units.id, code: units.code }).from(units).where(inArray(units.code, codes));
  return new Map(rows.map((u) => [u.code, u.id]));
}

/** The full text of a document: every section with its parent, heading and body, in order. */
export async function selectDocumentText(db: Queryable, documentId: number) {
  return db
    .select({ ref: documentSections.ref, parentRef: documentSections.parentRef, heading: documentSections.heading, body: documentSections.body })
    .from(documentSections)
    .where(eq(documentSections.documentId, documentId))
    .orderBy(asc(documentSections.position));
}
