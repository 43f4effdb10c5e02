import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appError, fail } from '../../platform/errors.js';
import { requireActor, sendDownload } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { readMultipart } from '../../platform/http/multipart.js';
import { fileDownload, uploadedFile, XLSX } from '../../platform/http/openapi/route-docs.js';
import { contestIdParams } from './define/api-schemas.js';
import { importQuestions, QUESTION_FILE_BYTES } from './bank/import/import-questions.js';
import { exportQuestionTemplate } from './bank/import/template.js';
import { createQuestion, editQuestion, listQuestions, listVersions, retireQuestion } from './bank/questions.js';
import { importRejectedSchema, importResultSchema, questionIdParams, questionInputSchema, questionListQuery, questionSchema, questionVersionSchema } from './bank/schemas.js';

const tags = ['contests'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const flag = (value: 'true' | 'false' | undefined) => (value === undefined ? undefined : value === 'true');

/** The question bank of a contest: list (with the key, for its organiser), write, edit (versions), retire, import, template. */
export async function bankRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/contests/:id/questions',
    { schema: { tags, operationId: 'listContestQuestions', summary: 'Ngân hàng câu hỏi của cuộc thi, kèm đáp án (người của đơn vị tổ chức)', params: contestIdParams, querystring: questionListQuery, response: { 200: z.array(questionSchema), ...errors } } },
    async (request) => {
      const { topic, difficulty, disputed, retired } = request.query;
      return listQuestions(app.db, { actor: requireActor(request), contestId: request.params.id, filter: { topic, difficulty, disputed: flag(disputed), retired: flag(retired) } });
    },
  );

  r.post(
    '/contests/:id/questions',
    { schema: { tags, operationId: 'createContestQuestion', summary: 'Thêm câu hỏi vào ngân hàng (2–6 phương án, một hoặc nhiều đáp án đúng)', params: contestIdParams, body: questionInputSchema, response: { 201: questionSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createQuestion(app.db, { actor: requireActor(request), contestId: request.params.id, body: request.body })),
  );

  r.put(
    '/contest-questions/:id',
    { schema: { tags, operationId: 'updateContestQuestion', summary: 'Sửa câu hỏi: tạo phiên bản mới nếu câu hỏi đã xuất hiện trong lượt thi, nếu chưa thì sửa tại chỗ', params: questionIdParams, body: questionInputSchema, response: { 200: questionSchema, ...errors } } },
    async (request) => editQuestion(app.db, { actor: requireActor(request), questionId: request.params.id, body: request.body }),
  );

  r.get(
    '/contest-questions/:id/versions',
    { schema: { tags, operationId: 'listContestQuestionVersions', summary: 'Các phiên bản của câu hỏi', params: questionIdParams, response: { 200: z.array(questionVersionSchema), ...errors } } },
    async (request) => listVersions(app.db, { actor: requireActor(request), questionId: request.params.id }),
  );

  r.post(
    '/contest-questions/:id/retire',
    { schema: { tags, operationId: 'retireContestQuestion', summary: 'Loại câu hỏi khỏi ngân hàng (không bao giờ được rút nữa; các lượt thi đã có giữ nguyên)', params: questionIdParams, response: { 200: questionSchema, ...errors } } },
    async (request) => retireQuestion(app.db, { actor: requireActor(request), questionId: request.params.id }),
  );

  r.post(
    '/contests/:id/questions/import',
    {
      schema: {
        tags,
        operationId: 'importContestQuestions',
        summary: 'Nhập câu hỏi từ tệp CSV hoặc XLSX (cả tệp hoặc không gì cả; 422 kèm danh sách dòng lỗi); nhập lại cùng tệp không thêm gì',
        params: contestIdParams,
        multipart: z.object({ file: uploadedFile('Tệp câu hỏi .csv (UTF-8) hoặc .xlsx') }),
        response: { 200: importResultSchema, ...errors, 422: importRejectedSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { file } = await readMultipart(request, { actor, minimumRole: 'editor', maxFileBytes: QUESTION_FILE_BYTES });
      if (!file) fail('CONTEST_IMPORT_FILE_REQUIRED');
      const result = await importQuestions(app.db, { actor, contestId: request.params.id, data: file.data, fileName: file.fileName });
      if (result.rejected.length === 0) return reply.status(200).send(result);
      const rejected = appError('CONTEST_IMPORT_REJECTED', { rejectedCount: result.rejected.length });
      return reply.status(422).send({ code: 'IMPORT_REJECTED' as const, reason: 'CONTEST_IMPORT_REJECTED' as const, message: rejected.message, ...result });
    },
  );

  r.get(
    '/contests/:id/questions/template.xlsx',
    { schema: { tags, operationId: 'downloadContestQuestionTemplate', summary: 'Mẫu Excel để soạn câu hỏi rồi nhập', params: contestIdParams, response: { 200: fileDownload('Tệp Excel (.xlsx)', [XLSX]), ...errors } } },
    async (request, reply) => {
      const file = await exportQuestionTemplate(app.db, { actor: requireActor(request), contestId: request.params.id });
      return sendDownload(reply, file.body, file.fileName, XLSX);
    },
  );
}
