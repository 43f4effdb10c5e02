import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, sendDownload } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { readMultipart } from '../../platform/http/multipart.js';
import { DOCX, fileDownload, OCTET_STREAM, PDF, TEXT, uploadedFile } from '../../platform/http/openapi/route-docs.js';
import { fail } from '../../platform/errors.js';
import { uploadLimits } from '../../platform/files/limits.js';
import { getDirective } from './get-directive.js';
import { getDirectiveFile } from './get-directive-file.js';
import { listDirectives } from './list-directives.js';
import { correctDirective, registerDirective } from './register-directive.js';
import { directiveInputSchema, directivePageSchema, directiveSchema, listQuerySchema } from './schemas.js';

const tags = ['directives'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const uploadForm = z.object({
  file: uploadedFile('Tệp gốc của văn bản (không bắt buộc)').optional(),
  data: z.string().describe('Các trường của văn bản: JSON theo lược đồ DirectiveFields'),
});

/** The register of directives: search it, register a directive (with its original file or not), read, correct, download the file. */
export async function directiveRegisterRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/directives',
    { schema: { tags, operationId: 'listDirectives', summary: 'Sổ văn bản: tìm theo số ký hiệu, trích yếu (không cần dấu), cơ quan ban hành, loại, khoảng ngày', querystring: listQuerySchema, response: { 200: directivePageSchema, 401: errorSchema } } },
    async (request) => listDirectives(app.db, { actor: requireActor(request), query: request.query }),
  );

  r.post(
    '/directives',
    { schema: { tags, operationId: 'registerDirective', summary: 'Đăng ký văn bản đã rà soát', body: directiveInputSchema, response: { 201: z.object({ id: z.number().int() }), ...errors } } },
    async (request, reply) => reply.status(201).send({ id: await registerDirective(app.db, { actor: requireActor(request), input: request.body }) }),
  );

  r.post(
    '/directives/upload',
    {
      schema: {
        tags,
        operationId: 'uploadDirective',
        summary: 'Đăng ký văn bản kèm tệp gốc (multipart: file + data là JSON DirectiveInput)',
        multipart: uploadForm,
        response: { 201: z.object({ id: z.number().int() }), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const form = await readMultipart(request, { actor, minimumRole: 'editor', maxFileBytes: uploadLimits.directiveFileBytes });
      let data: unknown;
      try {
        data = JSON.parse(form.fields.data ?? '');
      } catch {
        fail('DIRECTIVE_DATA_INVALID');
      }
      const parsed = directiveInputSchema.safeParse(data);
      if (!parsed.success) fail('REQUEST_INVALID', parsed.error.issues.map((i) => ({ path: i.path, message: i.message })));
      const id = await registerDirective(app.db, { actor, input: parsed.data, file: form.file ?? undefined });
      return reply.status(201).send({ id });
    },
  );

  r.get(
    '/directives/:id',
    { schema: { tags, operationId: 'getDirective', summary: 'Chi tiết văn bản', params: idParams, response: { 200: directiveSchema, ...errors } } },
    async (request) => getDirective(app.db, { actor: requireActor(request), directiveId: request.params.id }),
  );

  r.put(
    '/directives/:id',
    { schema: { tags, operationId: 'correctDirective', summary: 'Sửa (hiệu chỉnh) văn bản đã đăng ký', params: idParams, body: directiveInputSchema, response: { 200: directiveSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      await correctDirective(app.db, { actor, directiveId: request.params.id, input: request.body });
      return getDirective(app.db, { actor, directiveId: request.params.id });
    },
  );

  r.get(
    '/directives/:id/file',
    { schema: { tags, operationId: 'getDirectiveFile', summary: 'Tệp gốc của văn bản', params: idParams, response: { 200: fileDownload('Tệp gốc như đã tải lên (kiểu tệp khác: application/octet-stream)', [DOCX, PDF, TEXT, OCTET_STREAM]), ...errors } } },
    async (request, reply) => {
      const file = await getDirectiveFile(app.db, { actor: requireActor(request), directiveId: request.params.id });
      return sendDownload(reply, file.content, file.fileName, file.contentType);
    },
  );
}
