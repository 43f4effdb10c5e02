import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../errors.js';
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '../vn/index.js';

/**
 * Refuses a request whose path parameters, query string or JSON body hold a NUL (U+0000) or a lone
 * UTF-16 surrogate, which PostgreSQL cannot store. Every route's schema refuses them already
 * (`safeString()`); this runs after validation as the backstop for anything a schema lets through
 * (a route without a schema, a `z.unknown()` or `z.record` value), so such text never reaches the
 * database as a 500.
 */
export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    refuseUnsafeText(request);
  });
}

function refuseUnsafeText(request: FastifyRequest): void {
  for (const [part, value] of [
    ['params', request.params],
    ['querystring', request.query],
    ['body', request.body],
  ] as const) {
    const path = findUnsafeText(value);
    if (path) fail('TEXT_UNSAFE', [{ path, message: UNSAFE_TEXT_MESSAGE, in: part }]);
  }
}
