/**
 * The one transport between the web app and the server: an openapi-fetch client typed by the
 * generated `paths` (schema.d.ts, `npm run api:client`). Pages call `api.GET('/api/v1/units', …)`
 * through `data(…)`; the middleware here adds the CSRF header to writes, turns every failed answer
 * into an ApiRequestError {status, code, reason, message, details}, retries once after a rotated CSRF
 * token and reports an expired session.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';

/** Codes produced on the client when the server could not be reached or answered oddly. */
export type ClientErrorCode = 'NETWORK' | 'BAD_RESPONSE';

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  /** The server's machine-readable reason (src/shared/error-reasons.ts), when it gave one. */
  readonly reason: string | null;
  readonly details: unknown;

  constructor(init: { status: number; code: string; reason?: string | null; message: string; details?: unknown }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.code = init.code;
    this.reason = init.reason ?? null;
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

export type QueryValue = string | number | boolean | null | undefined;

/** Empty, null and undefined values are left out of the query string. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  return params.toString();
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);
/** 401 here is an answer, not an expired session (login form, session probe, public pages). */
const noAuthRedirect = (path: string) =>
  path === '/api/v1/auth/login' || path === '/api/v1/auth/logout' || path === '/api/v1/auth/me' || path === '/api/health' || path.startsWith('/api/v1/public/');

async function toError(response: Response): Promise<ApiRequestError> {
  let payload: unknown = null;
  const text = await response.text().catch(() => '');
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    payload = null;
  }
  if (payload && typeof payload === 'object' && 'code' in payload && typeof payload.code === 'string') {
    const { code, reason: r, message, details, ...rest } = payload as { code: string; reason?: unknown; message?: unknown; details?: unknown };
    const reason = typeof r === 'string' ? r : null;
    // A body whose other fields carry the answer (a rejected import's lines) keeps them as the details.
    const extra = Object.keys(rest).length > 0 ? rest : null;
    return new ApiRequestError({ status: response.status, code, reason, message: typeof message === 'string' ? message : '', details: details ?? extra });
  }
  const fallback = response.status === 503 ? 'DATABASE_UNAVAILABLE' : response.status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE';
  return new ApiRequestError({ status: response.status, code: fallback, message: '', details: null });
}

function withCsrf(request: Request): Request {
  if (SAFE_METHODS.has(request.method) || !csrfToken) return request;
  request.headers.set('x-csrf-token', csrfToken);
  return request;
}

/** Untouched copies of the writes in flight, to send again once after a rotated CSRF token. */
const pending = new Map<string, Request>();

const transport: Middleware = {
  onRequest({ request, id }) {
    const sent = withCsrf(request);
    if (!SAFE_METHODS.has(sent.method)) pending.set(id, sent.clone());
    return sent;
  },
  async onResponse({ response, schemaPath, id }) {
    const copy = pending.get(id);
    pending.delete(id);
    let answer = response;
    if (answer.status === 403 && copy) {
      const error = await toError(answer.clone());
      if (error.code === 'CSRF_FAILED') {
        // The token may have rotated (new session in another tab): fetch a fresh one, retry once.
        await refreshCsrfToken().catch(() => undefined);
        answer = await fetch(withCsrf(copy));
      }
    }
    if (!answer.ok) {
      const error = await toError(answer);
      if (error.code === 'UNAUTHENTICATED' && !noAuthRedirect(schemaPath)) unauthenticatedHandler?.();
      throw error;
    }
    return answer === response ? undefined : answer;
  },
  onError({ error, id }) {
    pending.delete(id);
    if (error instanceof DOMException && error.name === 'AbortError') return error;
    return new ApiRequestError({ status: 0, code: 'NETWORK', message: 'Network error', details: String(error) });
  },
};

export const api = createClient<paths>({
  // Same origin in the browser; an absolute base elsewhere (unit tests) so Request accepts the URL.
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : '',
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  // Looked up per call (openapi-fetch would keep the fetch of module load time).
  fetch: (request: Request) => globalThis.fetch(request),
  querySerializer: (query) => queryString(query as Record<string, QueryValue>),
});
api.use(transport);

/** The data of a call (failures were thrown by the middleware); undefined for 204. */
export async function data<T>(call: Promise<{ data?: T }>): Promise<T> {
  try {
    return (await call).data as T;
  } catch (error) {
    if (error instanceof SyntaxError) throw new ApiRequestError({ status: 200, code: 'BAD_RESPONSE', message: '', details: null });
    throw error;
  }
}

async function refreshCsrfToken(): Promise<void> {
  const session = await data(api.GET('/api/v1/auth/me'));
  setCsrfToken(session.csrfToken);
}

/** A multipart body: text fields first, then the files (a File keeps its name). */
export function formData(body: Record<string, string | Blob | null | undefined>): FormData {
  const form = new FormData();
  const entries = Object.entries(body).filter((entry): entry is [string, string | Blob] => entry[1] != null);
  for (const [key, value] of entries) if (typeof value === 'string') form.append(key, value);
  for (const [key, value] of entries) if (typeof value !== 'string') form.append(key, value);
  return form;
}

type GetParameters<P extends keyof paths> = paths[P] extends { get: { parameters: infer R extends { path?: unknown; query?: unknown } } } ? R : never;

/**
 * A plain URL for a download the browser fetches itself (cookie sent; a GET needs no CSRF token).
 */
export function downloadUrl<P extends keyof paths>(path: P, params: { path?: GetParameters<P>['path']; query?: GetParameters<P>['query'] }): string {
  const pathParams = (params.path ?? {}) as Record<string, string | number>;
  const url = String(path).replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(pathParams[name])));
  const qs = queryString(params.query as Record<string, QueryValue> | undefined);
  return qs ? `${url}?${qs}` : url;
}
