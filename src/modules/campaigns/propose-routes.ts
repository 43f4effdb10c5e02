import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { safeString } from '../../platform/vn/index.js';
import { proposeFromText } from './propose-input.js';
import { campaignProposalSchema } from './propose-schemas.js';

const tags = ['campaigns'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

/** Reading a plan's structure from its text, for the "new campaign" page to review (nothing saved). */
export async function campaignProposeRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/campaigns/proposal',
    {
      schema: {
        tags,
        operationId: 'proposeCampaign',
        summary: 'Đọc cấu trúc kế hoạch (đợt, nội dung, hình thức, phân công) từ văn bản dán vào (chưa lưu)',
        // The body may be longer than the proposal reads: the operation answers TEXT_TOO_LONG with the counts.
        body: z.object({ text: safeString().max(2_000_000) }),
        response: { 200: campaignProposalSchema, ...errors },
      },
    },
    async (request) => proposeFromText(requireActor(request), request.body.text),
  );
}
