import type { FastifyInstance } from 'fastify';
import { intakeRoutes } from './intake/routes.js';
import { intakeStaffRoutes } from './intake/staff-routes.js';
import { reportRoutes } from './report/routes.js';
import { manageRoutes } from './manage/routes.js';

export async function consultationRoutes(app: FastifyInstance): Promise<void> {
  await app.register(intakeRoutes);
  await app.register(intakeStaffRoutes);
  await app.register(reportRoutes);
  await app.register(manageRoutes);
}
