import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { selectScopedDrafts, type DraftListRow } from './draft-repository.js';
import type { draftListItemSchema } from './draft-schemas.js';
import type { z } from 'zod';

const LIMIT = 500;
const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

function present(r: DraftListRow): z.infer<typeof draftListItemSchema> {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    status: r.status,
    docType: r.doc_type,
    numberSymbol: r.number_symbol || null,
    subject: r.subject || null,
    updatedAt: iso(r.updated_at) as string,
    issuedAt: iso(r.issued_at),
    issuedDirectiveId: r.issued_directive_id,
    parent:
      r.parent_id === null
        ? null
        : {
            id: r.parent_id,
            docType: r.parent_doc_type,
            numberSymbol: r.parent_number_symbol,
            subject: r.parent_subject,
            date: r.parent_year === null ? null : { year: r.parent_year, month: r.parent_month, day: r.parent_day },
          },
  };
}

/**
 * The drafts of implementing directives of the units the actor holds grants on and their subtrees
 * (one set-based statement), of one parent directive, unit or status if asked; newest edits first,
 * at most 500.
 */
export async function listDrafts(db: Db, options: { actor: Actor; parentDirectiveId?: number | undefined; unitId?: number | undefined; status?: 'draft' | 'issued' | undefined }) {
  const { actor, ...filter } = options;
  const rows = await selectScopedDrafts(db, actor, { ...filter, limit: LIMIT });
  return { items: rows.map(present), limit: LIMIT };
}
