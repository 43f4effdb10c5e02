import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { requireActor } from '../../../platform/http/context.js';
import { errorSchema } from '../../../platform/http/error-handler.js';
import { listRecentSubmissions } from './list-submissions.js';
import { getStaffIntakeForm } from './staff-form.js';
import { recentSubmissionsQuery, recentSubmissionsSchema, staffIntakeFormSchema } from './staff-schemas.js';

const tags = ['consultation-intake'];
const codeParams = z.object({ code: safeString().min(1).max(64) });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** Reads of the staff intake page ("Tiếp nhận góp ý"): the form's documents and sections, a unit's recent submissions. */
export async function intakeStaffRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/consultations/:code/intake-form',
    {
      schema: {
        tags,
        operationId: 'getStaffIntakeForm',
        summary: 'Dự thảo và các phần của đợt lấy ý kiến, để cán bộ nhập góp ý (cả khi đợt đã kết thúc)',
        params: codeParams,
        response: { 200: staffIntakeFormSchema, ...errors },
      },
    },
    async (request) => getStaffIntakeForm(app.db, { actor: requireActor(request), consultationCode: request.params.code }),
  );

  r.get(
    '/consultations/:code/units/:unitId/submissions',
    {
      schema: {
        tags,
        operationId: 'listRecentSubmissions',
        summary: 'Các lượt góp ý đơn vị tiếp nhận gần đây (mới ghi trước); không có thông tin liên hệ',
        params: codeParams.extend({ unitId: z.coerce.number().int().positive() }),
        querystring: recentSubmissionsQuery,
        response: { 200: recentSubmissionsSchema, ...errors },
      },
    },
    async (request) =>
      listRecentSubmissions(app.db, {
        actor: requireActor(request),
        consultationCode: request.params.code,
        unitId: request.params.unitId,
        limit: request.query.limit,
        before: request.query.before,
      }),
  );
}
