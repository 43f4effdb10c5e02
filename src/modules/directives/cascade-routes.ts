import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { acknowledgeDirective } from './acknowledge-directive.js';
import { getCascade } from './get-cascade.js';
import { cascadeSchema } from './schemas.js';

const tags = ['directives'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** The cascade of a directive down to the units, and a receiving unit acknowledging it. */
export async function cascadeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/directives/:id/cascade',
    { schema: { tags, operationId: 'getCascade', summary: 'Chuỗi văn bản: từ văn bản cao nhất đến mọi văn bản thực hiện, và đơn vị nào đã/chưa thực hiện', params: idParams, response: { 200: cascadeSchema, ...errors } } },
    async (request) => getCascade(app.db, { actor: requireActor(request), directiveId: request.params.id }),
  );

  r.post(
    '/directives/:id/acknowledge',
    { schema: { tags, operationId: 'acknowledgeDirective', summary: 'Đơn vị nhận xác nhận đã nhận văn bản', params: idParams, body: z.object({ unitId: z.number().int() }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await acknowledgeDirective(app.db, { actor: requireActor(request), directiveId: request.params.id, unitId: request.body.unitId });
      return reply.status(204).send(null);
    },
  );
}
