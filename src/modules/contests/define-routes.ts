import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { contestDetailSchema, contestIdParams, contestListQuery, contestSummarySchema, headcountInputSchema, headcountSchema, unitIdParams } from './define/api-schemas.js';
import { defineContest } from './define/define-contest.js';
import { getContest, listContests } from './define/read-contests.js';
import { contestDefinitionSchema, definedContestSchema } from './define/schemas.js';
import { getHeadcount, setHeadcount } from './headcount/headcount.js';
import { z } from 'zod';

const tags = ['contests'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Contests' definition (list, read, create, update; rounds locked once opened) and units' headcounts. */
export async function defineRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/contests',
    { schema: { tags, operationId: 'listContests', summary: 'Các cuộc thi do đơn vị trong phạm vi tổ chức (trong cây của unitId nếu có), với trạng thái từng vòng', querystring: contestListQuery, response: { 200: z.array(contestSummarySchema), ...errors } } },
    async (request) => listContests(app.db, { actor: requireActor(request), unitId: request.query.unitId }),
  );

  r.post(
    '/contests',
    { schema: { tags, operationId: 'createContest', summary: 'Tạo cuộc thi (biên tập viên của đơn vị tổ chức); cảnh báo khi ngân hàng câu hỏi ít hơn số câu mỗi lượt', body: contestDefinitionSchema, response: { 201: definedContestSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await defineContest(app.db, { actor: requireActor(request), definition: request.body, mode: { kind: 'create' } })),
  );

  r.get(
    '/contests/:id',
    { schema: { tags, operationId: 'getContest', summary: 'Định nghĩa cuộc thi, trạng thái và kết quả chốt của từng vòng, số câu hỏi', params: contestIdParams, response: { 200: contestDetailSchema, ...errors } } },
    async (request) => getContest(app.db, { actor: requireActor(request), contestId: request.params.id }),
  );

  r.put(
    '/contests/:id',
    { schema: { tags, operationId: 'updateContest', summary: 'Sửa cuộc thi; vòng đã mở giữ nguyên cài đặt (409 CONTEST_ROUND_LOCKED)', params: contestIdParams, body: contestDefinitionSchema, response: { 200: definedContestSchema, ...errors } } },
    async (request) => defineContest(app.db, { actor: requireActor(request), definition: request.body, mode: { kind: 'update', contestId: request.params.id } }),
  );

  r.get(
    '/units/:unitId/headcount',
    { schema: { tags, operationId: 'getUnitHeadcount', summary: 'Số người của đơn vị (mẫu số tỷ lệ tham gia)', params: unitIdParams, response: { 200: headcountSchema, ...errors } } },
    async (request) => getHeadcount(app.db, { actor: requireActor(request), unitId: request.params.unitId }),
  );

  r.put(
    '/units/:unitId/headcount',
    { schema: { tags, operationId: 'setUnitHeadcount', summary: 'Đặt số người của đơn vị (quản trị viên của đơn vị); null để xóa', params: unitIdParams, body: headcountInputSchema, response: { 200: headcountSchema, ...errors } } },
    async (request) => setHeadcount(app.db, { actor: requireActor(request), unitId: request.params.unitId, headcount: request.body.headcount, label: request.body.label }),
  );
}
