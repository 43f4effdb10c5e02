import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../platform/vn/index.js';
import { requireActor, sendDownload } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { readMultipart } from '../../platform/http/multipart.js';
import { DOCX, fileDownload, OCTET_STREAM, PDF, TEXT, uploadedFile } from '../../platform/http/openapi/route-docs.js';
import { fail } from '../../platform/errors.js';
import { uploadLimits } from '../../platform/files/limits.js';
import { acknowledgeDirective } from './acknowledge-directive.js';
import { exportDraftDocx, getDraft, saveDraft, startDraft } from './drafts.js';
import { getCascade } from './get-cascade.js';
import { getDirective } from './get-directive.js';
import { listDirectives } from './list-directives.js';
import { parseDirectiveInput } from './parse-directive-input.js';
import { correctDirective, registerDirective } from './register-directive.js';
import { getDirectiveFile } from './get-directive-file.js';
import {
  cascadeSchema,
  directiveInputSchema,
  directivePageSchema,
  directiveSchema,
  draftContentSchema,
  draftSchema,
  listQuerySchema,
  parseResultSchema,
} from './schemas.js';

const tags = ['directives'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const parseFileForm = z.object({
  file: uploadedFile('Tệp văn bản .docx, .pdf hoặc .txt'),
  ownerUnitId: z.string().regex(/^\d+$/).optional().describe('Đơn vị sở hữu (để nhận diện nơi nhận)'),
});
const uploadForm = z.object({
  file: uploadedFile('Tệp gốc của văn bản (không bắt buộc)').optional(),
  data: z.string().describe('Các trường của văn bản: JSON theo lược đồ DirectiveFields'),
});

export async function directiveRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/directives/parse',
    {
      schema: {
        tags,
        operationId: 'parseDirectiveText',
        summary: 'Đọc văn bản dán vào: trả về các trường đã nhận diện (chưa lưu)',
        body: z.object({ text: safeString().min(1).max(2_000_000), ownerUnitId: z.number().int().nullable().optional() }),
        response: { 200: parseResultSchema, ...errors },
      },
    },
    async (request) => parseDirectiveInput(app.db, { actor: requireActor(request), text: request.body.text, ownerUnitId: request.body.ownerUnitId ?? null }),
  );

  r.post(
    '/directives/parse-file',
    { schema: { tags, operationId: 'parseDirectiveFile', summary: 'Đọc tệp văn bản (.docx, .pdf, .txt): trả về các trường đã nhận diện (chưa lưu)', multipart: parseFileForm, response: { 200: parseResultSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      const form = await readMultipart(request, { actor, minimumRole: 'editor', maxFileBytes: uploadLimits.directiveFileBytes });
      if (!form.file) fail('DIRECTIVE_FILE_REQUIRED');
      const ownerUnitId = form.fields.ownerUnitId ? Number(form.fields.ownerUnitId) : null;
      return parseDirectiveInput(app.db, { actor, file: form.file, ownerUnitId });
    },
  );

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

  r.post(
    '/directives/:id/drafts',
    { schema: { tags, operationId: 'startDraft', summary: 'Soạn văn bản thực hiện (điền sẵn câu "Thực hiện …", đơn vị ban hành, nơi nhận)', params: idParams, body: z.object({ unitId: z.number().int() }), response: { 201: draftSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await startDraft(app.db, { actor: requireActor(request), directiveId: request.params.id, unitId: request.body.unitId })),
  );

  r.get(
    '/drafts/:id',
    { schema: { tags, operationId: 'getDraft', summary: 'Bản dự thảo', params: idParams, response: { 200: draftSchema, ...errors } } },
    async (request) => getDraft(app.db, { actor: requireActor(request), draftId: request.params.id }),
  );

  r.put(
    '/drafts/:id',
    { schema: { tags, operationId: 'saveDraft', summary: 'Lưu bản dự thảo', params: idParams, body: z.object({ content: draftContentSchema }), response: { 200: draftSchema, ...errors } } },
    async (request) => saveDraft(app.db, { actor: requireActor(request), draftId: request.params.id, content: request.body.content }),
  );

  r.get(
    '/drafts/:id/docx',
    { schema: { tags, operationId: 'exportDraftDocx', summary: 'Xuất dự thảo ra DOCX theo thể thức (Hướng dẫn 36 / Nghị định 30)', params: idParams, response: { 200: fileDownload('Tệp DOCX của dự thảo', [DOCX]), ...errors } } },
    async (request, reply) => {
      const { buffer, fileName } = await exportDraftDocx(app.db, { actor: requireActor(request), draftId: request.params.id });
      return sendDownload(reply, buffer, fileName, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    },
  );
}
