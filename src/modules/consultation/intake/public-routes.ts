import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { errorSchema } from '../../../platform/http/error-handler.js';
import { getPublicConsultation, listPublicUnits } from './public-form.js';
import { getPublicDocumentText } from './public-document.js';
import { publicDocumentTextSchema, publicConsultationSchema, publicSubmissionSchema, publicUnitsSchema, submissionResultSchema } from './schemas.js';
import { submitPublicOpinions } from './submit-public.js';

const tags = ['consultation-intake'];
const codeParams = z.object({ code: safeString().min(1).max(64) });
const publicErrors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema };
const created = { 200: submissionResultSchema, 201: submissionResultSchema };

/**
 * The public web form's endpoints (no login; rate-limited per client address by
 * LANTOA_PUBLIC_RATE_LIMIT, 0 = off). Part of `intakeRoutes`.
 */
export function publicIntakeRoutes(app: FastifyInstance, contactKey: () => Buffer): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const perMinute = app.config.publicRateLimit;
  const limit = (max: number) => (perMinute > 0 ? { config: { rateLimit: { max, timeWindow: '1 minute' } } } : {});
  // The public endpoints take flash crowds: two info lines per request ("incoming request",
  // "request completed") were the largest logging cost. They log warnings and failures only.
  const quiet = { logLevel: 'warn' as const };

  r.get(
    '/public/consultations/:code',
    {
      ...limit(perMinute * 10),
      ...quiet,
      schema: {
        tags,
        operationId: 'getPublicConsultation',
        security: [],
        summary: 'Trang góp ý công khai (không cần đăng nhập): đợt lấy ý kiến đang mở, các dự thảo và phần, đơn vị tiếp nhận (tìm bằng q, tối đa 50)',
        params: codeParams,
        querystring: z.object({ q: safeString().max(200).optional() }),
        response: { 200: publicConsultationSchema, ...publicErrors },
      },
    },
    async (request) => getPublicConsultation(app.db, { code: request.params.code, q: request.query.q }),
  );

  r.get(
    '/public/consultations/:code/units',
    {
      ...limit(perMinute * 10),
      ...quiet,
      schema: {
        tags,
        operationId: 'searchPublicUnits',
        security: [],
        summary: 'Tìm đơn vị tiếp nhận của đợt lấy ý kiến (không dấu, tối đa 50 kết quả)',
        params: codeParams,
        querystring: z.object({ q: safeString().max(200).optional() }),
        response: { 200: publicUnitsSchema, ...publicErrors },
      },
    },
    async (request) => listPublicUnits(app.db, { code: request.params.code, q: request.query.q }),
  );

  publicDocumentRoute(app, limit(perMinute * 10));

  r.post(
    '/public/consultations/:code/submissions',
    {
      ...limit(perMinute),
      ...quiet,
      schema: {
        tags,
        operationId: 'submitPublicOpinions',
        security: [],
        summary: 'Gửi góp ý qua biểu mẫu công khai (201; cùng idempotencyKey gửi lại: 200, không tính hai lần)',
        params: codeParams,
        body: publicSubmissionSchema,
        response: { ...created, ...publicErrors },
      },
    },
    async (request, reply) => {
      const { created: isNew, ...result } = await submitPublicOpinions(app.db, { consultationCode: request.params.code, input: request.body, contactKey });
      return reply.status(isNew ? 201 : 200).send(result);
    },
  );
}

/** A draft's full text for the public form's reader (loaded when a reader opens a section). */
function publicDocumentRoute(app: FastifyInstance, rateLimit: object): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/public/consultations/:code/documents/:documentCode',
    {
      ...rateLimit,
      logLevel: 'warn' as const,
      schema: {
        tags,
        operationId: 'getPublicDocumentText',
        security: [],
        summary: 'Toàn văn một dự thảo của đợt lấy ý kiến đang mở, theo từng phần, mục (để người góp ý đọc phần mình góp ý)',
        params: codeParams.extend({ documentCode: safeString().min(1).max(64) }),
        response: { 200: publicDocumentTextSchema, ...publicErrors },
      },
    },
    async (request) => getPublicDocumentText(app.db, { code: request.params.code, documentCode: request.params.documentCode }),
  );
}
