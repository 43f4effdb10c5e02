import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, defaultMessages, errorCodes, type ErrorCode } from '../errors.js';

/** The one error shape of the API. */
export const errorSchema = z
  .object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorSchema>;

const pgUnavailable = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300', '08006', '08001']);

export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return { status: error.status, body: { code: error.code, message: error.message, details: error.details } };
  }
  const err = error as FastifyError & { code?: string; validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: String(v.instancePath ?? '')
        .split('/')
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      message: v.message ?? '',
    }));
    return { status: 400, body: { code: 'VALIDATION_FAILED', message: defaultMessages.VALIDATION_FAILED, details } };
  }
  if (err?.statusCode === 429) return fromCode('RATE_LIMITED', (err as { details?: unknown }).details);
  if (err?.code && pgUnavailable.has(err.code)) return fromCode('DATABASE_UNAVAILABLE');
  if (err?.code === '23505') return fromCode('CONFLICT');
  if (err && !isResponseSerializationError(err) && typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    const code: ErrorCode = err.statusCode === 404 ? 'NOT_FOUND' : err.statusCode === 413 ? 'VALIDATION_FAILED' : 'VALIDATION_FAILED';
    return { status: err.statusCode, body: { code, message: defaultMessages[code], details: { reason: err.message } } };
  }
  return fromCode('INTERNAL');
}

function fromCode(code: ErrorCode, details?: unknown) {
  const status = new AppError(code).status;
  return { status, body: { code, message: defaultMessages[code], details } };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (status === 429 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
    return reply.status(status).send(body);
  });
}
