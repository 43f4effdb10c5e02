import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { contributorGroups } from '../tables.js';

/** zod contract of the intake endpoints (also their OpenAPI schemas). */

export const MAX_TEXT = 10_000;

const text = (max: number) => safeString().max(max, `Tối đa ${max} ký tự.`);

export const contributorGroupSchema = z.enum(contributorGroups);

const opinionFields = {
  documentCode: safeString().trim().min(1, 'Hãy chọn dự thảo.').max(64),
  sectionRef: safeString().trim().max(64).nullish(),
  text: text(MAX_TEXT).default(''),
};

/** An opinion from the public form: a stance per VNeID (Tán thành / Không tán thành / Đồng ý một phần). */
export const publicOpinionSchema = z.object({ ...opinionFields, stance: z.enum(['agree', 'disagree', 'partial']) }).meta({ id: 'PublicOpinionInput' });
/** An opinion typed in by staff (letters, press, e-mail, minutes): also "none" when the text takes no stance. */
export const staffOpinionSchema = z.object({ ...opinionFields, stance: z.enum(['agree', 'disagree', 'partial', 'none']) }).meta({ id: 'StaffOpinionInput' });

export const contactSchema = z
  .object({
    name: text(200).nullish(),
    phone: safeString()
      .trim()
      .regex(/^(\+?[0-9][0-9 .-]{6,18}[0-9])?$/, 'Số điện thoại không hợp lệ.')
      .nullish(),
    idNumber: safeString()
      .trim()
      .regex(/^([0-9]{9}|[0-9]{12})?$/, 'Số định danh/CCCD gồm 12 chữ số (hoặc CMND 9 chữ số).')
      .nullish(),
    consent: z.literal(true, { error: 'Cần đồng ý cho đơn vị tiếp nhận lưu thông tin liên hệ; nếu không, hãy để trống phần này.' }),
  })
  .meta({ id: 'ContactInput' });

const idempotencyKey = z.uuid({ error: 'Mã chống gửi trùng (idempotencyKey) phải là UUID.' });

export const publicSubmissionSchema = z
  .object({
    idempotencyKey,
    unitCode: safeString().trim().min(1, 'Hãy chọn đơn vị tiếp nhận.').max(64),
    contributorGroup: contributorGroupSchema,
    opinions: z.array(publicOpinionSchema).min(1, 'Cần ít nhất một ý kiến.').max(50, 'Tối đa 50 ý kiến trong một lượt góp ý.'),
    contact: contactSchema.nullish(),
  })
  .meta({ id: 'PublicSubmissionInput' });

export const staffChannels = ['letter', 'press', 'email', 'other'] as const;

const instant = z.iso.datetime({ offset: true, error: 'Thời điểm theo ISO 8601 có múi giờ, ví dụ 2025-11-05T09:30:00+07:00.' });

export const staffSubmissionSchema = z
  .object({
    idempotencyKey,
    unitId: z.number().int().positive(),
    channel: z.enum(staffChannels),
    contributorGroup: contributorGroupSchema,
    /** When the contributor sent it (ISO 8601 with offset); now when absent. */
    submittedAt: instant.nullish(),
    opinions: z.array(staffOpinionSchema).min(1, 'Cần ít nhất một ý kiến.').max(200, 'Tối đa 200 ý kiến trong một lượt góp ý.'),
    contact: contactSchema.nullish(),
  })
  .meta({ id: 'StaffSubmissionInput' });

export const meetingKinds = ['hoi_nghi', 'toa_dam'] as const;

export const meetingSchema = z
  .object({
    idempotencyKey,
    unitId: z.number().int().positive(),
    heldAt: instant,
    kind: z.enum(meetingKinds),
    title: safeString().trim().min(1, 'Hãy nhập tên hội nghị/tọa đàm.').max(500),
    attendees: z.number().int().min(1, 'Số người dự ít nhất là 1.').max(1_000_000),
    /** Who attended, for the contributor-group breakdown; `khac` (other) by default. */
    contributorGroup: contributorGroupSchema.default('khac'),
    opinions: z.array(staffOpinionSchema).min(1, 'Biên bản cần ít nhất một ý kiến.').max(1000, 'Tối đa 1.000 ý kiến trong một biên bản.'),
  })
  .meta({ id: 'MeetingInput' });

export const submissionResultSchema = z
  .object({ submissionId: z.number().int(), opinions: z.number().int() })
  .meta({ id: 'SubmissionResult' });

/** A consultation as both intake forms show it: its window and its drafts with their sections. */
export const consultationWithDocumentsShape = {
    code: z.string(),
    title: z.string(),
    opensAt: z.string(),
    closesAt: z.string().nullable(),
    documents: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        sections: z.array(z.object({ ref: z.string(), heading: z.string().nullable() })),
      }),
    ),
};

export const publicConsultationSchema = z
  .object({
    ...consultationWithDocumentsShape,
    units: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: 'PublicConsultation' });

export const publicUnitsSchema = z
  .object({ items: z.array(z.object({ code: z.string(), name: z.string() })), more: z.boolean() })
  .meta({ id: 'PublicUnits' });

export const contactViewSchema = z
  .object({
    submissionId: z.number().int(),
    unitId: z.number().int(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    idNumber: z.string().nullable(),
    consent: z.boolean(),
    createdAt: z.string(),
    /** Set when the retention period erased the details (they are then null). */
    erasedAt: z.string().nullable(),
  })
  .meta({ id: 'SubmissionContact' });

export type PublicSubmissionInput = z.infer<typeof publicSubmissionSchema>;
export type StaffSubmissionInput = z.infer<typeof staffSubmissionSchema>;
export type MeetingInput = z.infer<typeof meetingSchema>;
export type ContactInput = z.infer<typeof contactSchema>;

export const publicDocumentTextSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    sections: z.array(z.object({ ref: z.string(), parentRef: z.string().nullable(), heading: z.string().nullable(), body: z.string() })),
  })
  .meta({ id: 'PublicDocumentText' });
