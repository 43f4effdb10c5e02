import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';
import { units } from '../../platform/db/schema/index.js';
import { consultationDocuments, consultations } from './tables.js';

/** SQL of the consultation module. */

export async function selectConsultationByCode(db: Queryable, code: string) {
  const [row] = await db.select().from(consultations).where(eq(consultations.code, code));
  return row;
}

export async function selectDocuments(db: Queryable, consultationId: number) {
  return db.select().from(consultationDocuments).where(eq(consultationDocuments.consultationId, consultationId)).orderBy(asc(consultationDocuments.position));
}

export async function unitIdByCode(db: Queryable, code: string): Promise<number | null> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code));
  return row?.id ?? null;
}
