import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeString } from '../../platform/vn/index.js';
import { requireActor, sendDownload } from '../../platform/http/context.js';
import { errorSchema } from '../../platform/http/error-handler.js';
import { fail } from '../../platform/errors.js';
import { uploadLimits } from '../../platform/files/limits.js';
import { readMultipart } from '../../platform/http/multipart.js';
import { CSV, fileDownload, uploadedFile, XLSX } from '../../platform/http/openapi/route-docs.js';
import { createUnit } from './create-unit.js';
import { exportUnits } from './export-units.js';
import { importUnits } from './import-units.js';
import { getUnit, listUnits } from './list-units.js';
import { createUnitSchema, importResultSchema, unitDetailSchema, unitSchema, updateUnitSchema } from './schemas.js';
import { updateUnit } from './update-unit.js';

const tags = ['units'];
const idParams = z.object({ id: z.coerce.number().int().positive() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

export async function unitRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/units',
    {
      schema: {
        tags,
        operationId: 'listUnits',
        summary: 'Các đơn vị người dùng được xem (cây được giao và mọi đơn vị trực thuộc)',
        description: 'Với q: chỉ các đơn vị khớp, không phân biệt dấu, hoa thường và kiểu bỏ dấu (hoà/hòa).',
        querystring: z.object({ q: safeString().max(200).optional() }),
        response: { 200: z.array(unitSchema), 401: errorSchema },
      },
    },
    async (request) => listUnits(app.db, { actor: requireActor(request), query: request.query.q }),
  );

  r.get(
    '/units/export',
    {
      schema: {
        tags,
        operationId: 'exportUnits',
        summary: 'Xuất danh sách đơn vị ra CSV hoặc XLSX (nhập lại được): bản cho máy (tên cột code, name, …) hoặc bản cho người đọc (tiêu đề tiếng Việt)',
        querystring: z.object({
          format: z.enum(['csv', 'xlsx']).default('xlsx'),
          /** `machine`: machine column names, kind codes, ISO dates (default); `people`: Vietnamese headers, kind labels, DD/MM/YYYY. */
          variant: z.enum(['machine', 'people']).default('machine'),
        }),
        response: { 200: fileDownload('Tệp CSV hoặc XLSX', [CSV, XLSX]), 401: errorSchema },
      },
    },
    async (request, reply) => {
      const { format, variant } = request.query;
      const body = await exportUnits(app.db, { actor: requireActor(request), format, variant });
      const type = format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return sendDownload(reply, body, variant === 'people' ? `danh-sach-don-vi.${format}` : `don-vi.${format}`, type);
    },
  );

  r.post(
    '/units/import',
    {
      schema: {
        tags,
        operationId: 'importUnits',
        summary: 'Nhập đơn vị từ tệp CSV/XLSX (cột code,name,kind,parent_code); cả tệp hoặc không gì cả',
        multipart: z.object({ file: uploadedFile('Tệp .csv hoặc .xlsx') }),
        response: { 200: importResultSchema, ...errors, 422: errorSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { file } = await readMultipart(request, { actor, minimumRole: 'unit_admin', maxFileBytes: uploadLimits.unitFileBytes });
      if (!file) fail('UNIT_FILE_REQUIRED');
      return importUnits(app.db, { actor, data: file.data, fileName: file.fileName });
    },
  );

  r.get(
    '/units/:id',
    { schema: { tags, operationId: 'getUnit', summary: 'Chi tiết một đơn vị', params: idParams, response: { 200: unitDetailSchema, ...errors } } },
    async (request) => getUnit(app.db, { actor: requireActor(request), unitId: request.params.id }),
  );

  r.post(
    '/units',
    { schema: { tags, operationId: 'createUnit', summary: 'Thêm đơn vị', body: createUnitSchema, response: { 201: unitSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createUnit(app.db, { actor: requireActor(request), input: request.body })),
  );

  r.patch(
    '/units/:id',
    { schema: { tags, operationId: 'updateUnit', summary: 'Sửa đơn vị', params: idParams, body: updateUnitSchema, response: { 200: unitSchema, ...errors } } },
    async (request) => updateUnit(app.db, { actor: requireActor(request), unitId: request.params.id, input: request.body }),
  );
}
