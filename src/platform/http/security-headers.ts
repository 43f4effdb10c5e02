/**
 * The security headers of every response (helmet: a content security policy that lets antd write
 * its styles at run time, no sniffing, no framing, HSTS …). The middleware is built once at start:
 * @fastify/helmet built it again for every request, a measurable share of a small request's CPU at
 * the contests' deadline peak.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // antd writes its styles at run time (CSS-in-JS).
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    upgradeInsecureRequests: null,
  },
};

/** What helmet does to a response: the headers it sets and the ones it removes. */
export interface RecordedHeaders {
  set: [string, string | number | readonly string[]][];
  removed: string[];
}

/**
 * What helmet writes on every response, read once: its headers do not depend on the request (no
 * nonces), so each response gets the recorded list instead of helmet's middleware chain, which
 * rebuilt them per request — a measurable share of an answer save's CPU at a contest's peak.
 */
export function recordSecurityHeaders(): RecordedHeaders {
  const recorded: RecordedHeaders = { set: [], removed: [] };
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => void recorded.set.push([name, value]),
    removeHeader: (name: string) => void recorded.removed.push(name),
    getHeader: () => undefined,
  };
  let failure: unknown = null;
  helmet({ contentSecurityPolicy })({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => (failure = error ?? null));
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return recorded;
}

/** Writes the recorded headers on a response, as helmet would have. */
export function applySecurityHeaders(response: ServerResponse, recorded: RecordedHeaders): void {
  for (const [name, value] of recorded.set) response.setHeader(name, value);
  for (const name of recorded.removed) response.removeHeader(name);
}

export function installSecurityHeaders(app: FastifyInstance): void {
  const recorded = recordSecurityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    applySecurityHeaders(reply.raw, recorded);
    done();
  });
}
