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
const timeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, TIME_MESSAGE);
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
  .meta({ id: 'ReportIndicatorInput' });

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
  .meta({ id: 'ReportFormInput', description: 'Biểu mẫu: các phần chỉ tiêu, ràng buộc giữa chỉ tiêu, đề cương' });

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
