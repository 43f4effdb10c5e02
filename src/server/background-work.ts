import type { Config } from '../platform/config/config.js';
import { purgeSessionsJob } from '../platform/auth/jobs.js';
import { pruneJobsJob, type EventHandlerDefinition, type JobDefinition } from '../platform/jobs/index.js';
import { configureMail, mailDeliverJob } from '../platform/mail/index.js';
import { modules } from './modules.js';

/**
 * Every job and event handler: platform's own and each module's, from its manifest (used by
 * `lantoa start` and `lantoa jobs`). Reads the mail settings (platform/mail `configureMail`): with
 * LANTOA_SMTP_URL set, notifications also queue e-mail and `mail.deliver` sends it.
 */
export function backgroundWork(config: Config): { jobs: JobDefinition[]; handlers: EventHandlerDefinition[] } {
  const mail = configureMail(config);
  return {
    jobs: [pruneJobsJob, purgeSessionsJob, ...(mail ? [mailDeliverJob(mail)] : []), ...modules.flatMap((m) => m.jobs(config))],
    handlers: modules.flatMap((m) => m.eventHandlers),
  };
}
