import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { archiveRegime } from './regimes/archive-regime.js';
import { defineRegime } from './regimes/define-regime.js';
import { proposeRegime } from './regimes/propose-regime.js';
import { getRegime, listRegimePeriods, listRegimes } from './regimes/read-regimes.js';
import {
  definedRegimeSchema,
  periodsQuery,
  proposalInputSchema,
  regimeDefinitionSchema,
  regimeDetailSchema,
  regimeIdParams,
  regimeListQuery,
  regimePeriodSchema,
  regimeProposalSchema,
  regimeSummarySchema,
} from './schemas-regimes.js';

const tags = ['reports'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const archivedSchema = z.object({ id: z.number().int(), archivedAt: z.string() }).meta({ id: 'ReportRegimeArchived' });

/** The report regimes' API: list, read, define (create / update), archive, periods, and a proposal from a directive's text. */
export async function regimeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/report-regimes',
    { schema: { tags, operationId: 'listReportRegimes', summary: 'Các chế độ báo cáo người dùng xem được (đơn vị ban hành hoặc đơn vị phải báo cáo thuộc phạm vi)', querystring: regimeListQuery, response: { 200: z.array(regimeSummarySchema), ...errors } } },
    async (request) => listRegimes(app.db, { actor: requireActor(request), unitId: request.query.unitId }),
  );

  r.post(
    '/report-regimes',
    { schema: { tags, operationId: 'createReportRegime', summary: 'Ban hành chế độ báo cáo (mã đơn vị theo danh mục); trả về cảnh báo về thời hạn nếu có', body: regimeDefinitionSchema, response: { 201: definedRegimeSchema, ...errors } } },
    async (request, reply) => {
      const defined = await defineRegime(app.db, { actor: requireActor(request), definition: request.body, mode: { kind: 'create' } });
      return reply.status(201).send({ id: defined.id, code: defined.code, warnings: defined.warnings });
    },
  );

  r.post(
    '/report-regimes/proposal',
    { schema: { tags, operationId: 'proposeReportRegime', summary: 'Đề xuất chế độ báo cáo từ văn bản chỉ đạo (tần suất, hạn từ quy định thời hạn; tên từ trích yếu); không ghi gì', body: proposalInputSchema, response: { 200: regimeProposalSchema, ...errors } } },
    async (request) => proposeRegime(app.db, { actor: requireActor(request), ...request.body }),
  );

  r.get(
    '/report-regimes/:id',
    { schema: { tags, operationId: 'getReportRegime', summary: 'Định nghĩa chế độ báo cáo, biểu mẫu và kỳ hiện tại', params: regimeIdParams, response: { 200: regimeDetailSchema, ...errors } } },
    async (request) => getRegime(app.db, { actor: requireActor(request), regimeId: request.params.id }),
  );

  r.put(
    '/report-regimes/:id',
    { schema: { tags, operationId: 'updateReportRegime', summary: 'Sửa chế độ báo cáo (các kỳ đã mở giữ nguyên danh sách đơn vị phải báo cáo)', params: regimeIdParams, body: regimeDefinitionSchema, response: { 200: definedRegimeSchema, ...errors } } },
    async (request) => {
      const defined = await defineRegime(app.db, { actor: requireActor(request), definition: request.body, mode: { kind: 'update', regimeId: request.params.id } });
      return { id: defined.id, code: defined.code, warnings: defined.warnings };
    },
  );

  r.post(
    '/report-regimes/:id/archive',
    { schema: { tags, operationId: 'archiveReportRegime', summary: 'Lưu trữ chế độ báo cáo: không mở kỳ mới', params: regimeIdParams, response: { 200: archivedSchema, ...errors } } },
    async (request) => {
      const archived = await archiveRegime(app.db, { actor: requireActor(request), regimeId: request.params.id });
      return { id: archived.id, archivedAt: archived.archivedAt.toISOString() };
    },
  );

  r.get(
    '/report-regimes/:id/periods',
    { schema: { tags, operationId: 'listReportRegimePeriods', summary: 'Các kỳ báo cáo đã qua và kỳ hiện tại (mặc định 12 kỳ gần nhất); kỳ chưa mở được mở', params: regimeIdParams, querystring: periodsQuery, response: { 200: z.array(regimePeriodSchema), ...errors } } },
    async (request) => listRegimePeriods(app.db, { actor: requireActor(request), regimeId: request.params.id, from: request.query.from, to: request.query.to }),
  );
}
