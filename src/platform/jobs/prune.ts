import { defineJob } from './define.js';
import { pruneJobs } from './repository.js';

/** Hourly: forgets succeeded jobs after a day, failed ones after 30 days, dispatched events after 7. */
export const pruneJobsJob = defineJob({
  name: 'jobs.prune',
  everyMs: 3_600_000,
  run: ({ db }) => pruneJobs(db, { succeededDays: 1, failedDays: 30, eventDays: 7 }),
});
