import { z } from 'zod';
import { unitKinds } from '../../platform/db/schema/org.js';
import { safeString } from '../../platform/vn/index.js';
import { indicatorAggregations, indicatorTypes } from '../../shared/report-form.js';
import { recipientModes, regimeTypes } from './tables.js';

/**
 * The contract of a report regime's definition: the JSON file of `lantoa reports define` (issue 13,
 * item 8; unit CODES) and the body of POST/PUT /api/v1/report-regimes. Strict objects: a key the
 * contract does not know is refused rather than ignored.
 */

export const weekdayNames = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type WeekdayName = (typeof weekdayNames)[number];

const TIME_MESSAGE = 'Giờ phải có dạng HH:MM (00:00 – 24:00)';
const timeOfDay = safeString().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, TIME_MESSAGE);
const code = safeString().trim().min(1).max(60);
const unitCode = safeString().trim().min(1).max(100);
const unitKind = z.enum(unitKinds);
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.datetime({ local: true }), z.iso.date()]);

export const frequencySchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('weekly'), weekday: z.enum(weekdayNames), time: timeOfDay }),
    z.strictObject({ kind: z.enum(['monthly', 'quarterly', 'half-year', 'nine-month', 'yearly']) }),
    z.strictObject({ kind: z.literal('once'), start: instant, end: instant }),
  ])
  .meta({ id: 'ReportRegimeFrequency', description: 'Tần suất: hằng tuần (thứ, giờ chốt), tháng / quý / 6 tháng / 9 tháng / năm (Nghị định 09/2019), hoặc một lần' });
export type FrequencyInput = z.infer<typeof frequencySchema>;

export const levelDeadlineSchema = z
  .union([
    z.strictObject({ unitKinds: z.array(unitKind).min(1), weekday: z.enum(weekdayNames), time: timeOfDay }),
    z.strictObject({ unitKinds: z.array(unitKind).min(1), day: z.number().int().min(1).max(31), time: timeOfDay.optional() }),
  ])
  .meta({ id: 'ReportRegimeLevelDeadline', description: 'Thời hạn của một cấp: thứ và giờ trước ngày chốt, hoặc ngày N của tháng cuối kỳ' });
export type LevelDeadlineInput = z.infer<typeof levelDeadlineSchema>;

export const indicatorSchema = z
  .strictObject({
    code,
    label: safeString().trim().min(1).max(300),
    unitOfMeasure: safeString().trim().max(60).optional(),
    type: z.enum(indicatorTypes),
    aggregation: z.enum(indicatorAggregations),
    weightBy: code.optional(),
    required: z.boolean().optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    prefill: safeString().trim().max(100).optional(),
  })
  .meta({ id: 'ReportIndicator' });

const outlineTitle = safeString().trim().min(1).max(300);

export const reportFormSchema = z
  .strictObject({
    sections: z.array(z.strictObject({ title: safeString().trim().min(1).max(300), indicators: z.array(indicatorSchema).max(500) })).max(50),
    relations: z
      .array(
        z.strictObject({
          left: code,
          op: z.enum(['>=', '<=', '=', '>', '<']),
          right: code,
          message: safeString().trim().max(300).optional(),
        }),
      )
      .max(200)
      .default([]),
    outline: z.array(outlineTitle).max(50).default([]),
  })
  .meta({ id: 'ReportForm', description: 'Biểu mẫu: các phần chỉ tiêu, ràng buộc giữa chỉ tiêu, đề cương' });

export const regimeDefinitionSchema = z
  .strictObject({
    code,
    name: safeString().trim().min(1).max(500),
    issuerUnit: unitCode,
    type: z.enum(regimeTypes),
    frequency: frequencySchema,
    reportingUnitKinds: z.array(unitKind).default([]),
    reportingUnits: z.array(unitCode).max(10_000).default([]),
    reportingSubtrees: z.array(unitCode).max(10_000).default([]),
    recipientMode: z.enum(recipientModes).default('nearest'),
    deadlines: z.array(levelDeadlineSchema).max(20).default([]),
    indicators: z.array(indicatorSchema).max(500).default([]),
    outline: z.array(outlineTitle).max(50).default([]),
    form: reportFormSchema.optional(),
    reminderOffsetsMinutes: z
      .array(z.number().int().min(1).max(60 * 24 * 60))
      .max(10)
      .default([2880, 240]),
    campaignId: z.number().int().positive().nullable().optional(),
    sourceDirectiveId: z.number().int().positive().nullable().optional(),
  })
  .meta({ id: 'ReportRegimeDefinition', description: 'Định nghĩa chế độ báo cáo (mã đơn vị theo danh mục)' });

