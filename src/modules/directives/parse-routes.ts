import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../platform/vn/index.js';
import { requireActor } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { readMultipart } from '../../platform/http/multipart.js';
import { uploadedFile } from '../../platform/http/openapi/route-docs.js';
import { fail } from '../../platform/errors.js';
import { uploadLimits } from '../../platform/files/limits.js';
import { parseDirectiveInput } from './parse-directive-input.js';
import { readParseProgress, recordParseProgress } from './parse-progress.js';
import { parseProgressSchema, parseResultSchema } from './schemas.js';

const tags = ['directives'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const progressId = safeString().regex(/^[A-Za-z0-9-]{8,64}$/);
const parseFileForm = z.object({
  file: uploadedFile('Tệp văn bản .docx, .pdf hoặc .txt'),
  ownerUnitId: z.string().regex(/^\d+$/).optional().describe('Đơn vị sở hữu (để nhận diện nơi nhận)'),
  progressId: progressId.optional().describe('Mã do trình duyệt đặt để theo dõi tiến độ đọc bản scan (GET /directives/parse-file/progress/{id})'),
});

/** Reading a directive from pasted text or a file: the recognised fields, nothing saved. */
export async function directiveParseRoutes(app: FastifyInstance): Promise<void> {
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
      const id = progressId.safeParse(form.fields.progressId);
      return parseDirectiveInput(app.db, { actor, file: form.file, ownerUnitId, onProgress: recordParseProgress(actor.userId, id.success ? id.data : undefined) });
    },
  );

  r.get(
    '/directives/parse-file/progress/:id',
    {
      schema: {
        tags,
        operationId: 'getDirectiveParseProgress',
        summary: 'Tiến độ đọc tệp đang tải lên (số trang scan đã nhận dạng); 404 khi máy chủ này không biết mã đó',
        params: z.object({ id: progressId }),
        response: { 200: parseProgressSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return readParseProgress(actor.userId, request.params.id) ?? fail('RESOURCE_NOT_FOUND');
    },
  );
}
