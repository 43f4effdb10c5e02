import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkDatabase } from '../../db/health.js';
import { errorSchema } from '../error-handler.js';

const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), version: z.string().nullable() }),
  })
  .meta({ id: 'Health' });

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        security: [],
        operationId: 'getHealth',
        summary: 'Tình trạng hệ thống và cơ sở dữ liệu',
        response: { 200: healthSchema, 400: errorSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const database = await checkDatabase(app.db);
      return reply.status(database.ok ? 200 : 503).send({ status: database.ok ? 'ok' : 'degraded', database });
    },
  );
}
