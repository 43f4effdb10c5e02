import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../vn/index.js';
import { changeOwnPassword, logIn } from '../../auth/login.js';
import { loadMe } from '../../auth/me.js';
import { deleteSession, SESSION_COOKIE } from '../../auth/sessions.js';
import { grantSchema } from '../../auth/schemas.js';
import { requireActor } from '../context.js';
import { errorSchema } from '../error-handler.js';

const meSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    homeUnitId: z.number().int().nullable(),
    grants: z.array(grantSchema),
    permissions: z.object({
      manageUnits: z.boolean(),
      manageUsers: z.boolean(),
      viewAudit: z.boolean(),
      isSystemAdmin: z.boolean(),
    }),
  })
  .meta({ id: 'Me' });

const sessionSchema = z.object({ user: meSchema, csrfToken: z.string() }).meta({ id: 'Session' });

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  const setting = request.server.config.secureCookies;
  const secure = setting === 'auto' ? request.protocol === 'https' : setting === 'true';
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post(
    '/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        security: [],
        operationId: 'logIn',
        summary: 'Đăng nhập; đặt cookie phiên và trả về mã CSRF (sai quá 5 lần từ một máy: tạm chặn 15 phút với tên đó từ máy đó)',
        body: z.object({ username: safeString().min(1).max(100), password: safeString().min(1).max(200) }),
        response: { 200: sessionSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const session = await logIn(app.db, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        sessionHours: app.config.sessionHours,
      });
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return { user: await loadMe(app.db, session.userId), csrfToken: session.csrfToken };
    },
  );

  r.post(
    '/logout',
    { schema: { tags, operationId: 'logOut', summary: 'Đăng xuất (xóa phiên)', response: { 204: z.null(), 403: errorSchema } } },
    async (request, reply) => {
      if (request.sessionToken) await deleteSession(app.db, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/me',
    { schema: { tags, operationId: 'getSession', summary: 'Người dùng đang đăng nhập', response: { 200: sessionSchema, 401: errorSchema } } },
    async (request) => {
      const actor = requireActor(request);
      return { user: await loadMe(app.db, actor.userId as number), csrfToken: request.auth?.csrfToken ?? '' };
    },
  );

  r.post(
    '/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        operationId: 'changePassword',
        summary: 'Đổi mật khẩu của chính mình',
        body: z.object({ currentPassword: safeString().min(1).max(200), newPassword: safeString().max(200) }),
        response: { 204: z.null(), 400: errorSchema, 401: errorSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await changeOwnPassword(app.db, actor, { ...request.body, sessionToken: request.sessionToken ?? '' });
      return reply.status(204).send(null);
    },
  );
}
