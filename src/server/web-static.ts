import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Hashed build output: its name changes with its content, so a browser may keep it for a year. */
export const immutableCache = 'public, max-age=31536000, immutable';
/** index.html (and the SPA fallback): always revalidated, so a new deployment is picked up at once. */
export const revalidateCache = 'no-cache';

/** The Cache-Control of a file under the web root: immutable for assets/, revalidated otherwise. */
export function cacheControlFor(webRoot: string, filePath: string): string {
  const relative = path.relative(webRoot, filePath);
  return relative.startsWith('assets' + path.sep) ? immutableCache : revalidateCache;
}

/**
 * Serves the built web app (vite's dist/web): the `.br` or `.gz` copy written at build time when the
 * browser accepts it (`Content-Encoding`, `Vary: Accept-Encoding`), with the cache policy above.
 * `reply.sendFile('index.html')` (the SPA fallback) goes through the same path.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.setHeader('Cache-Control', cacheControlFor(webRoot, filePath));
      res.setHeader('Vary', 'Accept-Encoding');
    },
  });
}
