import type { FastifyInstance } from 'fastify';

/** Weekly report endpoints (live figures, submission, exports). */
export async function reportRoutes(_app: FastifyInstance): Promise<void> {}
