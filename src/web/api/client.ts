/**
 * The one transport between the web app and the server. Pages never call fetch directly:
 * they call the named functions in endpoints.ts, which call `request` here.
 */

export const API_BASE = '/api';

/** Codes produced on the client when the server could not be reached or answered oddly. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(init: { status: number; code: string; message: string; details?: unknown }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
  }
}

export function isApiError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

type UnauthenticatedHandler = () => void;
let unauthenticatedHandler: UnauthenticatedHandler | null = null;

/** Called once by the auth provider: what to do when the session has expired mid-work. */
export function onUnauthenticated(handler: UnauthenticatedHandler | null): void {
  unauthenticatedHandler = handler;
}

type CsrfRefresher = () => Promise<void>;
let csrfRefresher: CsrfRefresher | null = null;

/** Lets endpoints.ts provide a way to fetch a fresh CSRF token (GET /auth/me). */
export function setCsrfRefresher(refresher: CsrfRefresher | null): void {
  csrfRefresher = refresher;
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  formData?: FormData;
  /** Do not trigger the global "session expired" handling on 401 (login, me). */
  skipAuthRedirect?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.formData) {
    body = options.formData;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) {
    headers['x-csrf-token'] = csrfToken;
  }
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError({ status: 0, code: 'NETWORK', message: 'Network error', details: String(cause) });
  }
}

async function toError(response: Response): Promise<ApiRequestError> {
  let payload: unknown = null;
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (payload && typeof payload === 'object' && 'code' in payload && typeof payload.code === 'string') {
    const p = payload as { code: string; message?: unknown; details?: unknown };
    return new ApiRequestError({
      status: response.status,
      code: p.code,
      message: typeof p.message === 'string' ? p.message : '',
      details: p.details ?? null,
    });
  }
  const fallback =
    response.status === 503 ? 'DATABASE_UNAVAILABLE' : response.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE';
  return new ApiRequestError({ status: response.status, code: fallback, message: '', details: null });
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);

  if (!response.ok && response.status === 403 && method !== 'GET' && csrfRefresher) {
    const error = await toError(response.clone());
    if (error.code === 'CSRF_FAILED') {
      // The token may have rotated (new session in another tab): fetch a fresh one, retry once.
      await csrfRefresher().catch(() => undefined);
      response = await send(method, path, options);
    }
  }

  if (!response.ok) {
    const error = await toError(response);
    if (error.code === 'UNAUTHENTICATED' && !options.skipAuthRedirect) {
      unauthenticatedHandler?.();
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiRequestError({ status: response.status, code: 'BAD_RESPONSE', message: '', details: null });
  }
}
