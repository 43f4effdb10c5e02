import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReasonNames } from '../../shared/error-reasons.js';
import { AppError, appError, type ErrorReason, errorCodes } from '../errors.js';

/** The one error shape of the API. */
export const errorSchema = z
  .object({
    code: z.enum(errorCodes),
    reason: z.enum(errorReasonNames).optional().meta({ description: 'Why, machine-readable and stable; the web app shows its Vietnamese text (src/shared/error-reasons.ts).' }),
    message: z.string(),
    details: z.unknown().optional(),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorSchema>;

const pgUnavailable = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P02', '57P03', '53300', '08006', '08001']);

export function toErrorBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) return bodyOf(error);
  const err = error as FastifyError & { code?: string; validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: String(v.instancePath ?? '')
        .split('/')
        .filter(Boolean)
        .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      message: v.message ?? '',
    }));
    return fromReason('REQUEST_INVALID', details);
  }
  if (err?.statusCode === 429) return fromReason('TOO_MANY_REQUESTS', (err as { details?: unknown }).details);
  if (err?.code && pgUnavailable.has(err.code)) return fromReason('DATABASE_UNAVAILABLE');
  if (err?.code === '23505') return fromReason('DUPLICATE_VALUE');
  if (err && !isResponseSerializationError(err) && typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    const reason: ErrorReason = err.statusCode === 404 ? 'RESOURCE_NOT_FOUND' : 'REQUEST_MALFORMED';
    return { ...fromReason(reason, { reason: err.message }), status: err.statusCode };
  }
  return fromReason('UNEXPECTED');
}

function bodyOf(error: AppError): { status: number; body: ErrorBody } {
  return { status: error.status, body: { code: error.code, reason: error.reason, message: error.message, details: error.details } };
}

function fromReason(reason: ErrorReason, details?: unknown) {
  return bodyOf(appError(reason, details));
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
