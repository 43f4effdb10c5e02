import type { FastifyRequest } from 'fastify';
import type { Actor, Role } from '../access/roles.js';
import { requireRoleSomewhere } from '../access/scope.js';
import { fail } from '../errors.js';
import { hasUnsafeText, toSafeText, UNSAFE_TEXT_MESSAGE } from '../vn/index.js';
import { formatMb, uploadLimits } from '../files/limits.js';

export interface UploadedForm {
  file: { data: Buffer; fileName: string; contentType: string } | null;
  fields: Record<string, string>;
}

export interface UploadRules {
  /** Who is uploading: checked against `minimumRole` before a byte of the body is read. */
  actor: Actor;
  /** The weakest role, on some unit, that could ever use this upload. */
  minimumRole: Role;
  maxFileBytes: number;
}

const isTooLarge = (err: unknown): boolean => (err as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * Reads a multipart form: at most one file (field `file`, at most `maxFileBytes`) and text fields.
 * The role is checked first, so a caller without it never has the file read.
 */
export async function readMultipart(request: FastifyRequest, rules: UploadRules): Promise<UploadedForm> {
  requireRoleSomewhere(rules.actor, rules.minimumRole);
  if (!request.isMultipart()) fail('MULTIPART_REQUIRED');
  const form: UploadedForm = { file: null, fields: {} };
  try {
    const limits = { fileSize: rules.maxFileBytes, files: 1, fieldSize: uploadLimits.formFieldBytes, fields: 20 };
    for await (const part of request.parts({ limits })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (hasUnsafeText(part.filename)) refuse('file');
        if (part.fieldname === 'file') form.file = { data, fileName: part.filename, contentType: part.mimetype || 'application/octet-stream' };
      } else {
        // A field cut at the size limit must not be read as if it were whole (a JSON cut short).
        if (part.valueTruncated) fail('FIELD_TOO_LARGE', [{ path: [toSafeText(part.fieldname)], message: `Tối đa ${formatMb(uploadLimits.formFieldBytes)}` }], { params: { maxSize: formatMb(uploadLimits.formFieldBytes) } });
        const value = String(part.value);
        if (hasUnsafeText(part.fieldname) || hasUnsafeText(value)) refuse(part.fieldname);
        form.fields[part.fieldname] = value;
      }
    }
  } catch (err) {
    if (isTooLarge(err)) {
      fail('FILE_TOO_LARGE', { reason: 'FILE_TOO_LARGE', maxBytes: rules.maxFileBytes }, { params: { maxSize: formatMb(rules.maxFileBytes) } });
    }
    throw err;
  }
  return form;
}

/** A file name or form field holding a NUL or a lone surrogate (safe-text.ts). */
function refuse(field: string): never {
  fail('TEXT_UNSAFE', [{ path: [toSafeText(field)], message: UNSAFE_TEXT_MESSAGE }]);
}
