import { defineJob, type EventHandlerDefinition, type JobDefinition } from '../../platform/jobs/index.js';
import { foldFigures } from './figures/fold-figures.js';
import { eraseExpiredContacts } from './intake/contacts.js';
import { refoldOnUnitMoved } from './figures/on-unit-moved.js';

/**
 * The consultation module's background work, listed once for the composition root:
 * new submissions reach the weekly figures every two seconds (reports add the rest themselves),
 * and contributors' contact details are erased hourly once the retention period has passed.
 */
export function consultationJobs(options: { contactRetentionDays: number }): JobDefinition[] {
  return [
    // A slot that fails is not retried: the next one comes two seconds later.
    defineJob({ name: 'consultation.fold-figures', everyMs: 2_000, maxAttempts: 1, run: ({ db }) => foldFigures(db) }),
    defineJob({
      name: 'consultation.erase-contacts',
      everyMs: 3_600_000,
      run: ({ db }) => eraseExpiredContacts(db, { retentionDays: options.contactRetentionDays }),
    }),
  ];
}

/** Reactions to other modules' events. */
export const consultationEventHandlers: readonly EventHandlerDefinition[] = [refoldOnUnitMoved];
