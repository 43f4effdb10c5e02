import { z } from 'zod';
import { findUnsafeText, safeString, UNSAFE_TEXT_MESSAGE } from '../../platform/vn/index.js';

/** API contract of the directives module. */

export const partialDateSchema = z
  .object({ year: z.number().int().min(1900).max(2200).nullable(), month: z.number().int().min(1).max(12).nullable(), day: z.number().int().min(1).max(31).nullable() })
  .meta({ id: 'PartialDate' });

export const signerSchema = z
  .object({ authority: safeString().nullable(), body: safeString().nullable(), title: safeString().nullable(), name: safeString().nullable() })
  .meta({ id: 'Signer' });

const relation = z.enum(['implements', 'basis', 'cites']);

export const referenceInputSchema = z
  .object({
    docType: safeString().max(100).nullable(),
    numberSymbol: safeString().max(100).nullable(),
    date: partialDateSchema.nullable(),
    issuerName: safeString().max(500).nullable(),
    relation,
  })
  .meta({ id: 'CitedDocument' });

export const addresseeInputSchema = z
  .object({ name: safeString().trim().min(1).max(500), unitId: z.number().int().nullable() })
  .meta({ id: 'AddresseeEntry' });

export const deadlineSchema = z
  .object({ text: safeString(), rule: z.record(safeString(), z.unknown()).refine((rule) => findUnsafeText(rule) === null, { message: UNSAFE_TEXT_MESSAGE }) })
  .meta({ id: 'Deadline' });

/** The reviewed fields of a directive, as the registration form sends them. */
export const directiveInputSchema = z
  .object({
    ownerUnitId: z.number().int(),
    text: safeString().min(1).max(2_000_000),
    docType: safeString().max(100).nullable(),
    convention: z.enum(['party', 'state']).nullable(),
    numberSymbol: safeString().trim().max(100).nullable(),
    issuerName: safeString().trim().max(500).nullable(),
    issuerUnitId: z.number().int().nullable(),
    place: safeString().trim().max(200).nullable(),
    date: partialDateSchema.nullable(),
    subject: safeString().trim().max(5000).nullable(),
    recipients: z.array(addresseeInputSchema).max(10_000),
    distribution: z.array(addresseeInputSchema).max(10_000),
    signer: signerSchema.nullable(),
    references: z.array(referenceInputSchema).max(500),
    deadlines: z.array(deadlineSchema).max(200),
  })
  .meta({ id: 'DirectiveFields' });
export type DirectiveInput = z.infer<typeof directiveInputSchema>;

export const highlightSchema = z
  .object({ field: z.string(), start: z.number().int(), end: z.number().int() })
  .meta({ id: 'Highlight' });

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() }).meta({ id: 'UnitRef' });

export const parseResultSchema = z
  .object({
    text: z.string(),
    highlights: z.array(highlightSchema),
    warnings: z.array(z.string()),
    /** The form pre-filled with what was read, names linked to units where they match. */
    draft: directiveInputSchema.omit({ ownerUnitId: true }),
    units: z.array(unitRef),
    /** Small images of the scanned pages read by OCR (data: URLs, JPEG), shown beside the fields. */
    pageImages: z.array(z.object({ page: z.number().int(), src: z.string() })),
  })
  .meta({ id: 'DirectiveParseResult' });

export const parseProgressSchema = z
  .object({ started: z.number().int(), done: z.number().int(), total: z.number().int() })
  .meta({ id: 'DirectiveParseProgress' });

export const addresseeSchema = z
  .object({ name: z.string(), unitId: z.number().int().nullable(), unitName: z.string().nullable() })
  .meta({ id: 'Addressee' });

export const referenceSchema = referenceInputSchema
  .extend({ id: z.number().int(), targetId: z.number().int().nullable(), targetSubject: z.string().nullable() })
  .meta({ id: 'DirectiveReference' });

export const directiveSummarySchema = z
  .object({
    id: z.number().int(),
    docType: z.string().nullable(),
    numberSymbol: z.string().nullable(),
    issuerName: z.string().nullable(),
    date: partialDateSchema.nullable(),
    subject: z.string().nullable(),
    ownerUnitId: z.number().int(),
    ownerUnitName: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'DirectiveSummary' });

