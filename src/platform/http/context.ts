import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../access/roles.js';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { SessionContext } from '../auth/sessions.js';
import { AppError } from '../errors.js';

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
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth.actor;
}

/** Sends a file download with a UTF-8 file name (RFC 6266). */
export function sendDownload(reply: FastifyReply, body: Buffer | string, fileName: string, contentType: string) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}
