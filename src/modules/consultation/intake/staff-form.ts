import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { loadIntakeConsultation } from './store.js';

/**
 * What the staff intake page needs to type in letters, press, e-mail and meeting minutes: the
 * consultation's window and its documents with their sections (reference and heading). Unlike the
 * public form it also answers for a closed consultation, since staff may enter items received before
 * the closing. Open to every signed-in user: titles and section headings are not sensitive.
 */
export async function getStaffIntakeForm(db: Queryable, options: { actor: Actor; consultationCode: string }) {
  const consultation = await loadIntakeConsultation(db, options.consultationCode);
  const result = await db.execute<{ code: string; title: string; sections: { ref: string; heading: string | null }[] }>(sql`
    select d.code, d.title,
           coalesce((select json_agg(json_build_object('ref', s.ref, 'heading', s.heading) order by s.position)
                     from document_sections s where s.document_id = d.id), '[]'::json) as sections
    from consultation_documents d
    where d.consultation_id = ${consultation.id}
    order by d.position, d.id`);
  return {
    code: consultation.code,
    title: consultation.title,
    opensAt: consultation.opensAt.toISOString(),
    closesAt: consultation.closesAt?.toISOString() ?? null,
    documents: result.rows,
  };
}
