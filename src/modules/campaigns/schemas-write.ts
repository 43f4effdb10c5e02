import { z } from 'zod';
import { safeString } from '../../platform/vn/index.js';

/**
 * API contract of the campaigns module's write side: the confirmed structure of a plan (keys tie
 * phases to milestones, themes to phases, assignments to both), milestones moved, activities, tasks
 * done. Read-side shapes live in the read helper's schemas.
 */

const key = safeString().trim().min(1).max(40);
const isoDate = z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' });
/** An instant (ISO 8601 with offset, e.g. 2026-01-19T08:00:00+07:00) or a Vietnam day (YYYY-MM-DD). */
const instantOrDate = z.union([isoDate, z.iso.datetime({ offset: true })]);
const channelCode = safeString().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Mã hình thức không hợp lệ');

export type TimeBoundInput = { kind: 'date'; date: string } | { kind: 'instant'; at: string } | { kind: 'milestone'; milestoneKey: string; edge: 'start' | 'end' };
export type AssignmentDeadlineInput =
  | TimeBoundInput
  | { kind: 'phase_end'; phaseKey: string }
  | { kind: 'recurring'; every: 'week' | 'month' | 'phase'; phaseKey: string | null };

/**
 * One flat object per bound (kind + the fields of that kind) rather than a union of objects, so
 * that every field a client sends is checked — a union would drop the fields of the other kinds
 * unseen. The refinement requires the fields of the kind.
 */
const boundFields = {
  date: isoDate.optional(),
  at: z.iso.datetime({ offset: true }).optional(),
  milestoneKey: key.optional(),
  edge: z.enum(['start', 'end']).optional(),
};
const MISSING = 'Thiếu thông tin của mốc thời gian (ngày, thời điểm hoặc mốc và đầu/cuối mốc).';

function boundComplete(b: { kind: string; date?: string | undefined; at?: string | undefined; milestoneKey?: string | undefined; edge?: string | undefined }): boolean {
  if (b.kind === 'date') return b.date !== undefined;
  if (b.kind === 'instant') return b.at !== undefined;
  if (b.kind === 'milestone') return b.milestoneKey !== undefined && b.edge !== undefined;
  return true;
}

export const timeBoundInputSchema = z
  .object({ kind: z.enum(['date', 'instant', 'milestone']), ...boundFields })
  .refine(boundComplete, { message: MISSING })
  .meta({ id: 'CampaignTimeBoundInput', description: 'Một mốc thời gian: ngày (giờ Việt Nam), thời điểm, hoặc đầu/cuối một mốc của kế hoạch' }) as unknown as z.ZodType<TimeBoundInput>;

export const assignmentDeadlineInputSchema = z
  .object({
    kind: z.enum(['date', 'instant', 'milestone', 'phase_end', 'recurring']),
    ...boundFields,
    phaseKey: key.nullable().optional(),
    every: z.enum(['week', 'month', 'phase']).optional(),
  })
  .refine((d) => (d.kind === 'phase_end' ? typeof d.phaseKey === 'string' : d.kind === 'recurring' ? d.every !== undefined : boundComplete(d)), { message: MISSING })
  .meta({ id: 'CampaignDeadlineInput', description: 'Thời hạn: một mốc thời gian, hết đợt, hoặc định kỳ (tuần, tháng, suốt đợt)' }) as unknown as z.ZodType<AssignmentDeadlineInput>;

const quantityKind = safeString().regex(/^[a-z][a-z0-9_]*$/, 'Mã loại số liệu không hợp lệ').max(40);

