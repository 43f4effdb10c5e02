import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { reportMonitoring } from './status/monitoring.js';
import { monitoringQuery, monitoringSchema } from './schemas-report.js';

const tags = ['reports'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** Monitoring a regime over its recent periods below a unit (rates, indicators, units × periods grid). */
export async function monitoringRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/report-regimes/:id/monitoring',
    {
      schema: {
        tags, operationId: 'getReportMonitoring', params: z.object({ id: z.coerce.number().int().positive() }), querystring: monitoringQuery, response: { 200: monitoringSchema, ...errors },
        summary: 'Theo dõi báo cáo qua các kỳ: tỷ lệ gửi, tỷ lệ đúng hạn, chỉ tiêu tổng hợp, bảng đơn vị × kỳ (xem chi tiết bằng unitId của đơn vị cấp dưới)',
      },
    },
    async (request) => reportMonitoring(app.db, { actor: requireActor(request), regimeId: request.params.id, unitId: request.query.unitId, periods: request.query.periods }),
  );
}
