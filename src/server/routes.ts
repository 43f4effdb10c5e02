import type { FastifyInstance } from 'fastify';
import { orgRoutes } from '../modules/org/routes.js';
import { directiveRoutes } from '../modules/directives/routes.js';
import { consultationRoutes } from '../modules/consultation/routes.js';
import { authRoutes } from '../platform/http/routes/auth.js';
import { healthRoutes } from '../platform/http/routes/health.js';
import { auditRoutes } from '../platform/http/routes/audit.js';

/** Every API route: platform's own (health, auth, audit) and each module's. */
export async function apiRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  await app.register(auditRoutes, { prefix: '/api/v1/audit' });
  await app.register(orgRoutes, { prefix: '/api/v1' });
  await app.register(directiveRoutes, { prefix: '/api/v1' });
  await app.register(consultationRoutes, { prefix: '/api/v1' });
}