export const campaignInputSchema = z
  .object({
    ownerUnitId: z.number().int().positive(),
    code: safeString().trim().min(1).max(60).optional(),
    title: safeString().trim().min(1).max(1000),
    purpose: safeString().max(100_000),
    requirements: safeString().max(100_000),
    sourceDirectiveId: z.number().int().positive().nullable().optional(),
    sourceReference: safeString().max(2000).nullable().optional(),
    bodyText: safeString().max(2_000_000).nullable().optional(),
    parentCampaignId: z.number().int().positive().nullable().optional(),
    milestones: z.array(z.object({ key, title: safeString().trim().min(1).max(500), startsAt: instantOrDate, endsAt: instantOrDate })).max(50),
    phases: z
      .array(z.object({ key, title: safeString().trim().min(1).max(1000), starts: timeBoundInputSchema.nullable(), ends: timeBoundInputSchema.nullable() }))
      .max(50),
    themes: z.array(z.object({ key, phaseKey: key.nullable(), title: safeString().trim().min(1).max(10_000) })).max(500),
    channels: z.array(z.object({ channel: channelCode.nullable(), text: safeString().trim().min(1).max(5000) })).max(100),
    assignments: z
      .array(
        z.object({
          text: safeString().trim().min(1).max(20_000),
          unitsAsWritten: safeString().max(2000),
          unitIds: z.array(z.number().int().positive()).max(20_000),
          leadUnitId: z.number().int().positive().nullable(),
          coordinatingUnitIds: z.array(z.number().int().positive()).max(500),
          phaseKey: key.nullable(),
          deadline: assignmentDeadlineInputSchema.nullable(),
          themeKeys: z.array(key).max(500),
          channels: z.array(channelCode).max(50),
          expectedOutputs: z.array(z.object({ kind: quantityKind, quantity: z.number().int().min(0).max(1_000_000_000) })).max(50),
          parentTaskIds: z
            .record(z.string().regex(/^\d{1,9}$/), z.number().int().positive())
            .optional()
            .describe('Nhiệm vụ của kế hoạch cấp trên mà nhiệm vụ của từng đơn vị thực hiện: {mã số đơn vị: mã số nhiệm vụ cấp trên}'),
        }),
      )
      .max(500),
  })
  .meta({ id: 'CampaignInput', description: 'Cấu trúc kế hoạch đã rà soát: mốc, đợt, nội dung, hình thức, phân công' });
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const createdCampaignSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    tasks: z.array(z.object({ id: z.number().int(), assignmentIndex: z.number().int(), unitId: z.number().int(), dueAt: z.string().nullable(), parentTaskId: z.number().int().nullable() })),
  })
  .meta({ id: 'CreatedCampaign' });

export const matchUnitsInputSchema = z
  .object({ ownerUnitId: z.number().int().positive(), names: z.array(safeString().trim().min(1).max(500)).max(200) })
  .meta({ id: 'CampaignMatchUnitsInput' });

const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });
export const matchUnitsResultSchema = z
  .object({ matches: z.array(z.object({ name: z.string(), units: z.array(unitRef), group: z.boolean() })) })
  .meta({ id: 'CampaignUnitMatches' });

export const milestoneMoveSchema = z.object({ startsAt: instantOrDate, endsAt: instantOrDate }).meta({ id: 'CampaignMilestoneMove' });

export const activityInputSchema = z
  .object({
    occurredOn: isoDate,
    channel: channelCode.nullable(),
    channelText: safeString().trim().max(500).nullable().optional(),
    themeIds: z.array(z.number().int().positive()).max(100),
    title: safeString().trim().min(1).max(1000),
    link: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
    quantities: z.record(quantityKind, z.number().int().min(0).max(1_000_000_000)),
  })
  .meta({ id: 'CampaignActivityInput' });
export type ActivityInput = z.infer<typeof activityInputSchema>;

export const taskDoneSchema = z.object({ note: safeString().trim().max(5000) }).meta({ id: 'CampaignTaskDone' });

export const quantityKindsSchema = z.array(z.object({ code: z.string(), label: z.string() })).meta({ id: 'CampaignQuantityKinds' });

export const idParams = z.object({ id: z.coerce.number().int().positive() });
export const milestoneParams = z.object({ id: z.coerce.number().int().positive(), milestoneId: z.coerce.number().int().positive() });
export const unitQuery = z.object({ unitId: z.coerce.number().int().positive() });
