import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listNotifications, loadPreferences, readAllNotifications, readNotification, savePreferences } from '../../notifications/index.js';
import { requireActor } from '../context.js';
import { errorSchema } from '../error-handler.js';

const notificationSchema = z
  .object({
    id: z.number().int(),
    /** The sender's kind, e.g. `reports.reminder`, `reports.missing`, `reports.returned`. */
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    /** The web app's page that deals with it. */
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

const notificationListSchema = z.object({ items: z.array(notificationSchema), unread: z.number().int() }).meta({ id: 'NotificationList' });

const preferencesSchema = z
  .object({
    /** E-mail copies of notifications (in-app ones are always on). */
    emailNotifications: z.boolean(),
    email: z.string().nullable(),
    /** Whether this server sends e-mail at all (LANTOA_SMTP_URL set). */
    emailAvailable: z.boolean(),
  })
  .meta({ id: 'Preferences' });

/** One's own notifications (GET /notifications, read one, read all) and notification preferences (GET/PATCH /auth/me/preferences). */
export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get(
    '/notifications',
    {
      schema: {
        tags,
        operationId: 'listNotifications',
        summary: 'Thông báo của tôi (mới nhất trước, tối đa 100) và số chưa đọc',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: notificationListSchema, 401: errorSchema },
      },
    },
    async (request) => {
      const list = await listNotifications(app.db, { actor: requireActor(request), unreadOnly: request.query.unread === 'true' });
      return {
        unread: list.unread,
        items: list.items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
      };
    },
  );

  r.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        operationId: 'readNotification',
        summary: 'Đánh dấu một thông báo là đã đọc',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null(), 401: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      await readNotification(app.db, { actor: requireActor(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        operationId: 'readAllNotifications',
        summary: 'Đánh dấu mọi thông báo là đã đọc',
        response: { 200: z.object({ marked: z.number().int() }), 401: errorSchema },
      },
    },
    async (request) => readAllNotifications(app.db, { actor: requireActor(request) }),
  );

  r.get(
    '/auth/me/preferences',
    { schema: { tags, operationId: 'getPreferences', summary: 'Cài đặt nhận thông báo của tôi', response: { 200: preferencesSchema, 401: errorSchema } } },
    async (request) => loadPreferences(app.db, { actor: requireActor(request) }),
  );

  r.patch(
    '/auth/me/preferences',
    {
      schema: {
        tags,
        operationId: 'updatePreferences',
        summary: 'Bật/tắt nhận thông báo qua thư điện tử, sửa địa chỉ thư của mình (thông báo trong ứng dụng luôn bật)',
        body: z.object({ emailNotifications: z.boolean().optional(), email: z.email().max(254).nullable().optional().or(z.literal('')) }).strict(),
        response: { 200: preferencesSchema, 400: errorSchema, 401: errorSchema },
      },
    },
    async (request) => savePreferences(app.db, { actor: requireActor(request), ...request.body }),
  );
}
