import type { FastifyInstance } from 'fastify';
import { unitRoutes } from './units-routes.js';
import { userRoutes } from './users-routes.js';

export async function orgRoutes(app: FastifyInstance): Promise<void> {
  await app.register(unitRoutes);
  await app.register(userRoutes);
}
