import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { hasUnsafeText, toSafeText, UNSAFE_TEXT_MESSAGE } from '../vn/index.js';

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
      if (hasUnsafeText(part.filename)) refuse('file');
      if (part.fieldname === 'file') form.file = { data, fileName: part.filename, contentType: part.mimetype || 'application/octet-stream' };
    } else {
      const value = String(part.value);
      if (hasUnsafeText(part.fieldname) || hasUnsafeText(value)) refuse(part.fieldname);
      form.fields[part.fieldname] = value;
    }
  }
  return form;
}

/** A file name or form field holding a NUL or a lone surrogate (safe-text.ts). */
function refuse(field: string): never {
  throw new AppError('VALIDATION_FAILED', UNSAFE_TEXT_MESSAGE, [{ path: [toSafeText(field)], message: UNSAFE_TEXT_MESSAGE }]);
}
