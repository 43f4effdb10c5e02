export { defineEventHandler, defineJob, type EventHandlerDefinition, type JobContext, type JobDefinition } from './define.js';
export { emitEvent, emitEvents, eventInsertSql } from './outbox.js';
export { runJobNow, startJobRunner, type JobRunner, type RunnerOptions } from './runner.js';
export { pruneJobsJob } from './prune.js';
export { selectJobRuns, selectSchedules, type JobRunRow } from './repository.js';
