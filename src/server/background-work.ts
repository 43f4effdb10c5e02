import type { Config } from '../platform/config/config.js';
import { purgeSessionsJob } from '../platform/auth/jobs.js';
import { pruneJobsJob, type EventHandlerDefinition, type JobDefinition } from '../platform/jobs/index.js';
import { modules } from './modules.js';

/**
 * Every job and event handler: platform's own and each module's, from its manifest (used by
 * `lantoa start` and `lantoa jobs`).
 */
export function backgroundWork(config: Config): { jobs: JobDefinition[]; handlers: EventHandlerDefinition[] } {
  return {
    jobs: [pruneJobsJob, purgeSessionsJob, ...modules.flatMap((m) => m.jobs(config))],
    handlers: modules.flatMap((m) => m.eventHandlers),
  };
}
