import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export interface UploadedForm {
  file: { data: Buffer; fileName: string; contentType: string } | null;
  fields: Record<string, string>;
}

/** Reads a multipart form: at most one file (field `file`) and text fields. */
export async function readMultipart(request: FastifyRequest): Promise<UploadedForm> {
  if (!request.isMultipart()) throw new AppError('VALIDATION_FAILED', 'Yêu cầu phải gửi dạng multipart/form-data.');
  const form: UploadedForm = { file: null, fields: {} };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.fieldname === 'file') form.file = { data, fileName: part.filename, contentType: part.mimetype || 'application/octet-stream' };
    } else {
      form.fields[part.fieldname] = String(part.value);
    }
  }
  return form;
}
