import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, sendDownload } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { DOCX, fileDownload } from '../../platform/http/openapi/route-docs.js';
import { exportDraftDocx, getDraft, saveDraft, startDraft } from './drafts.js';
import { issueDraft } from './issue-draft.js';
import { listDrafts } from './list-drafts.js';
import { draftContentSchema } from './schemas.js';
import { draftListQuerySchema, draftListSchema, draftSchema, issueDraftBodySchema, startDraftBodySchema } from './draft-schemas.js';

const tags = ['directives'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** Drafting an implementing directive: start it from the one it implements, save it, export it as DOCX, list, issue. */
export async function draftRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/directives/:id/drafts',
    { schema: { tags, operationId: 'startDraft', summary: 'Soạn văn bản thực hiện (điền sẵn câu "Thực hiện …", đơn vị ban hành, nơi nhận); đơn vị đã có dự thảo: 409 DRAFT_ALREADY_STARTED kèm mã dự thảo, trừ khi again = true', params: idParams, body: startDraftBodySchema, response: { 201: draftSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await startDraft(app.db, { actor: requireActor(request), directiveId: request.params.id, unitId: request.body.unitId, again: request.body.again })),
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

  r.get(
    '/drafts',
    { schema: { tags, operationId: 'listDrafts', summary: 'Dự thảo văn bản thực hiện của các đơn vị trong phạm vi (lọc theo văn bản cấp trên, đơn vị, trạng thái)', querystring: draftListQuerySchema, response: { 200: draftListSchema, ...errors } } },
    async (request) => listDrafts(app.db, { actor: requireActor(request), ...request.query }),
  );

  r.post(
    '/drafts/:id/issue',
    { schema: { tags, operationId: 'issueDraft', summary: 'Ban hành dự thảo: đăng ký thành văn bản của đơn vị với số, ký hiệu và ngày ban hành', params: idParams, body: issueDraftBodySchema, response: { 201: z.object({ draftId: z.number().int(), directiveId: z.number().int() }), ...errors } } },
    async (request, reply) => reply.status(201).send(await issueDraft(app.db, { actor: requireActor(request), draftId: request.params.id, ...request.body })),
  );
}
