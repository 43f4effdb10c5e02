import type { FastifyInstance } from 'fastify';
import { cascadeRoutes } from './cascade-routes.js';
import { draftRoutes } from './draft-routes.js';
import { directiveParseRoutes } from './parse-routes.js';
import { directiveRegisterRoutes } from './register-routes.js';

/**
 * The directives' HTTP routes, one group per capability. Registration order is the order of the
 * paths and methods in the OpenAPI document and the generated client, so it stays as it was.
 */
export async function directiveRoutes(app: FastifyInstance): Promise<void> {
  await app.register(directiveParseRoutes);
  await app.register(directiveRegisterRoutes);
  await app.register(cascadeRoutes);
  await app.register(draftRoutes);
}
