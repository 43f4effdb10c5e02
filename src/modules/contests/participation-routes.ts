import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { collectiveRanking } from './participation/collective-ranking.js';
import { contestParticipation } from './participation/participation.js';
import { collectiveRankingQuery, collectiveRankingSchema, participationQuery, participationSchema, seriesQuery, seriesSchema } from './participation/schemas.js';
import { participationSeries } from './participation/series.js';

const tags = ['contests'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** Participation by unit (viewers of the unit), collective ranking and the per-round series for charts. */
export async function participationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/contests/:id/participation',
    {
      schema: {
        tags, operationId: 'getContestParticipation', params: idParams, querystring: participationQuery, response: { 200: participationSchema, ...errors },
        summary: 'Tham gia theo đơn vị: số lượt, số người, số người đạt điểm tuyệt đối, tỷ lệ tham gia của cây đơn vị và từng đơn vị trực thuộc',
      },
    },
    async (request) => {
      const report = await contestParticipation(app.db, { actor: requireActor(request), contestId: request.params.id, unitId: request.query.unitId, round: request.query.round });
      return { ...report, unit: report.code };
    },
  );
  r.get(
    '/contests/:id/collective-ranking',
    {
      schema: {
        tags, operationId: 'getContestCollectiveRanking', params: idParams, querystring: collectiveRankingQuery, response: { 200: collectiveRankingSchema, ...errors },
        summary: 'Xếp hạng tập thể: đơn vị trực thuộc theo tỷ lệ tham gia rồi điểm trung bình lượt thi đầu tiên (không theo số lượt)',
      },
    },
    async (request) => collectiveRanking(app.db, { actor: requireActor(request), contestId: request.params.id, round: request.query.round, unitId: request.query.unitId }),
  );
  r.get(
    '/contests/:id/participation/series',
    {
      schema: {
        tags, operationId: 'getContestParticipationSeries', params: idParams, querystring: seriesQuery, response: { 200: seriesSchema, ...errors },
        summary: 'Số liệu tham gia của cây đơn vị theo từng vòng (cho biểu đồ)',
      },
    },
    async (request) => participationSeries(app.db, { actor: requireActor(request), contestId: request.params.id, unitId: request.query.unitId }),
  );
}
