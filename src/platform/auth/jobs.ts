import { defineJob } from '../jobs/define.js';
import { purgeExpiredSessions } from './sessions.js';

/** Hourly (and at start): expired sessions are deleted. */
export const purgeSessionsJob = defineJob({
  name: 'sessions.purge',
  everyMs: 3_600_000,
  run: ({ db }) => purgeExpiredSessions(db),
});
