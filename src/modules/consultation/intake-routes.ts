import type { FastifyInstance } from 'fastify';

/** Intake endpoints (public web form, staff entry, meetings). */
export async function intakeRoutes(_app: FastifyInstance): Promise<void> {}
