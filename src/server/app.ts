import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../platform/config/config.js';
import { fastifyTrustProxy } from '../platform/config/trust-proxy.js';
import type { Db } from '../platform/db/database.js';
import { appError, fail } from '../platform/errors.js';
import { maxUploadBytes } from '../platform/files/limits.js';
import { installSecurityHeaders } from '../platform/http/security-headers.js';
import { installErrorHandler } from '../platform/http/error-handler.js';
import { openApiOptions } from '../platform/http/openapi/document.js';
import { installSessionHook } from '../platform/http/session-hook.js';
import { installTextGuard } from '../platform/http/text-guard.js';
import { apiRoutes } from './routes.js';
import { registerWebApp } from './web-static.js';

export const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppOptions {
  db: Db;
  config: Config;
  logger?: Logger | false;
  /** Built web app to serve at `/` (default dist/web); null to serve the API only. */
  webRoot?: string | null;
}

export type App = FastifyInstance;

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger as FastifyBaseLogger } : { logger: false }),
    trustProxy: fastifyTrustProxy(options.config.trustProxy),
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('db', options.db);
  app.decorate('config', options.config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  installSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      Object.assign(appError('TOO_MANY_REQUESTS', { retryAfterSeconds: Math.ceil(context.ttl / 1000) }), {
        statusCode: 429,
      }),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: maxUploadBytes, files: 1 } });
  await app.register(fastifySwagger, openApiOptions);
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installTextGuard(app);
  installSessionHook(app);
  await app.register(apiRoutes);

  const webRoot = options.webRoot === undefined ? defaultWebRoot : options.webRoot;
  const hasWeb = webRoot !== null && existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) await registerWebApp(app, webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api')) {
      fail('API_ROUTE_NOT_FOUND');
    }
    // A build file that is not there (a stale chunk asked for after a new deployment) is a plain 404:
    // the page fallback would answer a script request with HTML, which the browser rejects obscurely.
    if (request.url.startsWith('/assets/')) return reply.status(404).header('Cache-Control', 'no-cache').type('text/plain; charset=utf-8').send('Không tìm thấy tệp.');
    if (hasWeb && (request.method === 'GET' || request.method === 'HEAD')) return reply.sendFile('index.html');
    return reply
      .status(404)
      .type('text/plain; charset=utf-8')
      .send('Chưa có giao diện web: hãy chạy "npm run build:web" (npm start tự làm việc này).');
  });
  return app;
}
