/** zod contract of the weekly report endpoints (also their OpenAPI schemas). */
import { z } from 'zod';
import { representativesSchema } from '../representatives/schemas.js';

const counts = z.record(z.string(), z.number().int());
const isoDate = z.iso.date().describe('YYYY-MM-DD (ngày chốt số liệu kết thúc tuần)');
const reportStatus = z.enum(['submitted', 'late', 'missing', 'overdue']).describe('Đã gửi, gửi muộn, chưa gửi (chưa đến hạn) hoặc quá hạn (đã qua hạn mà chưa gửi)');

export const consultationSummarySchema = z
  .object({
    code: z.string(),
    title: z.string(),
    owner: z.string().nullable().describe('Đơn vị mở đợt lấy ý kiến; null: đợt toàn hệ thống'),
    opensAt: z.string(),
    closesAt: z.string().nullable(),
    cutoff: z.string().describe('Giờ và thứ chốt số liệu hằng tuần, ví dụ "16:00 thứ Tư"'),
    documents: z.array(z.object({ code: z.string(), title: z.string() })),
    weeks: z
      .array(z.object({ periodEnd: isoDate, label: z.string(), hasData: z.boolean().describe('Tuần đã tiếp nhận góp ý') }))
      .describe('Các tuần từ khi mở đến tuần hiện tại, mới nhất trước'),
    currentPeriodEnd: isoDate,
  })
  .meta({ id: 'ConsultationSummary' });

export const weeklyReportSchema = z
  .object({
    unit: z.string(),
    unitName: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    submissions: z.number().int(),
    opinions: z.number().int(),
    byChannel: counts,
    byContributorGroup: counts,
    byDocument: counts,
    byStance: counts,
    cumulative: z.object({ submissions: z.number().int(), opinions: z.number().int() }),
    identicalGroups: z.number().int(),
    children: z.array(z.object({ code: z.string(), name: z.string(), status: reportStatus, submissions: z.number().int(), opinions: z.number().int() })),
  })
  .meta({ id: 'WeeklyReport' });

export const frozenSummarySchema = z
  .object({
    submittedAt: z.string(),
    deadline: z.string(),
    late: z.boolean(),
    submittedBy: z.string().nullable(),
    submissions: z.number().int(),
    opinions: z.number().int(),
    cumulative: z.object({ submissions: z.number().int(), opinions: z.number().int() }),
    byDocument: counts,
    byChannel: counts,
  })
  .meta({ id: 'FrozenReportSummary' });

export const reportViewSchema = z
  .object({
    consultation: z.object({
      code: z.string(),
      title: z.string(),
      documents: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          sections: z.array(z.object({ ref: z.string(), heading: z.string().nullable() })).describe('Các phần, mục theo thứ tự văn bản'),
        }),
      ),
    }),
    unit: z.object({ id: z.number().int(), code: z.string(), name: z.string(), parentName: z.string().nullable(), grassroots: z.boolean() }),
    period: z.object({
      periodEnd: isoDate,
      periodStart: z.string(),
      periodEndInstant: z.string(),
      label: z.string(),
      pickerLabel: z.string(),
      deadline: z.string(),
      overdue: z.boolean().describe('Đã qua hạn gửi của đơn vị (theo giờ máy chủ): báo cáo gửi bây giờ được ghi nhận là gửi muộn'),
    }),
    report: weeklyReportSchema,
    history: z.array(z.object({ periodEnd: isoDate, shortLabel: z.string(), label: z.string(), submissions: z.number().int(), opinions: z.number().int() })),
    change: z.object({
      previousPeriodEnd: isoDate.nullable(),
      previous: z.object({ submissions: z.number().int(), opinions: z.number().int() }),
      submissions: z.number().int(),
      opinions: z.number().int(),
      submissionsPercent: z.number().nullable(),
      opinionsPercent: z.number().nullable(),
    }),
    contributors: z
      .object({ byChannel: counts, byContributorGroup: counts, byDocument: counts, byStance: counts })
      .describe('Số lượt góp ý (người góp ý) trong mỗi ô phân tổ'),
    submission: frozenSummarySchema.nullable(),
    children: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        status: reportStatus,
        live: z.object({ submissions: z.number().int(), opinions: z.number().int() }),
        frozen: frozenSummarySchema.nullable(),
      }),
    ),
    canSubmit: z.boolean(),
    representatives: representativesSchema.describe('Ý kiến tiêu biểu của đơn vị và của các đơn vị trực thuộc trong tuần'),
    canPickRepresentatives: z.boolean().describe('Người dùng là biên tập viên của đơn vị và báo cáo tuần chưa gửi: được chọn, bỏ chọn, đưa lên ý kiến tiêu biểu'),
  })
  .meta({ id: 'WeeklyReportView' });

export const submitReportSchema = z.object({ periodEnd: isoDate }).meta({ id: 'SubmitWeeklyReport' });

export const submittedReportSchema = z
  .object({
    id: z.number().int(),
    submittedAt: z.string(),
    deadline: z.string(),
    late: z.boolean(),
    snapshot: weeklyReportSchema.extend({ representatives: representativesSchema }).describe('Số liệu và ý kiến tiêu biểu được chốt khi gửi'),
  })
  .meta({ id: 'SubmittedWeeklyReport' });
