import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { roundItemStatistics } from './statistics/round-statistics.js';
import { itemStatisticsSchema } from './statistics/schemas.js';

const tags = ['contests'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** A round's item statistics, for the organiser unit's viewers and editors. */
export async function statisticsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/contests/:id/rounds/:number/item-statistics',
    {
      schema: {
        tags, operationId: 'getContestItemStatistics',
        params: z.object({ id: z.coerce.number().int().positive(), number: z.coerce.number().int().positive() }),
        response: { 200: itemStatisticsSchema, ...errors },
        summary: 'Thống kê câu hỏi của vòng thi (lượt thi đầu tiên): chỉ số dễ, độ lệch chuẩn, độ phân biệt, số người chọn từng phương án, cờ cảnh báo',
      },
    },
    async (request) => roundItemStatistics(app.db, { actor: requireActor(request), contestId: request.params.id, round: request.params.number }),
  );
}
