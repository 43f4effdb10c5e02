import type { FastifyInstance } from 'fastify';
import { intakeRoutes } from './intake-routes.js';
import { reportRoutes } from './report-routes.js';

export async function consultationRoutes(app: FastifyInstance): Promise<void> {
  await app.register(intakeRoutes);
  await app.register(reportRoutes);
}