/** A regime's definition as parsed (defaults filled). */
export type RegimeDefinition = z.infer<typeof regimeDefinitionSchema>;
/** A regime's definition as written (defaults may be absent). */
export type RegimeDefinitionInput = z.input<typeof regimeDefinitionSchema>;

// ---- responses and other requests of the regime API ----

const id = z.number().int();
const instantOut = z.string().describe('ISO 8601');
const unitRef = z.object({ id, code: z.string(), name: z.string() });

export const regimeWarningSchema = z.object({ code: z.string(), message: z.string() }).meta({ id: 'ReportRegimeWarning' });

export const definedRegimeSchema = z.object({ id, code: z.string(), warnings: z.array(regimeWarningSchema) }).meta({ id: 'ReportRegimeDefined' });

export const regimeSummarySchema = z
  .object({ id, code: z.string(), name: z.string(), type: z.enum(regimeTypes), issuer: unitRef, frequency: frequencySchema, archived: z.boolean() })
  .meta({ id: 'ReportRegimeSummary' });

export const regimePeriodSchema = z
  .object({ key: z.string(), closingDate: z.string().describe('YYYY-MM-DD: ngày chốt, dùng làm {periodEnd}'), start: instantOut, end: instantOut, label: z.string() })
  .meta({ id: 'ReportRegimePeriod' });

/** A definition as the API gives it back (or proposes it): the `define` JSON's keys, defaults filled. */
const definitionOut = {
  code: z.string(),
  name: z.string(),
  issuerUnit: z.string(),
  type: z.enum(regimeTypes),
  frequency: frequencySchema,
  reportingUnitKinds: z.array(unitKind),
  reportingUnits: z.array(z.string()),
  reportingSubtrees: z.array(z.string()),
  recipientMode: z.enum(recipientModes),
  deadlines: z.array(levelDeadlineSchema),
  indicators: z.array(indicatorSchema),
  outline: z.array(z.string()),
  reminderOffsetsMinutes: z.array(z.number().int()),
  campaignId: id.nullable(),
  sourceDirectiveId: id.nullable(),
};

export const regimeProposalSchema = z.object(definitionOut).meta({ id: 'ReportRegimeProposal', description: 'Dự thảo định nghĩa chế độ báo cáo đọc từ văn bản chỉ đạo; người dùng xem lại, bổ sung rồi mới ban hành' });

export const regimeDetailSchema = z
  .object({
    ...definitionOut,
    id,
    issuer: unitRef,
    form: reportFormSchema,
    archived: z.boolean(),
    currentPeriod: z.object({ key: z.string(), closingDate: z.string(), start: instantOut, end: instantOut }).nullable(),
  })
  .meta({ id: 'ReportRegimeDetail' });

export const proposalInputSchema = z
  .strictObject({
    text: safeString().min(1).max(500_000).describe('Toàn văn văn bản chỉ đạo'),
    directiveId: z.number().int().positive().optional().describe('Văn bản đã đăng ký (ghi vào sourceDirectiveId)'),
    issuerUnitId: z.number().int().positive().optional().describe('Đơn vị ban hành chế độ báo cáo'),
  })
  .meta({ id: 'ReportRegimeProposalRequest' });

export const regimeIdParams = z.object({ id: z.coerce.number().int().positive() });
export const regimeListQuery = z.object({ unitId: z.coerce.number().int().positive().optional() });
export const periodsQuery = z.object({
  from: z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' }).optional(),
  to: z.iso.date({ message: 'Ngày phải có dạng YYYY-MM-DD' }).optional(),
});
