import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../platform/vn/index.js';
import { requireActor } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { createUser } from './create-user.js';
import { grantRole, revokeGrant } from './grant-role.js';
import { listUsers } from './list-users.js';
import { resetUserPassword } from './reset-user-password.js';
import { addGrantSchema, createUserSchema, grantViewSchema, updateUserSchema, userSchema } from './schemas.js';
import { updateUser } from './update-user.js';

const tags = ['users'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/users',
    {
      schema: {
        tags,
        operationId: 'listUsers',
        summary: 'Tài khoản thuộc các đơn vị mình quản trị',
        querystring: z.object({ q: safeString().max(100).optional() }),
        response: { 200: z.array(userSchema), 401: errorSchema, 403: errorSchema },
      },
    },
    async (request) => listUsers(app.db, { actor: requireActor(request), query: request.query.q }),
  );

  r.post(
    '/users',
    { schema: { tags, operationId: 'createUser', summary: 'Tạo tài khoản', body: createUserSchema, response: { 201: userSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createUser(app.db, { actor: requireActor(request), input: request.body })),
  );

  r.patch(
    '/users/:id',
    { schema: { tags, operationId: 'updateUser', summary: 'Sửa tài khoản', params: idParams, body: updateUserSchema, response: { 200: userSchema, ...errors } } },
    async (request) => updateUser(app.db, { actor: requireActor(request), userId: request.params.id, input: request.body }),
  );

  r.post(
    '/users/:id/password',
    {
      schema: {
        tags,
        operationId: 'resetUserPassword',
        summary: 'Đặt lại mật khẩu (mở khóa tài khoản, kết thúc các phiên)',
        params: idParams,
        body: z.object({ newPassword: safeString().max(200) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await resetUserPassword(app.db, { actor: requireActor(request), userId: request.params.id, newPassword: request.body.newPassword });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/users/:id/grants',
    {
      schema: { tags, operationId: 'addGrant', summary: 'Giao vai trò trên một đơn vị (áp dụng cho cả cây trực thuộc)', params: idParams, body: addGrantSchema, response: { 201: grantViewSchema, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await grantRole(app.db, { actor: requireActor(request), userId: request.params.id, ...request.body })),
  );

  r.delete(
    '/users/:id/grants/:grantId',
    {
      schema: {
        tags,
        operationId: 'removeGrant',
        summary: 'Gỡ một vai trò',
        params: idParams.extend({ grantId: z.coerce.number().int().positive() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await revokeGrant(app.db, { actor: requireActor(request), userId: request.params.id, grantId: request.params.grantId });
      return reply.status(204).send(null);
    },
  );
}
