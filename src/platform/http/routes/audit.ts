import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../vn/index.js';
import { listAudit } from '../../audit/audit.js';
import { requireActor } from '../context.js';
import { errorSchema } from '../error-handler.js';
import { fail } from '../../errors.js';
import { roleRank } from '../../access/roles.js';

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorUsername: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

const auditPageSchema = z
  .object({ items: z.array(auditEntrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'AuditPage' });

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listAuditEntries',
        summary: 'Nhật ký thay đổi trong phạm vi các đơn vị mình quản trị',
        querystring: z.object({
          unitId: z.coerce.number().int().optional(),
          action: safeString().max(100).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: { 200: auditPageSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!actor.grants.some((g) => roleRank[g.role] <= roleRank.unit_admin)) fail('ROLE_TOO_WEAK');
      const q = request.query;
      const page = await listAudit(app.db, actor, {
        unitId: q.unitId,
        action: q.action,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        page: q.page,
        pageSize: q.pageSize,
      });
      return { ...page, items: page.items.map((item) => ({ ...item, at: item.at.toISOString() })) };
    },
  );
}
