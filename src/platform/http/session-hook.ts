import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { resolveSession, SESSION_COOKIE } from '../auth/sessions.js';
import { fail } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie of every /api request and enforces CSRF protection:
 * a cookie-authenticated mutation must echo the session's CSRF token in the `x-csrf-token` header.
 */
export function installSessionHook(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const context = await resolveSession(app.db, token, request.ip);
    if (!context) return;
    request.auth = context;
    request.sessionToken = token;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, context.csrfToken)) fail('CSRF_TOKEN_INVALID');
    }
  });
}
