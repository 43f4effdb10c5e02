import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { requireActor } from '../../../platform/http/context.js';
import { errorSchema } from '../../../platform/http/error-handler.js';
import { listRepresentativeCandidates } from './candidates.js';
import { carryUpRepresentativeOpinion } from './carry-up.js';
import { pickRepresentativeOpinion } from './pick.js';
import { candidatePageSchema, candidateQuerySchema, carryUpRepresentativeSchema, pickRepresentativeSchema, representativeOpinionSchema } from './schemas.js';
import { unpickRepresentativeOpinion } from './unpick.js';

const tags = ['consultation-reports'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const reportParams = z.object({ code: safeString().min(1).max(64), unitId: z.coerce.number().int().positive() });

/** The report a request is about: the acting user, the consultation and the unit of its path. */
function reportOf(request: FastifyRequest & { params: { code: string; unitId: number } }) {
  return { actor: requireActor(request), consultationCode: request.params.code, unitId: request.params.unitId };
}

/**
 * Representative opinions (ý kiến tiêu biểu) of a unit's weekly report: the opinions to pick from,
 * picking, carrying a child's pick up, and removing a pick. Editors of the unit only; changes are
 * refused once the unit's report for the week is submitted (409).
 */
export async function representativeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/consultations/:code/reports/:unitId';

  r.get(
    `${base}/opinions`,
    {
      schema: {
        tags,
        operationId: 'listRepresentativeCandidates',
        summary: 'Ý kiến của đơn vị và các đơn vị trực thuộc trong tuần, mới nhất trước, để chọn ý kiến tiêu biểu (không có thông tin liên hệ)',
        description: 'Lọc theo dự thảo, mục (gồm các mục con), loại ý kiến, từ khóa (không phân biệt dấu). Trang theo con trỏ (nextCursor), tối đa 50 ý kiến; hasMore cho biết còn trang sau, không đếm tổng.',
        params: reportParams,
        querystring: candidateQuerySchema,
        response: { 200: candidatePageSchema, ...errors },
      },
    },
    async (request) => listRepresentativeCandidates(app.db, { ...reportOf(request), ...request.query }),
  );

  r.post(
    `${base}/representatives`,
    {
      schema: {
        tags,
        operationId: 'pickRepresentative',
        summary: 'Chọn một ý kiến làm ý kiến tiêu biểu của báo cáo tuần (ý kiến do đơn vị hoặc đơn vị trực thuộc tiếp nhận trong tuần)',
        params: reportParams,
        body: pickRepresentativeSchema,
        response: { 201: representativeOpinionSchema, ...errors, 409: errorSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await pickRepresentativeOpinion(app.db, { ...reportOf(request), ...request.body })),
  );

  r.post(
    `${base}/representatives/carry-up`,
    {
      schema: {
        tags,
        operationId: 'carryUpRepresentative',
        summary: 'Đưa lên: ý kiến tiêu biểu của một đơn vị trực thuộc trực tiếp trở thành ý kiến tiêu biểu của đơn vị',
        params: reportParams,
        body: carryUpRepresentativeSchema,
        response: { 201: representativeOpinionSchema, ...errors, 409: errorSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await carryUpRepresentativeOpinion(app.db, { ...reportOf(request), ...request.body })),
  );

  r.delete(
    `${base}/representatives/:id`,
    {
      schema: {
        tags,
        operationId: 'unpickRepresentative',
        summary: 'Bỏ một ý kiến tiêu biểu của đơn vị (khi báo cáo tuần chưa gửi)',
        params: reportParams.extend({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null().describe('Đã bỏ chọn'), ...errors, 409: errorSchema },
      },
    },
    async (request, reply) => {
      await unpickRepresentativeOpinion(app.db, { ...reportOf(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );
}
