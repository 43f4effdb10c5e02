import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/roles.js';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { SessionContext } from '../auth/sessions.js';
import { fail } from '../errors.js';
import { contentDisposition, safeContentType } from './download.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
  }
  interface FastifyRequest {
    /** The resolved session, when the request carries a valid session cookie. */
    auth: SessionContext | null;
    sessionToken: string | null;
  }
}

/** The signed-in actor of a request; throws UNAUTHENTICATED when there is none. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.auth) fail('SESSION_REQUIRED');
  return request.auth.actor;
}

/**
 * Sends a file download, the one way every download in the app goes out: always an attachment, the
 * name encoded per RFC 6266 (ASCII fallback and UTF-8), the type from an allow-list, no sniffing.
 * A stream body is sent as it is produced (a large XLSX written row by row).
 */
export function sendDownload(reply: FastifyReply, body: Buffer | string | Readable, fileName: string, contentType: string) {
  return reply
    .header('content-type', safeContentType(contentType))
    .header('content-disposition', contentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .send(body);
}
