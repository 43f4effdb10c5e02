import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, sendDownload } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { readMultipart } from '../../platform/http/multipart.js';
import { DOCX, fileDownload, PDF, uploadedFile } from '../../platform/http/openapi/route-docs.js';
import { uploadLimits } from '../../platform/files/limits.js';
import { recordActivity, removeActivity } from './activities/record-activity.js';
import { attachActivityFile, getActivityFile } from './activities/files.js';
import { markTaskDone, reopenTask } from './activities/task-done.js';
import { activityInputSchema, idParams, taskDoneSchema } from './schemas-write.js';

const tags = ['campaigns'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const created = z.object({ id: z.number().int() });

/** Evidence and completion of a task: activities (with files), their removal, marking done and reopening. */
export async function campaignActivityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/campaign-tasks/:id/activities',
    { schema: { tags, operationId: 'recordCampaignActivity', summary: 'Ghi một hoạt động tuyên truyền của đơn vị cho nhiệm vụ (nhật ký, số liệu)', params: idParams, body: activityInputSchema, response: { 201: created, ...errors } } },
    async (request, reply) => reply.status(201).send(await recordActivity(app.db, { actor: requireActor(request), taskId: request.params.id, input: request.body })),
  );

  r.delete(
    '/campaign-activities/:id',
    { schema: { tags, operationId: 'removeCampaignActivity', summary: 'Xóa một hoạt động đã ghi nhầm (số liệu của nhiệm vụ trừ theo)', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await removeActivity(app.db, { actor: requireActor(request), activityId: request.params.id });
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/campaign-activities/:id/files',
    {
      schema: {
        tags,
        operationId: 'attachCampaignActivityFile',
        summary: 'Đính kèm tệp minh chứng (ảnh JPEG/PNG/WebP, PDF, DOCX) cho hoạt động',
        params: idParams,
        multipart: z.object({ file: uploadedFile('Ảnh, PDF hoặc DOCX; nội dung phải đúng với đuôi tệp') }),
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const form = await readMultipart(request, { actor, minimumRole: 'editor', maxFileBytes: uploadLimits.campaignActivityFileBytes });
      return reply.status(201).send(await attachActivityFile(app.db, { actor, activityId: request.params.id, file: form.file }));
    },
  );

  r.get(
    '/campaign-activity-files/:id',
    {
      schema: {
        tags,
        operationId: 'getCampaignActivityFile',
        summary: 'Tải tệp minh chứng của hoạt động',
        params: idParams,
        response: { 200: fileDownload('Tệp minh chứng như đã lưu', ['image/jpeg', 'image/png', 'image/webp', PDF, DOCX]), ...errors },
      },
    },
    async (request, reply) => {
      const file = await getActivityFile(app.db, { actor: requireActor(request), fileId: request.params.id });
      return sendDownload(reply, file.content, file.fileName, file.contentType);
    },
  );

  r.post(
    '/campaign-tasks/:id/done',
    { schema: { tags, operationId: 'markCampaignTaskDone', summary: 'Đánh dấu nhiệm vụ đã hoàn thành (kèm ghi chú)', params: idParams, body: taskDoneSchema, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await markTaskDone(app.db, { actor: requireActor(request), taskId: request.params.id, note: request.body.note });
      return reply.status(204).send(null);
    },
  );

  r.delete(
    '/campaign-tasks/:id/done',
    { schema: { tags, operationId: 'reopenCampaignTask', summary: 'Mở lại nhiệm vụ đã đánh dấu hoàn thành', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await reopenTask(app.db, { actor: requireActor(request), taskId: request.params.id });
      return reply.status(204).send(null);
    },
  );
}