export const directiveSchema = directiveSummarySchema
  .extend({
    convention: z.enum(['party', 'state']).nullable(),
    number: z.string().nullable(),
    issuerUnitId: z.number().int().nullable(),
    issuerUnitName: z.string().nullable(),
    place: z.string().nullable(),
    signer: signerSchema.nullable(),
    recipients: z.array(addresseeSchema),
    distribution: z.array(addresseeSchema),
    references: z.array(referenceSchema),
    citedBy: z.array(z.object({ id: z.number().int(), numberSymbol: z.string().nullable(), subject: z.string().nullable(), relation })),
    deadlines: z.array(deadlineSchema),
    sections: z.array(z.unknown()),
    text: z.string(),
    highlights: z.array(highlightSchema),
    file: z.object({ fileName: z.string(), contentType: z.string() }).nullable(),
    canEdit: z.boolean(),
    /** Units in the caller's scope that can acknowledge receipt with one click. */
    acknowledgeable: z.array(z.object({ unitId: z.number().int(), unitName: z.string(), acknowledgedAt: z.string().nullable() })),
    updatedAt: z.string(),
  })
  .meta({ id: 'Directive' });
export type DirectiveView = z.infer<typeof directiveSchema>;

export const listQuerySchema = z.object({
  q: safeString().max(200).optional(),
  numberSymbol: safeString().max(100).optional(),
  issuer: safeString().max(200).optional(),
  docType: safeString().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const directivePageSchema = z
  .object({ items: z.array(directiveSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'DirectivePage' });

export const unitStatusSchema = z
  .object({
    unitId: z.number().int(),
    unitName: z.string(),
    status: z.enum(['implemented', 'acknowledged', 'none']),
    implementingDirectiveId: z.number().int().nullable(),
    acknowledgedAt: z.string().nullable(),
  })
  .meta({ id: 'CascadeUnitStatus' });

export interface CascadeNode {
  kind: 'directive' | 'placeholder';
  directiveId: number | null;
  docType: string | null;
  numberSymbol: string | null;
  issuerName: string | null;
  date: z.infer<typeof partialDateSchema> | null;
  subject: string | null;
  isCurrent: boolean;
  summary: { addressed: number; implemented: number; acknowledged: number; none: number };
  units: z.infer<typeof unitStatusSchema>[];
  children: CascadeNode[];
}

export const cascadeNodeSchema: z.ZodType<CascadeNode> = z
  .object({
    kind: z.enum(['directive', 'placeholder']),
    directiveId: z.number().int().nullable(),
    docType: z.string().nullable(),
    numberSymbol: z.string().nullable(),
    issuerName: z.string().nullable(),
    date: partialDateSchema.nullable(),
    subject: z.string().nullable(),
    isCurrent: z.boolean(),
    summary: z.object({ addressed: z.number().int(), implemented: z.number().int(), acknowledged: z.number().int(), none: z.number().int() }),
    units: z.array(unitStatusSchema),
    get children() {
      return z.array(cascadeNodeSchema);
    },
  })
  .meta({ id: 'CascadeNode' });

export const cascadeSchema = z.object({ roots: z.array(cascadeNodeSchema) }).meta({ id: 'Cascade' });

export const draftContentSchema = z
  .object({
    convention: z.enum(['party', 'state']),
    docType: safeString().max(100),
    parentBody: safeString().max(300).nullable(),
    issuingBody: safeString().max(300),
    numberSymbol: safeString().max(100),
    place: safeString().max(200),
    date: z.object({ year: z.number().int(), month: z.number().int().min(1).max(12).nullable(), day: z.number().int().min(1).max(31).nullable() }),
    subject: safeString().max(5000),
    recipients: z.array(safeString().max(500)).max(500),
    body: z.array(z.object({ text: safeString().max(50_000), level: z.number().int().min(0).max(6).optional(), bold: z.boolean().optional() })).max(2000),
    distribution: z.array(safeString().max(500)).max(500),
    signer: z.object({ authority: safeString().max(100).nullable(), body: safeString().max(300).nullable(), title: safeString().max(200), name: safeString().max(200) }),
  })
  .meta({ id: 'DraftContent' });
export type DraftContent = z.infer<typeof draftContentSchema>;
