import { z } from 'zod';

/**
 * What a route schema can say for the OpenAPI document alone, beyond the zod schemas Fastify
 * validates with: the fields of a multipart upload (read by readMultipart, never validated by
 * Fastify) and a 200 response that is a file rather than JSON.
 */
declare module 'fastify' {
  interface FastifySchema {
    /** The text fields and the `file` field of a multipart/form-data body (document only). */
    multipart?: z.ZodObject;
  }
}

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV = 'text/csv';
export const PDF = 'application/pdf';
export const TEXT = 'text/plain';
export const OCTET_STREAM = 'application/octet-stream';

/** The uploaded file of a multipart form: bytes, named `file` by readMultipart. */
export const uploadedFile = (description: string) => z.string().meta({ format: 'binary', description });

export interface FileDownload {
  description: string;
  contentTypes: readonly string[];
}

const downloads = new WeakMap<z.ZodType, FileDownload>();

/**
 * A 200 response that is a file (sent by sendDownload, not serialised): the document lists its
 * content types with a binary schema instead of JSON.
 */
export function fileDownload(description: string, contentTypes: readonly string[]): z.ZodAny {
  const schema = z.any();
  downloads.set(schema, { description, contentTypes });
  return schema;
}

export function downloadOf(schema: unknown): FileDownload | undefined {
  return schema instanceof z.ZodType ? downloads.get(schema) : undefined;
}
