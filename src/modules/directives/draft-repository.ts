import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database.js';
import { directiveDrafts } from './tables.js';
import type { DraftContent } from './schemas.js';

/** SQL of the drafts of implementing directives (`drafts.ts`). */

export type DraftRow = typeof directiveDrafts.$inferSelect;

export async function insertDraft(tx: Queryable, draft: { parentDirectiveId: number; unitId: number; content: DraftContent; createdByUserId: number | null }): Promise<DraftRow | undefined> {
  const [row] = await tx.insert(directiveDrafts).values(draft).returning();
  return row;
}

export async function selectDraft(db: Queryable, draftId: number): Promise<DraftRow | undefined> {
  const [row] = await db.select().from(directiveDrafts).where(eq(directiveDrafts.id, draftId));
  return row;
}

/** Rewrites a draft's content (and `updated_at`); undefined when the draft is gone. */
export async function updateDraftContent(tx: Queryable, draftId: number, content: DraftContent): Promise<DraftRow | undefined> {
  const [updated] = await tx.update(directiveDrafts).set({ content, updatedAt: sql`now()` }).where(eq(directiveDrafts.id, draftId)).returning();
  return updated;
}
