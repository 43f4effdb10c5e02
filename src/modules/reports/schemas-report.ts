import { z } from 'zod';
import { safeString } from '../../platform/vn/index.js';
import { MAX_INDICATOR_TEXT } from './fill/validate-values.js';
import { indicatorAggregations, indicatorTypes } from '../../shared/report-form.js';

/** zod contract of filling, reviewing, consolidating and monitoring reports (also their OpenAPI schemas). Instants are ISO strings. */

const id = z.number().int();
const instant = z.string().describe('ISO 8601');
const code = z.string();
const count = z.number().int();
const rate = z.number().min(0).max(1);

export const reportParams = z.object({
  id: z.coerce.number().int().positive().describe('Mã số chế độ báo cáo'),
  periodEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày chốt số liệu dạng YYYY-MM-DD').describe('Ngày chốt số liệu của kỳ (YYYY-MM-DD), như --period-end'),
  unitId: z.coerce.number().int().positive(),
});
export const versionParams = reportParams.extend({ version: z.coerce.number().int().positive() });
export const submissionParams = z.object({ id: z.coerce.number().int().positive().describe('Mã số bản báo cáo đã gửi (submissionId)') });

export const indicatorValueSchema = z.union([z.number().finite(), z.boolean(), safeString().max(MAX_INDICATOR_TEXT), z.null()]);
const valuesSchema = z.record(z.string().max(40), indicatorValueSchema).describe('Giá trị theo mã chỉ tiêu');
const numbersSchema = z.record(z.string(), z.number().nullable()).describe('Số liệu tổng hợp theo mã chỉ tiêu (null: không có số liệu)');

export const reportContentSchema = z
  .object({
    values: valuesSchema,
    notes: z.record(z.string().max(40), safeString().max(2000)).default({}).describe('Lý do sửa số liệu Lan Tỏa điền sẵn, theo mã chỉ tiêu'),
    prefilled: z.record(z.string().max(40), z.number()).default({}).describe('Số liệu Lan Tỏa điền sẵn, theo mã chỉ tiêu'),
    narrative: z.array(safeString().max(50_000)).max(50).default([]).describe('Phần lời theo từng mục đề cương'),
    noActivity: z.boolean().default(false).describe('Không phát sinh trong kỳ'),
  })
  .meta({ id: 'ReportContent' });

/** The form as stored (a response: no defaults, so one OpenAPI component). */
const reportFormOutSchema = z
  .object({
    sections: z.array(
      z.object({
        title: z.string(),
        indicators: z.array(
          z.object({
            code,
            label: z.string(),
            unitOfMeasure: z.string().optional(),
            type: z.enum(indicatorTypes),
            aggregation: z.enum(indicatorAggregations),
            weightBy: z.string().optional(),
            required: z.boolean().optional(),
            min: z.number().optional(),
            max: z.number().optional(),
            prefill: z.string().optional(),
          }),
        ),
      }),
    ),
    relations: z.array(z.object({ left: code, op: z.enum(['>=', '<=', '=', '>', '<']), right: code, message: z.string().optional() })),
    outline: z.array(z.string()),
  })
  .meta({ id: 'ReportFormStored', description: 'Biểu mẫu của chế độ báo cáo: các phần chỉ tiêu, ràng buộc, đề cương' });

const unitSchema = z.object({ id, code, name: z.string(), kind: z.string() });
const periodSchema = z.object({ key: z.string(), closingDate: z.string(), start: instant, end: instant, label: z.string() });
const regimeRef = z.object({ id, code, name: z.string(), type: z.string() });
const timeliness = z.enum(['onTime', 'late', 'missing']);
const review = z.enum(['submitted', 'returned', 'approved']);

export const reportVersionSchema = z.object({ submissionId: id, version: count, submittedAt: instant, late: z.boolean(), review, returnReason: z.string().nullable() });

export const childReportSchema = z
  .object({ unitId: id, code, name: z.string(), status: timeliness, review: review.nullable(), submittedAt: instant.nullable(), version: count.nullable(), deadline: instant, values: valuesSchema })
  .meta({ id: 'ReportChild' });

