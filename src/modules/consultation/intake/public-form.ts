import { sql } from 'drizzle-orm';
import { pgArray, type Db, type Queryable } from '../../../platform/db/database.js';
import { AppError, fail } from '../../../platform/errors.js';
import { searchKey } from '../../../platform/vn/index.js';
import { participates, requireOpen, sectionKey, type IntakeConsultation } from './store.js';

/** What the public form needs (no login): an open consultation, its documents and sections, the receiving units. */

export const PUBLIC_UNITS_LIMIT = 50;

/** How long a process keeps a consultation's form in memory (see `loadPublicForm`). */
export const PUBLIC_FORM_TTL_MS = 5_000;

export interface PublicForm {
  consultation: IntakeConsultation;
  documents: { id: number; code: string; title: string; sections: { ref: string; heading: string | null }[] }[];
  /** `sectionKey(documentId, ref)` of every section. */
  sections: Set<string>;
}

const forms = new WeakMap<object, Map<string, { expires: number; form: Promise<PublicForm> }>>();

/**
 * A consultation with its documents and sections, in one query, kept in memory for
 * PUBLIC_FORM_TTL_MS per process (the public form is read and submitted at flash-crowd rates).
 * A copy can be out of date for that long after an edit made elsewhere (another process, the CLI),
 * so it is only ever used to accept: the statement that stores a submission re-checks the window,
 * documents and sections, and a submission the copy would refuse is checked again with `fresh`
 * before the refusal is sent. NOT_FOUND when there is no such consultation (never cached).
 */
export function loadPublicForm(db: Queryable, code: string, options: { fresh?: boolean } = {}): Promise<PublicForm> {
  let byCode = forms.get(db);
  if (!byCode) forms.set(db, (byCode = new Map()));
  const now = Date.now();
  const cached = byCode.get(code);
  if (cached && cached.expires > now && !options.fresh) return cached.form;
  const form = selectPublicForm(db, code);
  const entry = { expires: now + PUBLIC_FORM_TTL_MS, form };
  byCode.set(code, entry);
  form.catch(() => {
    if (byCode.get(code) === entry) byCode.delete(code);
  });
  return form;
}

async function selectPublicForm(db: Queryable, code: string): Promise<PublicForm> {
  const result = await db.execute<{
    id: number;
    code: string;
    title: string;
    opens_at: Date | string;
    closes_at: Date | string | null;
    all_units: boolean;
    documents: PublicForm['documents'] | null;
  }>(sql`
    select c.id, c.code, c.title, c.opens_at, c.closes_at, c.all_units,
           (select json_agg(json_build_object('id', d.id, 'code', d.code, 'title', d.title, 'sections',
                     coalesce((select json_agg(json_build_object('ref', s.ref, 'heading', s.heading) order by s.position)
                               from document_sections s where s.document_id = d.id), '[]'::json))
                   order by d.position, d.id)
            from consultation_documents d where d.consultation_id = c.id) as documents
    from consultations c where c.code = ${code}`);
  const row = result.rows[0];
  if (!row) fail('CONSULTATION_NOT_FOUND', { code });
  const documents = row.documents ?? [];
  return {
    consultation: {
      id: row.id,
      code: row.code,
      title: row.title,
      opensAt: new Date(row.opens_at),
      closesAt: row.closes_at === null ? null : new Date(row.closes_at),
      allUnits: row.all_units,
      documents: new Map(documents.map((d) => [d.code, d.id])),
    },
    documents,
    sections: new Set(documents.flatMap((d) => d.sections.map((s) => sectionKey(d.id, s.ref)))),
  };
}

/**
 * `check` on the form in memory; when it refuses, once more on a fresh copy, so that an edit made
 * elsewhere (a consultation opened earlier, a section added) is never refused for a stale copy.
 */
export async function withPublicForm<T>(db: Queryable, code: string, check: (form: PublicForm) => T, options: { fresh?: boolean } = {}): Promise<T> {
  const form = await loadPublicForm(db, code, options);
  try {
    return check(form);
  } catch (error) {
    if (options.fresh || !(error instanceof AppError)) throw error;
    return check(await loadPublicForm(db, code, { fresh: true }));
  }
}

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
  const now = options.now ?? new Date();
  const form = await withPublicForm(db, options.code, (f) => {
    requireOpen(f.consultation, now);
    return f;
  });
  const { consultation } = form;
  const units = await searchParticipatingUnits(db, consultation, options.q);
  return {
    code: consultation.code,
    title: consultation.title,
    opensAt: consultation.opensAt.toISOString(),
    closesAt: consultation.closesAt?.toISOString() ?? null,
    documents: form.documents.map((d) => ({ code: d.code, title: d.title, sections: d.sections })),
    units: units.items,
  };
}

/** The receiving units of an open consultation matching `q` (search as you type). */
export async function listPublicUnits(db: Db, options: { code: string; q?: string | undefined; now?: Date }) {
  const now = options.now ?? new Date();
  const { consultation } = await withPublicForm(db, options.code, (f) => {
    requireOpen(f.consultation, now);
    return f;
  });
  return searchParticipatingUnits(db, consultation, options.q);
}
