import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, sendDownload } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { fileDownload, XLSX } from '../../platform/http/openapi/route-docs.js';
import { getCampaign, listCampaigns } from './read/campaign.js';
import { exportProgressXlsx } from './read/export.js';
import { campaignProgress, listQuantityKinds, type CampaignProgress } from './read/progress.js';
import { getCampaignTask } from './read/task.js';
import { listTodo } from './read/todo.js';
import { campaignActivityWeeks, campaignMatrix } from './read/views.js';
import {
  campaignActivityWeeksSchema,
  campaignMatrixSchema,
  campaignProgressSchema,
  campaignSchema,
  campaignSummarySchema,
  campaignTaskSchema,
  todoTaskSchema,
} from './schemas-read.js';

const tags = ['campaigns'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const unitQuery = z.object({ unitId: z.coerce.number().int().positive().optional().describe('Đơn vị có cây đơn vị được xem; mặc định đơn vị chủ trì kế hoạch (nếu người dùng xem được)') });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

/** Instants as ISO strings (the response schemas say strings). */
const json = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

const progressJson = (p: CampaignProgress, quantityKinds: { code: string; label: string }[]) =>
  json({ campaign: p.campaign, unit: p.unit, generatedAt: p.generatedAt, totals: p.totals, tasks: p.tasks, units: p.units, grid: p.grid, quantityKinds });

/** The campaigns' read side: list, structure, progress (grid, drill-down), matrix, weeks, a task's page, "Việc cần làm", XLSX. */
export async function campaignReadRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/campaigns',
    { schema: { tags, operationId: 'listCampaigns', summary: 'Các kế hoạch tuyên truyền đơn vị thấy: của đơn vị, được giao, hoặc của đơn vị cấp dưới', querystring: unitQuery, response: { 200: z.array(campaignSummarySchema), ...errors } } },
    async (request) => json(await listCampaigns(app.db, { actor: requireActor(request), unitId: request.query.unitId })) as never,
  );

  r.get(
    '/campaigns/:id',
    { schema: { tags, operationId: 'getCampaign', summary: 'Cấu trúc kế hoạch: mốc, đợt (thời gian đã tính), nội dung, hình thức, nhiệm vụ và đơn vị', params: idParams, response: { 200: campaignSchema, ...errors } } },
    async (request) => json(await getCampaign(app.db, { actor: requireActor(request), campaignId: request.params.id })) as never,
  );

  r.get(
    '/campaigns/:id/progress',
    {
      schema: {
        tags, operationId: 'getCampaignProgress', params: idParams, querystring: unitQuery, response: { 200: campaignProgressSchema, ...errors },
        summary: 'Tiến độ kế hoạch trong cây đơn vị: theo nhiệm vụ (cộng dồn qua kế hoạch thực hiện cấp dưới), bảng đơn vị × nhiệm vụ để xem chi tiết từng cấp',
      },
    },
    async (request) =>
      progressJson(await campaignProgress(app.db, { actor: requireActor(request), campaignId: request.params.id, unitId: request.query.unitId }), await listQuantityKinds(app.db)) as never,
  );

  r.get(
    '/campaigns/:id/matrix',
    { schema: { tags, operationId: 'getCampaignMatrix', summary: 'Số hoạt động và số lượng theo nội dung × hình thức', params: idParams, querystring: unitQuery, response: { 200: campaignMatrixSchema, ...errors } } },
    async (request) => campaignMatrix(app.db, { actor: requireActor(request), campaignId: request.params.id, unitId: request.query.unitId }),
  );

  r.get(
    '/campaigns/:id/activity-weeks',
    { schema: { tags, operationId: 'getCampaignActivityWeeks', summary: 'Số hoạt động theo tuần (giờ Việt Nam, từ thứ Hai) và hình thức', params: idParams, querystring: unitQuery, response: { 200: campaignActivityWeeksSchema, ...errors } } },
    async (request) => campaignActivityWeeks(app.db, { actor: requireActor(request), campaignId: request.params.id, unitId: request.query.unitId }),
  );

  r.get(
    '/campaigns/:id/progress.xlsx',
    { schema: { tags, operationId: 'exportCampaignProgressXlsx', summary: 'Tải tiến độ kế hoạch dạng Excel (XLSX): theo nhiệm vụ và theo đơn vị', params: idParams, querystring: unitQuery, response: { 200: fileDownload('Tệp XLSX', [XLSX]), ...errors } } },
    async (request, reply) => {
      const file = await exportProgressXlsx(app.db, { actor: requireActor(request), campaignId: request.params.id, unitId: request.query.unitId });
      return sendDownload(reply, file.body, file.fileName, file.contentType);
    },
  );

  r.get(
    '/campaign-tasks/:id',
    { schema: { tags, operationId: 'getCampaignTask', summary: 'Một nhiệm vụ: kế hoạch, nhiệm vụ cấp trên, cộng dồn cấp dưới, các hoạt động và tệp', params: idParams, response: { 200: campaignTaskSchema, ...errors } } },
    async (request) => json(await getCampaignTask(app.db, { actor: requireActor(request), taskId: request.params.id })) as never,
  );

  r.get(
    '/campaign-tasks',
    {
      schema: {
        tags, operationId: 'listTodoTasks', summary: 'Việc cần làm: nhiệm vụ của các đơn vị của người dùng sắp đến hạn (14 ngày) và quá hạn, hạn muộn nhất trước',
        querystring: z.object({ scope: z.literal('todo') }), response: { 200: z.array(todoTaskSchema), ...errors },
      },
    },
    async (request) => json(await listTodo(app.db, { actor: requireActor(request) })) as never,
  );
}
