import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';

/** zod contract of managing consultations from the web app (also their OpenAPI schemas). */

const instant = z.iso.datetime({ offset: true, error: 'Thời điểm theo ISO 8601 có múi giờ, ví dụ 2026-01-05T08:00:00+07:00.' });
const cutoff = z
  .object({
    weekday: z.number().int().min(1).max(7).describe('Thứ: 1 = thứ Hai … 7 = Chủ nhật'),
    time: safeString().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Giờ dạng HH:MM, ví dụ 16:00.'),
  })
  .meta({ id: 'WeeklyCutoff' });
const unitIds = z.array(z.number().int().positive()).max(5000).nullable().describe('Đơn vị tham gia (cùng các đơn vị trực thuộc); null: toàn bộ đơn vị mở đợt và các đơn vị trực thuộc');

export const createConsultationSchema = z
  .object({
    ownerUnitId: z.number().int().positive().describe('Đơn vị mở đợt lấy ý kiến (cần quyền biên tập viên của đơn vị)'),
    code: safeString().trim().min(1, 'Hãy nhập mã đợt.').max(64),
    title: safeString().trim().min(1, 'Hãy nhập tên đợt lấy ý kiến.').max(500),
    documents: z
      .array(z.object({ title: safeString().trim().min(1, 'Hãy nhập tên dự thảo.').max(500) }))
      .min(1, 'Cần ít nhất một dự thảo.')
      .max(20, 'Tối đa 20 dự thảo.')
      .describe('Các dự thảo (mã DT1, DT2, … theo thứ tự); nội dung nạp sau bằng POST …/documents/{documentCode}/text'),
    opensAt: instant,
    closesAt: instant.nullable(),
    cutoff,
    unitIds,
  })
  .meta({ id: 'CreateConsultationInput' });

export const updateConsultationSchema = z
  .object({
    opensAt: instant.optional(),
    closesAt: instant.nullable().optional(),
    cutoff: cutoff.optional(),
    unitIds: unitIds.optional(),
  })
  .meta({ id: 'UpdateConsultationInput' });

export const consultationDetailSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    owner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    opensAt: z.string(),
    closesAt: z.string().nullable(),
    cutoff: z.object({ weekday: z.number().int(), time: z.string(), label: z.string() }),
    status: z.enum(['upcoming', 'open', 'closed']).describe('Chưa bắt đầu, đang nhận góp ý hoặc đã kết thúc'),
    units: z.object({
      all: z.boolean().describe('Mọi đơn vị (đợt toàn hệ thống) hoặc toàn bộ đơn vị mở đợt và các đơn vị trực thuộc'),
      items: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
    }),
    documents: z.array(z.object({ code: z.string(), title: z.string(), sections: z.number().int() })),
    publicPath: z.string().describe('Đường dẫn biểu mẫu góp ý công khai'),
    canEdit: z.boolean(),
  })
  .meta({ id: 'ConsultationDetail' });

export const documentTextResultSchema = z
  .object({ document: z.string(), sections: z.number().int(), refs: z.array(z.string()) })
  .meta({ id: 'DocumentTextResult' });

export type CreateConsultationBody = z.infer<typeof createConsultationSchema>;
export type UpdateConsultationBody = z.infer<typeof updateConsultationSchema>;
