import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { requireActor, sendDownload } from '../../../platform/http/context.js';
import { errorSchema } from '../../../platform/http/error-handler.js';
import { DOCX, fileDownload, XLSX } from '../../../platform/http/openapi/route-docs.js';
import { consultationSummarySchema, reportViewSchema, submitReportSchema, submittedReportSchema } from './schemas.js';
import { exportWeeklyReport, getReportView, listConsultationsForReports } from './view.js';
import { representativeRoutes } from '../representatives/routes.js';
import { submitWeeklyReport } from './submit-weekly-report.js';

const tags = ['consultation-reports'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const reportParams = z.object({ code: safeString().min(1).max(64), unitId: z.coerce.number().int().positive() });
const periodQuery = z.object({ periodEnd: z.iso.date().optional().describe('YYYY-MM-DD: ngày chốt kết thúc tuần; mặc định tuần hiện tại') });

/** Weekly report endpoints (live figures, submission, exports, representative opinions). */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  await app.register(representativeRoutes);

  r.get(
    '/consultations',
    {
      schema: {
        tags,
        operationId: 'listConsultations',
        summary: 'Các đợt lấy ý kiến (để chọn), với dự thảo và các tuần báo cáo',
        response: { 200: z.array(consultationSummarySchema), 401: errorSchema },
      },
    },
    async (request) => listConsultationsForReports(app.db, { actor: requireActor(request) }),
  );

  r.get(
    '/consultations/:code/reports/:unitId',
    {
      schema: {
        tags,
        operationId: 'getWeeklyReport',
        summary: 'Báo cáo tuần của một đơn vị: số liệu trực tiếp của cả cây đơn vị, các tuần gần đây, tình trạng báo cáo của đơn vị trực thuộc',
        params: reportParams,
        querystring: periodQuery,
        response: { 200: reportViewSchema, ...errors },
      },
    },
    async (request) =>
      getReportView(app.db, { actor: requireActor(request), consultationCode: request.params.code, unitId: request.params.unitId, periodEnd: request.query.periodEnd }),
  );

  r.post(
    '/consultations/:code/reports/:unitId/submit',
    {
      schema: {
        tags,
        operationId: 'submitWeeklyReport',
        summary: 'Gửi báo cáo tuần của đơn vị lên cấp trên (chốt số liệu; ghi nhận gửi muộn sau hạn)',
        params: reportParams,
        body: submitReportSchema,
        response: { 201: submittedReportSchema, ...errors, 409: errorSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitWeeklyReport(app.db, { actor: requireActor(request), consultationCode: request.params.code, unitId: request.params.unitId, periodEnd: request.body.periodEnd })),
  );

  for (const format of ['docx', 'xlsx'] as const) {
    r.get(
      `/consultations/:code/reports/:unitId/${format}`,
      {
        schema: {
          tags,
          operationId: format === 'docx' ? 'exportWeeklyReportDocx' : 'exportWeeklyReportXlsx',
          summary: format === 'docx' ? 'Tải báo cáo tuần dạng DOCX (thể thức văn bản của Đảng)' : 'Tải báo cáo tuần dạng Excel (XLSX)',
          description: 'Ô phân tổ có dưới 5 lượt góp ý được ghi "< 5". Không có thông tin liên hệ của người góp ý.',
          params: reportParams,
          querystring: periodQuery,
          response: { 200: format === 'docx' ? fileDownload('Tệp DOCX', [DOCX]) : fileDownload('Tệp XLSX', [XLSX]), ...errors },
        },
      },
      async (request, reply) => {
        const file = await exportWeeklyReport(app.db, {
          actor: requireActor(request),
          consultationCode: request.params.code,
          unitId: request.params.unitId,
          periodEnd: request.query.periodEnd,
          format,
        });
        return sendDownload(reply, file.body, file.fileName, file.contentType);
      },
    );
  }
}
