import { sql } from 'drizzle-orm';
import { pgArray, type Db, type Queryable } from '../../platform/db/database.js';
import { searchKey } from '../../platform/vn/index.js';
import { loadIntakeConsultation, participates, requireOpen, type IntakeConsultation } from './intake-store.js';

/** What the public form needs (no login): an open consultation, its documents and sections, the receiving units. */

export const PUBLIC_UNITS_LIMIT = 50;

/** Units taking part whose name, code or abbreviation contain every word of `q` (accents and case ignored); at most 50. */
export async function searchParticipatingUnits(db: Queryable, consultation: IntakeConsultation, q: string | undefined) {
  const tokens = q ? searchKey(q).split(' ').filter(Boolean) : [];
  const match = tokens.length > 0 ? sql`and u.search_key like all(${pgArray(tokens.map((t) => `%${t.replace(/[\\%_]/g, (c) => '\\' + c)}%`))}::text[])` : sql``;
  const result = await db.execute<{ code: string; name: string }>(sql`
    select u.code, u.name from units u
    where ${participates(consultation)} ${match}
    order by u.sort_order, u.name, u.id
    limit ${PUBLIC_UNITS_LIMIT + 1}`);
  return { items: result.rows.slice(0, PUBLIC_UNITS_LIMIT).map((r) => ({ code: r.code, name: r.name })), more: result.rows.length > PUBLIC_UNITS_LIMIT };
}

/** The public page of an open consultation: title, documents with their sections (ref + heading), the first units matching `q`. */
export async function getPublicConsultation(db: Db, options: { code: string; q?: string | undefined; now?: Date }) {
  const consultation = await loadIntakeConsultation(db, options.code);
  requireOpen(consultation, options.now ?? new Date());
  const [documents, units] = await Promise.all([
    db.execute<{ code: string; title: string; sections: { ref: string; heading: string | null }[] | null }>(sql`
      select d.code, d.title,
             (select json_agg(json_build_object('ref', s.ref, 'heading', s.heading) order by s.position)
              from document_sections s where s.document_id = d.id) as sections
      from consultation_documents d where d.consultation_id = ${consultation.id}
      order by d.position`),
    searchParticipatingUnits(db, consultation, options.q),
  ]);
  return {
    code: consultation.code,
    title: consultation.title,
    opensAt: consultation.opensAt.toISOString(),
    closesAt: consultation.closesAt?.toISOString() ?? null,
    documents: documents.rows.map((d) => ({ code: d.code, title: d.title, sections: d.sections ?? [] })),
    units: units.items,
  };
}

/** The receiving units of an open consultation matching `q` (search as you type). */
export async function listPublicUnits(db: Db, options: { code: string; q?: string | undefined; now?: Date }) {
  const consultation = await loadIntakeConsultation(db, options.code);
  requireOpen(consultation, options.now ?? new Date());
  return searchParticipatingUnits(db, consultation, options.q);
}
