import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units, users } from '../../platform/db/schema/org.js';

/** The review state of a submission: sent, sent back with a reason (a new version follows), or approved. */
export const periodReportStates = ['submitted', 'returned', 'approved'] as const;
export type PeriodReportState = (typeof periodReportStates)[number];

/**
 * The submission ledger of every periodic report (core/period-reports): one row per version a unit
 * sent for a subject's period — a consultation's weekly report (`consultation.weekly`, subject =
 * the consultation's id), later a report regime's period or a campaign's progress report. The
 * snapshot freezes what was sent; a returned version stays and the unit sends version + 1.
 * The subject has no foreign key (any module's row); its owner removes its rows (see migration 0014).
 */
export const periodReportSubmissions = pgTable(
  'period_report_submissions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** What is reported on, namespaced by module: `consultation.weekly`, … */
    subjectKind: text('subject_kind').notNull(),
    subjectId: integer('subject_id').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    /** The unit the report goes to (reviews it): the parent by default; null for a top unit. */
    recipientUnitId: integer('recipient_unit_id').references(() => units.id, { onDelete: 'set null' }),
    /** The schedule's stable key of the period (platform/time `Period.key`; weekly: the closing date). */
    periodKey: text('period_key').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    /** The deadline of the unit's level for this period, as it applied when the version was sent. */
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    version: integer('version').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    submittedByUserId: integer('submitted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    late: boolean('late').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    /**
     * The version's numbers for set-based sums, typed when it is sent so a sum over thousands of
     * versions reads no JSON: an array in an order the subject's owner defines, named by
     * `figuresKey` (a version whose key is not the current one is read from its snapshot). Null
     * when the owner keeps none.
     */
    figures: doublePrecision('figures').array().$type<(number | null)[]>(),
    figuresKey: text('figures_key'),
    state: text('state').$type<PeriodReportState>().notNull().default('submitted'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedByUserId: integer('reviewed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Why it was returned (state `returned`). */
    returnReason: text('return_reason'),
  },
  (t) => [
    uniqueIndex('period_report_submissions_version_key').on(t.subjectKind, t.subjectId, t.periodKey, t.unitId, t.version),
    // At most one version under review or approved per unit and period: a new one only after a return.
    uniqueIndex('period_report_submissions_live_key')
      .on(t.subjectKind, t.subjectId, t.periodKey, t.unitId)
      .where(sql`${t.state} <> 'returned'`),
    index('period_report_submissions_unit_idx').on(t.unitId, t.subjectKind, t.subjectId),
    check('period_report_submissions_state_check', sql`${t.state} in ('submitted','returned','approved')`),
    check('period_report_submissions_version_check', sql`${t.version} >= 1`),
    check('period_report_submissions_return_reason', sql`${t.state} <> 'returned' or ${t.returnReason} is not null`),
  ],
);
