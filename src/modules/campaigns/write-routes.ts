import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, sendDownload } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { DOCX, fileDownload } from '../../platform/http/openapi/route-docs.js';
import { campaignActivityRoutes } from './activity-routes.js';
import { createCampaign } from './plan/create-campaign.js';
import { implementingDraft } from './plan/implementing-draft.js';
import { matchCampaignUnits } from './plan/match-campaign-units.js';
import { moveMilestone } from './plan/move-milestone.js';
import { campaignPlanDocx } from './plan-docx/plan-docx.js';
import { listQuantityKinds } from './plan/quantity-kinds.js';
import {
  campaignInputSchema,
  createdCampaignSchema,
  idParams,
  matchUnitsInputSchema,
  matchUnitsResultSchema,
  milestoneMoveSchema,
  milestoneParams,
  quantityKindsSchema,
  unitQuery,
} from './schemas-write.js';

const tags = ['campaigns'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const movedSchema = z
  .object({ milestoneId: z.number().int(), startsAt: z.string(), endsAt: z.string(), phasesMoved: z.number().int(), tasksMoved: z.number().int() })
  .meta({ id: 'CampaignMilestoneMoved' });

/** The campaigns module's write side: match names to units, confirm a plan, move a milestone, draft an implementing plan, the plan's DOCX; then activities and tasks. */
export async function campaignWriteRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/campaigns/match-units',
    { schema: { tags, operationId: 'matchCampaignUnits', summary: 'Đối chiếu tên đơn vị trong kế hoạch với các đơn vị trực thuộc (nhóm như "UBND các xã, phường" thành từng đơn vị)', body: matchUnitsInputSchema, response: { 200: matchUnitsResultSchema, ...errors } } },
    async (request) => matchCampaignUnits(app.db, { actor: requireActor(request), ...request.body }),
  );

  r.post(
    '/campaigns',
    { schema: { tags, operationId: 'createCampaign', summary: 'Xác nhận kế hoạch tuyên truyền: tạo nhiệm vụ cho từng đơn vị được giao', body: campaignInputSchema, response: { 201: createdCampaignSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createCampaign(app.db, { actor: requireActor(request), input: request.body })),
  );

  r.patch(
    '/campaigns/:id/milestones/:milestoneId',
    { schema: { tags, operationId: 'moveCampaignMilestone', summary: 'Dời một mốc: các đợt gắn với mốc và thời hạn các nhiệm vụ chưa hoàn thành dời theo', params: milestoneParams, body: milestoneMoveSchema, response: { 200: movedSchema, ...errors } } },
    async (request) => moveMilestone(app.db, { actor: requireActor(request), campaignId: request.params.id, milestoneId: request.params.milestoneId, ...request.body }),
  );

  r.get(
    '/campaigns/:id/implementing-draft',
    { schema: { tags, operationId: 'getImplementingCampaignDraft', summary: 'Dự thảo kế hoạch thực hiện của đơn vị nhận kế hoạch (giao cho các đơn vị trực thuộc)', params: idParams, querystring: unitQuery, response: { 200: campaignInputSchema, ...errors } } },
    async (request) => implementingDraft(app.db, { actor: requireActor(request), campaignId: request.params.id, unitId: request.query.unitId }),
  );

  r.get(
    '/campaigns/:id/plan.docx',
    { schema: { tags, operationId: 'getCampaignPlanDocx', summary: 'Kế hoạch dạng DOCX theo thể thức văn bản của Đảng hoặc Nhà nước', params: idParams, response: { 200: fileDownload('Kế hoạch (DOCX)', [DOCX]), ...errors } } },
    async (request, reply) => {
      const file = await campaignPlanDocx(app.db, { actor: requireActor(request), campaignId: request.params.id });
      return sendDownload(reply, file.buffer, file.fileName, DOCX);
    },
  );

  r.get(
    '/campaign-quantity-kinds',
    { schema: { tags, operationId: 'listCampaignQuantityKinds', summary: 'Danh mục số liệu hoạt động (số tin bài, số buổi, số người dự …)', response: { 200: quantityKindsSchema, 401: errorSchema } } },
    async (request) => {
      requireActor(request);
      return listQuantityKinds(app.db);
    },
  );

  await app.register(campaignActivityRoutes);
}
