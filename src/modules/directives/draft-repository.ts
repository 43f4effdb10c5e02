import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';
import { scopedUnitIds } from '../../platform/access/scope.js';
import type { Actor } from '../../platform/access/roles.js';
import { directiveDrafts } from './tables.js';
import { visibleDirective } from './repository.js';
import type { DraftContent } from './schemas.js';

/** SQL of the drafts of implementing directives (`drafts.ts`, `issue-draft.ts`, `list-drafts.ts`). */

export type DraftRow = typeof directiveDrafts.$inferSelect;

export async function insertDraft(tx: Queryable, draft: { parentDirectiveId: number; unitId: number; content: DraftContent; createdByUserId: number | null }): Promise<DraftRow | undefined> {
  const [row] = await tx.insert(directiveDrafts).values(draft).returning();
  return row;
}

export async function selectDraft(db: Queryable, draftId: number): Promise<DraftRow | undefined> {
  const [row] = await db.select().from(directiveDrafts).where(eq(directiveDrafts.id, draftId));
  return row;
}

/** The draft, its row locked until the transaction ends (two "Ban hành" at once: the second waits, then sees it issued). */
export async function selectDraftForUpdate(tx: Queryable, draftId: number): Promise<DraftRow | undefined> {
  const [row] = await tx.select().from(directiveDrafts).where(eq(directiveDrafts.id, draftId)).for('update');
  return row;
}

/** Rewrites a draft's content (and `updated_at`) while it is still a draft; undefined when it is gone or issued. */
export async function updateDraftContent(tx: Queryable, draftId: number, content: DraftContent): Promise<DraftRow | undefined> {
  const [updated] = await tx
    .update(directiveDrafts)
    .set({ content, updatedAt: sql`now()` })
    .where(and(eq(directiveDrafts.id, draftId), eq(directiveDrafts.status, 'draft')))
    .returning();
  return updated;
}

/** Marks a draft issued as directive `directiveId` (with the content it was issued with). */
export async function markDraftIssued(tx: Queryable, draftId: number, issued: { directiveId: number; userId: number | null; content: DraftContent }): Promise<DraftRow | undefined> {
  const [row] = await tx
    .update(directiveDrafts)
    .set({ status: 'issued', issuedDirectiveId: issued.directiveId, issuedByUserId: issued.userId, issuedAt: sql`now()`, content: issued.content, updatedAt: sql`now()` })
    .where(eq(directiveDrafts.id, draftId))
    .returning();
  return row;
}

/** The drafts a unit already has for a parent directive: the one still being drafted first, then the newest. */
export async function selectDraftsForParent(db: Queryable, parentDirectiveId: number, unitId: number): Promise<DraftRow[]> {
  return db
    .select()
    .from(directiveDrafts)
    .where(and(eq(directiveDrafts.parentDirectiveId, parentDirectiveId), eq(directiveDrafts.unitId, unitId)))
    .orderBy(sql`${directiveDrafts.status} = 'draft' desc`, desc(directiveDrafts.updatedAt), desc(directiveDrafts.id));
}

export interface DraftListRow {
  id: number;
  unit_id: number;
  unit_name: string;
  status: 'draft' | 'issued';
  doc_type: string | null;
  number_symbol: string | null;
  subject: string | null;
  updated_at: Date | string;
  issued_at: Date | string | null;
  issued_directive_id: number | null;
  parent_id: number | null;
  parent_doc_type: string | null;
  parent_number_symbol: string | null;
  parent_subject: string | null;
  parent_year: number | null;
  parent_month: number | null;
  parent_day: number | null;
}

/**
 * The drafts of the units in the actor's scope (the units it holds grants on and their subtrees, one
 * statement), optionally of one parent directive, unit or status; newest edits first. The parent is
 * named only where the actor sees it.
 */
export async function selectScopedDrafts(
  db: Queryable,
  actor: Actor,
  filter: { parentDirectiveId?: number | undefined; unitId?: number | undefined; status?: 'draft' | 'issued' | undefined; limit: number },
): Promise<DraftListRow[]> {
  const conditions = [sql`d.unit_id in ${scopedUnitIds(actor, 'viewer')}`];
  if (filter.parentDirectiveId !== undefined) conditions.push(sql`d.parent_directive_id = ${filter.parentDirectiveId}`);
  if (filter.unitId !== undefined) conditions.push(sql`d.unit_id = ${filter.unitId}`);
  if (filter.status !== undefined) conditions.push(sql`d.status = ${filter.status}`);
  const result = await db.execute<DraftListRow & Record<string, unknown>>(sql`
    select d.id, d.unit_id, u.name as unit_name, d.status, d.content->>'docType' as doc_type, d.content->>'numberSymbol' as number_symbol,
      d.content->>'subject' as subject, d.updated_at, d.issued_at, d.issued_directive_id,
      p.id as parent_id, p.doc_type as parent_doc_type, p.number_symbol as parent_number_symbol, p.subject as parent_subject,
      p.issued_year as parent_year, p.issued_month as parent_month, p.issued_day as parent_day
    from directive_drafts d
    join units u on u.id = d.unit_id
    left join directives p on p.id = d.parent_directive_id and ${visibleParent(actor)}
    where ${sql.join(conditions, sql` and `)}
    order by d.updated_at desc, d.id desc
    limit ${filter.limit}`);
  return result.rows;
}

/** `visibleDirective` spoken of the alias `p` (the parent directive). */
function visibleParent(actor: Actor) {
  return sql`p.id in (select directives.id from directives where ${visibleDirective(actor)})`;
}
