import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleManifest } from '../platform/modules/manifest.js';
import { homeItemsDue } from '../platform/modules/items-due.js';
import { requireActor } from '../platform/http/context.js';
import { errorSchema } from '../platform/http/error-handler.js';

const itemDueSchema = z
  .object({
    module: z.string(),
    kind: z.string(),
    group: z.string(),
    title: z.string(),
    detail: z.string().nullable(),
    unitId: z.number().int(),
    unitName: z.string(),
    subject: z.string(),
    deadline: z.string().nullable(),
    overdue: z.boolean(),
    link: z.string(),
  })
  .meta({ id: 'ItemDue' });

const homeSchema = z.object({ now: z.string(), items: z.array(itemDueSchema) }).meta({ id: 'Home' });

/** The home page's data: what the user's units must do now, from every module manifest's `itemsDue`. */
export async function homeRoutes(app: FastifyInstance, options: { manifests: readonly ModuleManifest[] }): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/',
    {
      schema: {
        tags: ['home'],
        operationId: 'getHome',
        summary: 'Việc cần làm của các đơn vị mình phụ trách: báo cáo đến hạn, đơn vị cấp dưới chậm báo cáo, dự thảo, văn bản cần xác nhận',
        response: { 200: homeSchema, 401: errorSchema },
      },
    },
    async (request) => {
      const now = new Date();
      const items = await homeItemsDue(app.db, { actor: requireActor(request), now, manifests: options.manifests });
      return { now: now.toISOString(), items: items.map((i) => ({ ...i, detail: i.detail ?? null, deadline: i.deadline?.toISOString() ?? null })) };
    },
  );
}
