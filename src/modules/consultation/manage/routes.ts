import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { requireActor } from '../../../platform/http/context.js';
import { errorSchema } from '../../../platform/http/error-handler.js';
import { readMultipart } from '../../../platform/http/multipart.js';
import { uploadLimits } from '../../../platform/files/limits.js';
import { uploadedFile } from '../../../platform/http/openapi/route-docs.js';
import { fail } from '../../../platform/errors.js';
import { importDocumentText } from '../import-document-text.js';
import { getConsultation } from './get-consultation.js';
import { openConsultation } from './open-consultation.js';
import { consultationDetailSchema, createConsultationSchema, documentTextResultSchema, updateConsultationSchema } from './schemas.js';
import { updateConsultation } from './update-consultation.js';

const tags = ['consultations'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const codeParams = z.object({ code: safeString().min(1).max(64) });
const documentTextForm = z.object({
  file: uploadedFile('Tệp dự thảo .docx, .pdf hoặc .txt').optional(),
  text: z.string().optional().describe('Hoặc nội dung dự thảo dán vào'),
});

/** Opening, reading and changing consultations from the web app, and loading a draft's text. */
export async function manageRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/consultations',
    { schema: { tags, operationId: 'createConsultation', summary: 'Mở đợt lấy ý kiến của một đơn vị (biên tập viên của đơn vị)', body: createConsultationSchema, response: { 201: consultationDetailSchema, ...errors } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await openConsultation(app.db, { actor, input: request.body });
      return reply.status(201).send(await getConsultation(app.db, { actor, code: created.code }));
    },
  );

  r.get(
    '/consultations/:code',
    { schema: { tags, operationId: 'getConsultation', summary: 'Đợt lấy ý kiến: thời gian, đơn vị tham gia, dự thảo, đường dẫn biểu mẫu công khai', params: codeParams, response: { 200: consultationDetailSchema, ...errors } } },
    async (request) => getConsultation(app.db, { actor: requireActor(request), code: request.params.code }),
  );

  r.patch(
    '/consultations/:code',
    {
      schema: { tags, operationId: 'updateConsultation', summary: 'Sửa thời gian, giờ chốt số liệu, đơn vị tham gia (trước khi đợt kết thúc)', params: codeParams, body: updateConsultationSchema, response: { 200: consultationDetailSchema, ...errors } },
    },
    async (request) => {
      const actor = requireActor(request);
      const { opensAt, closesAt, cutoff, unitIds } = request.body;
      await updateConsultation(app.db, {
        actor,
        code: request.params.code,
        input: { opensAt: opensAt ? new Date(opensAt) : undefined, closesAt: closesAt === undefined ? undefined : closesAt === null ? null : new Date(closesAt), cutoff, unitIds },
      });
      return getConsultation(app.db, { actor, code: request.params.code });
    },
  );

  r.post(
    '/consultations/:code/documents/:documentCode/text',
    {
      schema: {
        tags,
        operationId: 'loadConsultationDocumentText',
        summary: 'Nạp nội dung một dự thảo (tệp .docx, .pdf, .txt hoặc nội dung dán vào), tách thành phần, mục như lệnh lantoa consultation document',
        params: codeParams.extend({ documentCode: safeString().min(1).max(64) }),
        multipart: documentTextForm,
        response: { 200: documentTextResultSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const form = await readMultipart(request, { actor, minimumRole: 'editor', maxFileBytes: uploadLimits.directiveFileBytes });
      const pasted = form.fields.text?.trim() ? { data: Buffer.from(form.fields.text, 'utf8'), fileName: 'noi-dung-dan.txt' } : null;
      const source = form.file ?? pasted;
      if (!source) fail('DOCUMENT_TEXT_REQUIRED');
      return importDocumentText(app.db, { actor, consultationCode: request.params.code, documentCode: request.params.documentCode, data: source.data, fileName: source.fileName });
    },
  );
}
