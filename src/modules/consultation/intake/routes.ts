import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { contactKeyProvider } from '../../../platform/crypto/index.js';
import { requireActor } from '../../../platform/http/context.js';
import { errorSchema } from '../../../platform/http/error-handler.js';
import { viewContact } from './contacts.js';
import { getPublicConsultation, listPublicUnits } from './public-form.js';
import { recordMeeting } from './record-meeting.js';
import { recordStaffSubmission } from './record-staff.js';
import {
  contactViewSchema,
  meetingSchema,
  publicConsultationSchema,
  publicSubmissionSchema,
  publicUnitsSchema,
  staffSubmissionSchema,
  submissionResultSchema,
} from './schemas.js';
import { submitPublicOpinions } from './submit-public.js';

const tags = ['consultation-intake'];
const codeParams = z.object({ code: safeString().min(1).max(64) });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const publicErrors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema };
const created = { 200: submissionResultSchema, 201: submissionResultSchema };

/**
 * Intake endpoints: the public web form (no login; rate-limited per client address by
 * LANTOA_PUBLIC_RATE_LIMIT, 0 = off), staff entry of letters/press/e-mail/other, meeting minutes,
 * and the contact details of a submission for its receiving unit. A new submission answers 201, a
 * repeated idempotency key 200 with the same body.
 */
export async function intakeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const contactKey = contactKeyProvider(app.config);
  const perMinute = app.config.publicRateLimit;
  const limit = (max: number) => (perMinute > 0 ? { config: { rateLimit: { max, timeWindow: '1 minute' } } } : {});
  // The public endpoints take flash crowds: two info lines per request ("incoming request",
  // "request completed") were the largest logging cost. They log warnings and failures only.
  const quiet = { logLevel: 'warn' as const };

  r.get(
    '/public/consultations/:code',
    {
      ...limit(perMinute * 10),
      ...quiet,
      schema: {
        tags,
        operationId: 'getPublicConsultation',
        security: [],
        summary: 'Trang góp ý công khai (không cần đăng nhập): đợt lấy ý kiến đang mở, các dự thảo và phần, đơn vị tiếp nhận (tìm bằng q, tối đa 50)',
        params: codeParams,
        querystring: z.object({ q: safeString().max(200).optional() }),
        response: { 200: publicConsultationSchema, ...publicErrors },
      },
    },
    async (request) => getPublicConsultation(app.db, { code: request.params.code, q: request.query.q }),
  );

  r.get(
    '/public/consultations/:code/units',
    {
      ...limit(perMinute * 10),
      ...quiet,
      schema: {
        tags,
        operationId: 'searchPublicUnits',
        security: [],
        summary: 'Tìm đơn vị tiếp nhận của đợt lấy ý kiến (không dấu, tối đa 50 kết quả)',
        params: codeParams,
        querystring: z.object({ q: safeString().max(200).optional() }),
        response: { 200: publicUnitsSchema, ...publicErrors },
      },
    },
    async (request) => listPublicUnits(app.db, { code: request.params.code, q: request.query.q }),
  );

  r.post(
    '/public/consultations/:code/submissions',
    {
      ...limit(perMinute),
      ...quiet,
      schema: {
        tags,
        operationId: 'submitPublicOpinions',
        security: [],
        summary: 'Gửi góp ý qua biểu mẫu công khai (201; cùng idempotencyKey gửi lại: 200, không tính hai lần)',
        params: codeParams,
        body: publicSubmissionSchema,
        response: { ...created, ...publicErrors },
      },
    },
    async (request, reply) => {
      const { created: isNew, ...result } = await submitPublicOpinions(app.db, { consultationCode: request.params.code, input: request.body, contactKey });
      return reply.status(isNew ? 201 : 200).send(result);
    },
  );

  r.post(
    '/consultations/:code/submissions',
    {
      schema: {
        tags,
        operationId: 'recordStaffSubmission',
        summary: 'Cán bộ nhập góp ý nhận qua thư, báo chí, thư điện tử hoặc kênh khác (biên tập viên của đơn vị tiếp nhận)',
        params: codeParams,
        body: staffSubmissionSchema,
        response: { ...created, ...errors },
      },
    },
    async (request, reply) => {
      const { created: isNew, ...result } = await recordStaffSubmission(app.db, { actor: requireActor(request), consultationCode: request.params.code, input: request.body, contactKey });
      return reply.status(isNew ? 201 : 200).send(result);
    },
  );

  r.post(
    '/consultations/:code/meetings',
    {
      schema: {
        tags,
        operationId: 'recordMeeting',
        summary: 'Nhập biên bản hội nghị/tọa đàm: một lượt góp ý (kênh meeting) gồm các ý kiến trong biên bản',
        params: codeParams,
        body: meetingSchema,
        response: { ...created, ...errors },
      },
    },
    async (request, reply) => {
      const { created: isNew, ...result } = await recordMeeting(app.db, { actor: requireActor(request), consultationCode: request.params.code, input: request.body });
      return reply.status(isNew ? 201 : 200).send(result);
    },
  );

  r.get(
    '/consultations/:code/submissions/:id/contact',
    {
      schema: {
        tags,
        operationId: 'getSubmissionContact',
        summary: 'Thông tin liên hệ của người góp ý (chỉ đơn vị tiếp nhận; có ghi nhật ký)',
        params: codeParams.extend({ id: z.coerce.number().int().positive() }),
        response: { 200: contactViewSchema, ...errors },
      },
    },
    async (request) => viewContact(app.db, { actor: requireActor(request), consultationCode: request.params.code, submissionId: request.params.id, contactKey }),
  );
}
