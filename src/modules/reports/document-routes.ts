/**
 * Routes of the reports module's documents: a unit's report as DOCX, its consolidation as DOCX and
 * XLSX, the XLSX template to fill offline, and the import of a filled template (multipart `file`;
 * all or nothing, 422 with every bad cell; `?submit=true` also submits). `{periodEnd}` is the
 * period's closing date, as the CLI's `--period-end`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, sendDownload } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { readMultipart } from '../../platform/http/multipart.js';
import { DOCX, fileDownload, uploadedFile, XLSX } from '../../platform/http/openapi/route-docs.js';
import { fail } from '../../platform/errors.js';
import { exportConsolidation, exportReportDocx, exportReportTemplate } from './documents/export-documents.js';
import { importReportFile, REPORT_FILE_BYTES } from './documents/import-report.js';

const tags = ['reports'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const params = z.object({
  id: z.coerce.number().int().positive().describe('Mã số chế độ báo cáo'),
  periodEnd: z.iso.date().describe('Ngày chốt số liệu của kỳ (YYYY-MM-DD)'),
  unitId: z.coerce.number().int().positive(),
});
const base = '/report-regimes/:id/periods/:periodEnd/units/:unitId';
const address = (p: z.infer<typeof params>) => ({ regimeId: p.id, closingDate: p.periodEnd, unitId: p.unitId });

const importResultSchema = z.object({
  savedAt: z.string().describe('ISO 8601'),
  submitted: z.object({ submissionId: z.number().int(), version: z.number().int(), late: z.boolean() }).nullable(),
});

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    `${base}/report.docx`,
    { schema: { tags, operationId: 'downloadReportDocx', summary: 'Báo cáo của đơn vị (DOCX, thể thức văn bản Đảng hoặc Nhà nước)', params, response: { 200: fileDownload('Tệp Word (.docx)', [DOCX]), ...errors } } },
    async (request, reply) => {
      const file = await exportReportDocx(app.db, { actor: requireActor(request), ...address(request.params) });
      return sendDownload(reply, file.body, file.fileName, file.contentType);
    },
  );

  for (const format of ['docx', 'xlsx'] as const) {
    r.get(
      `${base}/consolidation.${format}`,
      {
        schema: {
          tags,
          operationId: format === 'docx' ? 'downloadConsolidationDocx' : 'downloadConsolidationXlsx',
          summary: format === 'docx' ? 'Báo cáo tổng hợp (DOCX): một cột mỗi đơn vị báo cáo và cột tổng cộng' : 'Báo cáo tổng hợp (XLSX): mỗi biểu một trang, mỗi đơn vị một dòng và dòng tổng cộng',
          params,
          response: { 200: fileDownload(format === 'docx' ? 'Tệp Word (.docx)' : 'Tệp Excel (.xlsx)', [format === 'docx' ? DOCX : XLSX]), ...errors },
        },
      },
      async (request, reply) => {
        const file = await exportConsolidation(app.db, { actor: requireActor(request), ...address(request.params), format });
        return sendDownload(reply, file.body, file.fileName, file.contentType);
      },
    );
  }

  r.get(
    `${base}/template.xlsx`,
    { schema: { tags, operationId: 'downloadReportTemplate', summary: 'Mẫu Excel để điền báo cáo ngoài hệ thống rồi nhập lại', params, response: { 200: fileDownload('Tệp Excel (.xlsx)', [XLSX]), ...errors } } },
    async (request, reply) => {
      const file = await exportReportTemplate(app.db, { actor: requireActor(request), ...address(request.params) });
      return sendDownload(reply, file.body, file.fileName, file.contentType);
    },
  );

  r.post(
    `${base}/import`,
    {
      schema: {
        tags,
        operationId: 'importReportFile',
        summary: 'Nhập mẫu Excel đã điền thành bản nháp báo cáo của đơn vị (cả tệp hoặc không gì cả); submit=true thì gửi luôn',
        params,
        querystring: z.object({ submit: z.enum(['true', 'false']).default('false').describe('true: gửi báo cáo sau khi nhập') }),
        multipart: z.object({ file: uploadedFile('Mẫu báo cáo .xlsx đã điền') }),
        response: { 200: importResultSchema, ...errors, 422: errorSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { file } = await readMultipart(request, { actor, minimumRole: 'editor', maxFileBytes: REPORT_FILE_BYTES });
      if (!file) fail('REPORT_FILE_REQUIRED');
      const result = await importReportFile(app.db, { actor, ...address(request.params), data: file.data, fileName: file.fileName, submit: request.query.submit === 'true' });
      return { savedAt: result.savedAt.toISOString(), submitted: result.submitted };
    },
  );
}
