import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';

/**
 * SQL of the audit page's names for the consultation module (audit-subjects.ts). Consultations and
 * their drafts are public (the public form shows their titles), so no scope narrows them.
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
