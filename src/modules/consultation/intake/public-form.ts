import type { Db, Queryable } from '../../../platform/db/database.js';
import { AppError } from '../../../platform/errors.js';
import { searchKey } from '../../../platform/vn/index.js';
import { loadConsultation, selectDocumentsWithSections } from '../repository.js';
import { sectionKey } from './check-opinions.js';
import { selectParticipatingUnits } from './repository.js';
import { intakeConsultation, requireOpen, type IntakeConsultation } from './store.js';

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
 * A consultation with its documents and sections (two queries), kept in memory for
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
  const form = readPublicForm(db, code);
  const entry = { expires: now + PUBLIC_FORM_TTL_MS, form };
  byCode.set(code, entry);
  form.catch(() => {
    if (byCode.get(code) === entry) byCode.delete(code);
  });
  return form;
}

async function readPublicForm(db: Queryable, code: string): Promise<PublicForm> {
  const consultation = await loadConsultation(db, code);
  const documents = await selectDocumentsWithSections(db, consultation.id);
  return {
    consultation: intakeConsultation(consultation),
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
  const rows = await selectParticipatingUnits(db, consultation, tokens, PUBLIC_UNITS_LIMIT);
  return { items: rows.slice(0, PUBLIC_UNITS_LIMIT).map((r) => ({ code: r.code, name: r.name })), more: rows.length > PUBLIC_UNITS_LIMIT };
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
