import type { Db } from '../../../platform/db/database.js';
import { defineEventHandler, defineJob, type EventHandlerDefinition, type JobDefinition } from '../../../platform/jobs/index.js';
import { notify } from '../../../platform/notifications/index.js';
import { claimDueReminders, claimMissingNotices, claimReturnedNotice } from './repository.js';
import { missingMessage, reminderMessage, returnedMessage } from './texts.js';

/** A missing-reports notice is sent within this long after the last deadline (then never: old periods opened later stay quiet). */
const MISSING_GRACE_MS = 24 * 3_600_000;

/**
 * One pass of the reminders at `now`, in one transaction: claims the due reminders and missing
 * notices (once-only keys in `report_reminders`) and notifies exactly the claimed units' editors.
 * A pass that fails rolls back its claims too, so the next one sends them.
 */
export async function sendReminders(db: Db, now: Date = new Date()): Promise<{ reminders: number; missing: number }> {
  return db.transaction(async (tx) => {
    const due = await claimDueReminders(tx, now);
    const missing = await claimMissingNotices(tx, { now, graceMs: MISSING_GRACE_MS });
    await notify(tx, [...due.map((r) => reminderMessage(r, now)), ...missing.map(missingMessage)]);
    return { reminders: due.length, missing: missing.length };
  });
}

/** The `reports.send-reminders` job: every minute (tests pass their own clock and pace). */
export function sendRemindersJob(options: { now?: () => Date; everyMs?: number } = {}): JobDefinition {
  return defineJob({
    name: 'reports.send-reminders',
    everyMs: options.everyMs ?? 60_000,
    run: ({ db }) => sendReminders(db, options.now?.() ?? new Date()),
  });
}

function submissionIdOf(payload: unknown): number | null {
  const value = (payload as { submissionId?: unknown } | null)?.submissionId;
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

/** Tells the reporter's editors that their report was returned, and why (once per returned version). */
export async function notifyReturned(db: Db, submissionId: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const notice = await claimReturnedNotice(tx, submissionId);
    if (notice) await notify(tx, returnedMessage(notice));
    return notice !== null;
  });
}

/** Reacts to core/period-reports' `period-report.returned` (other subjects than regimes are ignored). */
export const returnedReportHandler: EventHandlerDefinition = defineEventHandler({
  event: 'period-report.returned',
  name: 'reports.notify-returned',
  handle: async (db, payload) => {
    const id = submissionIdOf(payload);
    return id === null ? false : notifyReturned(db, id);
  },
});
