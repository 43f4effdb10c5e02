import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { contactKeyProvider } from '../../../platform/crypto/index.js';
import { requireActor } from '../../../platform/http/context.js';
import { errorSchema } from '../../../platform/http/error-handler.js';
import { viewContact } from './contacts.js';
import { publicIntakeRoutes } from './public-routes.js';
import { recordMeeting } from './record-meeting.js';
import { recordStaffSubmission } from './record-staff.js';
import { contactViewSchema, meetingSchema, staffSubmissionSchema, submissionResultSchema } from './schemas.js';

const tags = ['consultation-intake'];
const codeParams = z.object({ code: safeString().min(1).max(64) });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
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
  publicIntakeRoutes(app, contactKey);

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
