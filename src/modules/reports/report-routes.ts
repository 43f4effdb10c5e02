import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import type { ReportContent } from '../../shared/report-form.js';
import { consolidateReport } from './consolidate/consolidate.js';
import { getReport } from './fill/get-report.js';
import { getReportVersion } from './fill/get-version.js';
import { approveReport, reopenReport, returnReport } from './fill/review-report.js';
import { saveDraft } from './fill/save-draft.js';
import { submitReport } from './fill/submit-report.js';
import { reportStatus } from './status/status.js';
import {
  consolidatedReportSchema,
  draftBodySchema,
  frozenVersionSchema,
  reasonBodySchema,
  reportParams,
  reportStatusSchema,
  reportViewSchema,
  reviewResultSchema,
  submissionParams,
  submitBodySchema,
  submitResultSchema,
  versionParams,
} from './schemas-report.js';
import { z } from 'zod';

const tags = ['reports'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const base = '/report-regimes/:id/periods/:periodEnd/units/:unitId';

/** Instants as ISO strings (the response schemas say strings). */
const json = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));
const address = (p: { id: number; periodEnd: string; unitId: number }) => ({ regimeId: p.id, closingDate: p.periodEnd, unitId: p.unitId });

/** Filling in a unit's report of a period, its versions, the recipient's review, status and consolidation. */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${base}/report`,
    { schema: { tags, operationId: 'getUnitReport', summary: 'Báo cáo kỳ của một đơn vị: bản nháp (hoặc bản mới với số liệu điền sẵn), các phiên bản đã gửi, báo cáo của đơn vị cấp dưới', params: reportParams, response: { 200: reportViewSchema, ...errors } } },
    async (request) => json(await getReport(app.db, { actor: requireActor(request), ...address(request.params) })) as never,
  );

  r.put(
    `${base}/report/draft`,
    { schema: { tags, operationId: 'saveReportDraft', summary: 'Lưu nháp báo cáo (tự động)', params: reportParams, body: draftBodySchema, response: { 200: z.object({ savedAt: z.string() }), ...errors } } },
    async (request) => json(await saveDraft(app.db, { actor: requireActor(request), ...address(request.params), content: request.body.content as ReportContent })) as never,
  );

  r.post(
    `${base}/report/submit`,
    { schema: { tags, operationId: 'submitReport', summary: 'Gửi báo cáo (bản nháp hoặc nội dung kèm theo): lưu một phiên bản, đúng hạn hay trễ hạn theo hạn của cấp đơn vị', params: reportParams, body: submitBodySchema, response: { 200: submitResultSchema, ...errors } } },
    async (request) => submitReport(app.db, { actor: requireActor(request), ...address(request.params), content: request.body.content as ReportContent | undefined }),
  );

  r.get(
    `${base}/report/versions/:version`,
    { schema: { tags, operationId: 'getReportVersion', summary: 'Một phiên bản đã gửi (giữ nguyên như khi gửi)', params: versionParams, response: { 200: frozenVersionSchema, ...errors } } },
    async (request) => json(await getReportVersion(app.db, { actor: requireActor(request), ...address(request.params), version: request.params.version })) as never,
  );

  r.post(
    '/report-submissions/:id/return',
    { schema: { tags, operationId: 'returnReport', summary: 'Đơn vị nhận báo cáo trả lại báo cáo kèm lý do', params: submissionParams, body: reasonBodySchema, response: { 200: reviewResultSchema, ...errors } } },
    async (request) => returnReport(app.db, { actor: requireActor(request), submissionId: request.params.id, reason: request.body.reason }),
  );

  r.post(
    '/report-submissions/:id/approve',
    { schema: { tags, operationId: 'approveReport', summary: 'Đơn vị nhận báo cáo phê duyệt báo cáo (khóa lại)', params: submissionParams, response: { 200: reviewResultSchema, ...errors } } },
    async (request) => approveReport(app.db, { actor: requireActor(request), submissionId: request.params.id }),
  );

  r.post(
    '/report-submissions/:id/reopen',
    { schema: { tags, operationId: 'reopenReport', summary: 'Đơn vị nhận báo cáo mở lại báo cáo đã phê duyệt kèm lý do (đơn vị gửi sửa và gửi phiên bản mới)', params: submissionParams, body: reasonBodySchema, response: { 200: reviewResultSchema, ...errors } } },
    async (request) => reopenReport(app.db, { actor: requireActor(request), submissionId: request.params.id, reason: request.body.reason }),
  );

  r.get(
    `${base}/status`,
    { schema: { tags, operationId: 'getReportStatus', summary: 'Tình hình báo cáo kỳ dưới một đơn vị: đúng hạn, trễ hạn, chưa gửi, trả lại, phê duyệt, tỷ lệ', params: reportParams, response: { 200: reportStatusSchema, ...errors } } },
    async (request) => json(await reportStatus(app.db, { actor: requireActor(request), ...address(request.params) })) as never,
  );

  r.get(
    `${base}/consolidation`,
    { schema: { tags, operationId: 'getConsolidatedReport', summary: 'Báo cáo tổng hợp kỳ của một đơn vị: số liệu cộng dồn, số liệu trực tiếp toàn cây, chỗ chưa khớp, phần lời dự thảo', params: reportParams, response: { 200: consolidatedReportSchema, ...errors } } },
    async (request) => json(await consolidateReport(app.db, { actor: requireActor(request), ...address(request.params) })) as never,
  );
}
