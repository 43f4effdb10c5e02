import { z } from 'zod';
import { safeString } from '../../platform/vn/index.js';
import { draftContentSchema, partialDateSchema } from './schemas.js';

/** API contract of drafts of implementing directives: a draft, the list, starting and issuing. */

const draftStatus = z.enum(['draft', 'issued']).describe('draft: đang soạn; issued: đã ban hành (chỉ đọc)');

export const draftSchema = z
  .object({
    id: z.number().int(),
    parentDirectiveId: z.number().int().nullable(),
    unitId: z.number().int(),
    unitName: z.string(),
    status: draftStatus,
    issuedDirectiveId: z.number().int().nullable(),
    issuedAt: z.string().nullable(),
    /** The caller may edit and issue it (editor of its unit, and not yet issued). */
    canEdit: z.boolean(),
    content: draftContentSchema,
    updatedAt: z.string(),
  })
  .meta({ id: 'DirectiveDraft' });
export type DraftView = z.infer<typeof draftSchema>;

export const startDraftBodySchema = z.object({
  unitId: z.number().int(),
  /** Start another draft even though the unit already has one for this directive (otherwise 409 DRAFT_ALREADY_STARTED with its id). */
  again: z.boolean().optional(),
});

export const issueDraftBodySchema = z
  .object({
    numberSymbol: safeString().trim().min(1).max(100),
    date: z.object({ year: z.number().int(), month: z.number().int(), day: z.number().int() }),
  })
  .meta({ id: 'DraftIssue' });

export const draftListQuerySchema = z.object({
  parentDirectiveId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  status: draftStatus.optional(),
});

export const draftListItemSchema = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    unitName: z.string(),
    status: draftStatus,
    docType: z.string().nullable(),
    numberSymbol: z.string().nullable(),
    subject: z.string().nullable(),
    updatedAt: z.string(),
    issuedAt: z.string().nullable(),
    issuedDirectiveId: z.number().int().nullable(),
    /** The directive it implements, when the caller sees it. */
    parent: z
      .object({ id: z.number().int(), docType: z.string().nullable(), numberSymbol: z.string().nullable(), subject: z.string().nullable(), date: partialDateSchema.nullable() })
      .nullable(),
  })
  .meta({ id: 'DirectiveDraftSummary' });

export const draftListSchema = z.object({ items: z.array(draftListItemSchema), limit: z.number().int() }).meta({ id: 'DirectiveDraftList' });