export const reportViewSchema = z
  .object({
    regime: regimeRef,
    period: periodSchema,
    unit: unitSchema,
    recipient: unitSchema.nullable(),
    deadline: instant.nullable(),
    form: reportFormOutSchema,
    content: reportContentSchema,
    editable: z.boolean(),
    receives: z.boolean(),
    versions: z.array(reportVersionSchema),
    children: z.array(childReportSchema).optional(),
  })
  .meta({ id: 'ReportView' });

export const draftBodySchema = z.object({ content: reportContentSchema });
export const submitBodySchema = z.object({ content: reportContentSchema.optional() }).default({});
export const reasonBodySchema = z.object({ reason: safeString().max(4000) });

export const submitResultSchema = z.object({ submissionId: id, version: count, late: z.boolean() });
export const reviewResultSchema = z.object({ submissionId: id, version: count, review, returnReason: z.string().nullable() });

const frozenChild = z.object({ unitId: id, code, name: z.string(), submissionId: id, version: count, values: valuesSchema });
export const frozenVersionSchema = reportVersionSchema
  .extend({
    deadline: instant,
    submittedBy: z.string().nullable(),
    reviewedAt: instant.nullable(),
    reviewedBy: z.string().nullable(),
    snapshot: z.object({ own: reportContentSchema, values: valuesSchema, children: z.array(frozenChild), narrative: z.array(z.string()) }),
  })
  .meta({ id: 'ReportFrozenVersion' });

export const consolidatedReportSchema = z
  .object({
    regime: regimeRef,
    unit: unitSchema,
    period: periodSchema,
    deadline: instant.nullable(),
    own: valuesSchema,
    values: numbersSchema,
    live: numbersSchema,
    children: z.array(childReportSchema),
    mismatches: z.array(
      z.object({
        indicator: code,
        values: z.number().nullable(),
        live: z.number().nullable(),
        explainedBy: z.array(z.object({ code, name: z.string(), reported: z.number().nullable(), live: z.number().nullable() })),
      }),
    ),
    narrative: z.array(z.object({ title: z.string(), entries: z.array(z.object({ text: z.string(), units: z.array(z.string()) })) })),
  })
  .meta({ id: 'ConsolidatedReport' });

const counts = { expected: count, onTime: count, late: count, missing: count };

export const reportStatusSchema = z
  .object({
    unit: code.describe('Mã đơn vị'),
    unitId: id,
    unitName: z.string(),
    regime: code,
    periodKey: z.string(),
    closingDate: z.string(),
    label: z.string(),
    periodStart: instant,
    periodEnd: instant,
    deadline: instant.nullable(),
    ...counts,
    returned: count,
    approved: count,
    reportingRate: rate,
    timelinessRate: rate,
    subtree: z.object(counts),
    children: z.array(
      z.object({ unitId: id, code, name: z.string(), status: timeliness, review: review.nullable(), submittedAt: instant.nullable(), version: count.nullable(), submissionId: id.nullable(), deadline: instant }),
    ),
  })
  .meta({ id: 'ReportStatus', description: 'Như `lantoa reports status --json`: số đếm trên các đơn vị báo cáo trực tiếp, tỷ lệ, toàn cây (subtree), từng đơn vị' });

export const monitoringQuery = z.object({
  unitId: z.coerce.number().int().positive().optional().describe('Đơn vị xem (mặc định: đơn vị ban hành); xem chi tiết một đơn vị cấp dưới bằng mã số của nó'),
  periods: z.coerce.number().int().min(1).max(104).default(12).describe('Số kỳ gần nhất'),
});

export const monitoringSchema = z
  .object({
    unit: z.object({ id, code, name: z.string() }),
    periods: z.array(
      z.object({ key: z.string(), closingDate: z.string(), label: z.string(), ...counts, returned: count, approved: count, reportingRate: rate, timelinessRate: rate, indicators: numbersSchema }),
    ),
    units: z.array(z.object({ id, code, name: z.string(), cells: z.array(z.object({ key: z.string(), status: timeliness.nullable(), review: review.nullable() })) })),
  })
  .meta({ id: 'ReportMonitoring' });
