import { errorCodeMessages, errorReasons, reasonText, type ErrorReason } from '../shared/error-reasons.js';

export type { ErrorReason } from '../shared/error-reasons.js';

/**
 * The one error vocabulary of Lan Tỏa. An error has a `code`, the HTTP-level class mapped here to a
 * status, and a `reason` (src/shared/error-reasons.ts), the stable "why" whose Vietnamese text is
 * the message. Domain code throws with `fail(reason, details)` (or `new AppError(code, {reason})`);
 * the HTTP error handler turns it into `{code, reason, message, details}`; the web app shows the
 * reason's text.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  LOGIN_THROTTLED: 429,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IMPORT_REJECTED: 422,
  RATE_LIMITED: 429,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

/** Every reason belongs to a server error code (checked by the compiler). */
const _reasonCodes: Record<ErrorReason, { code: ErrorCode }> = errorReasons;

/** The default message of each code (from src/shared, the one place texts live). */
export const defaultMessages: Record<ErrorCode, string> = Object.fromEntries(errorCodes.map((code) => [code, errorCodeMessages[code]])) as Record<ErrorCode, string>;

export interface AppErrorInit {
  reason?: ErrorReason;
  /** A more precise message than the reason's text (rare: e.g. a list of field problems joined). */
  message?: string;
  details?: unknown;
  /** Values for the reason text's placeholders that are not in `details` (e.g. a formatted size). */
  params?: Record<string, string | number>;
}

function messageOf(code: ErrorCode, init: AppErrorInit): string {
  if (init.message !== undefined) return init.message;
  if (init.reason === undefined) return defaultMessages[code];
  const details = init.details && typeof init.details === 'object' && !Array.isArray(init.details) ? init.details : {};
  return reasonText(init.reason, { ...details, ...init.params }) ?? defaultMessages[code];
}

export class AppError extends Error {
  readonly status: number;
  readonly reason: ErrorReason | undefined;
  readonly details: unknown;
  constructor(
    readonly code: ErrorCode,
    init?: string | AppErrorInit,
    details?: unknown,
  ) {
    const options: AppErrorInit = typeof init === 'string' ? { message: init, details } : { details, ...init };
    super(messageOf(code, options));
    this.name = 'AppError';
    this.status = errorStatus[code];
    this.reason = options.reason;
    this.details = options.details;
  }
}

/** The error for a reason, its code taken from the reasons table. */
export function appError(reason: ErrorReason, details?: unknown, extra?: Pick<AppErrorInit, 'params' | 'message'>): AppError {
  return new AppError(_reasonCodes[reason].code, { reason, details, ...extra });
}

/** Throws the error for a reason: `if (closed) fail('CONSULTATION_CLOSED', { code })`. */
export function fail(reason: ErrorReason, details?: unknown, extra?: Pick<AppErrorInit, 'params' | 'message'>): never {
  throw appError(reason, details, extra);
}

/**
 * A broken internal invariant (a bug, not bad input): what code asserts can never happen. It is
 * logged with its message and answered as INTERNAL / UNEXPECTED, the message never reaching the
 * client. Domain code uses `invariant(...)` instead of a bare `throw new Error`.
 */
export class InvariantViolation extends Error {
  override name = 'InvariantViolation';
}

export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantViolation(message);
}
