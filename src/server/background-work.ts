import type { Config } from '../platform/config/config.js';
import { purgeSessionsJob } from '../platform/auth/jobs.js';
import { pruneJobsJob, type EventHandlerDefinition, type JobDefinition } from '../platform/jobs/index.js';
import { consultationEventHandlers, consultationJobs } from '../modules/consultation/jobs.js';

/**
 * Every job and event handler, from the platform and each module's exported lists: the one
 * place that wires modules' background work together (used by `lantoa start` and `lantoa jobs`).
 */
export function backgroundWork(config: Pick<Config, 'contactRetentionDays'>): { jobs: JobDefinition[]; handlers: EventHandlerDefinition[] } {
  return {
    jobs: [pruneJobsJob, purgeSessionsJob, ...consultationJobs({ contactRetentionDays: config.contactRetentionDays })],
    handlers: [...consultationEventHandlers],
  };
}
