import type { FastifyInstance } from 'fastify';
import type { ModuleManifest } from '../platform/modules/manifest.js';
// The modules' schemas load before platform's: the OpenAPI components keep the order they had.
import { modules } from './modules.js';
import { authRoutes } from '../platform/http/routes/auth.js';
import { healthRoutes } from '../platform/http/routes/health.js';
import { auditRoutes } from '../platform/http/routes/audit.js';
import { notificationRoutes } from '../platform/http/routes/notifications.js';
import { homeRoutes } from './home-routes.js';
import type { AuditSubjectResolvers } from '../platform/audit/subjects.js';

/** Every API route: platform's own (health, auth, audit, the home page's items due over the manifests), then each module's, from its manifest. */
export async function apiRoutes(app: FastifyInstance, options: { modules?: readonly ModuleManifest[] } = {}): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  await app.register(notificationRoutes, { prefix: '/api/v1' });
  const manifests = options.modules ?? modules;
  const subjects = Object.assign({}, ...manifests.map((m) => m.auditSubjects ?? {})) as AuditSubjectResolvers;
  await app.register(auditRoutes, { prefix: '/api/v1/audit', subjects });
  await app.register(homeRoutes, { prefix: '/api/v1/home', manifests });
  for (const module of manifests) {
    for (const route of module.routes) await app.register(route.plugin, { prefix: route.prefix });
  }
}
