import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../vn/index.js';
import { listAudit } from '../../audit/audit.js';
import { requireActor } from '../context.js';
import { errorSchema } from '../error-handler.js';
import { fail } from '../../errors.js';
import { roleRank } from '../../access/roles.js';
import { platformAuditSubjects, presentAuditRows } from '../../audit/present.js';
import type { AuditSubjectResolvers } from '../../audit/subjects.js';

const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorUsername: z.string().nullable(),
    /** Who did it as people say it: the account holder's name, "Dòng lệnh (quản trị)", "Người dân qua biểu mẫu công khai", … */
    actorName: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    /** The object's name (e.g. "Công văn 134-CV/TU") when the caller may see it, else null (show its kind). */
    entityName: z.string().nullable(),
    /** The web app's page of the object, when it has one. */
    entityLink: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

const auditPageSchema = z
  .object({ items: z.array(auditEntrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'AuditPage' });

/**
 * The audit log, scoped to the caller's unit-admin subtrees. `subjects` name the objects of the
 * page's rows (the composition root passes every manifest's `auditSubjects`; platform's own
 * — units, accounts, unit files — are always there).
 */
export async function auditRoutes(app: FastifyInstance, options: { subjects?: AuditSubjectResolvers } = {}): Promise<void> {
  const resolvers: AuditSubjectResolvers = { ...options.subjects, ...platformAuditSubjects };
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
      const shown = await presentAuditRows(app.db, actor, page.items, resolvers);
      const items = page.items.map(({ actorFullName: _name, ...item }, i) => {
        const { actorName, subject } = shown[i] ?? { actorName: '', subject: null };
        return { ...item, at: item.at.toISOString(), actorName, entityName: subject?.name ?? null, entityLink: subject?.link ?? null };
      });
      return { ...page, items };
    },
  );
}
