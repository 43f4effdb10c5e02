import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units, users } from '../../platform/db/schema/org.js';
import type { PeriodDeadlineRule, Schedule } from '../../platform/time/index.js';
import type { ReportContent, ReportForm } from '../../shared/report-form.js';

export const regimeTypes = ['periodic', 'thematic', 'adhoc'] as const;
/** Định kỳ / chuyên đề / đột xuất. */
export type RegimeType = (typeof regimeTypes)[number];

/** Where a reporting unit sends its report: its nearest reporting ancestor (or the issuer), or the issuer directly. */
export const recipientModes = ['nearest', 'issuer'] as const;
export type RecipientMode = (typeof recipientModes)[number];

/** A level's deadline: the units of these kinds report by this rule (a platform/time deadline rule). */
export interface RegimeLevelDeadline {
  unitKinds: string[];
  rule: PeriodDeadlineRule;
}

/**
 * Chế độ báo cáo: a report regime owned by an issuing unit. Its reporting units are a rule over the
 * issuer's subtree (unit kinds, listed units, listed units with their subtrees; the issuer excluded),
 * fixed into `report_period_units` when each period opens. `schedule` is a platform/time schedule
 * (weekly, Decree 09 windows, one-off); `deadlines` the per-level rules (a level without one uses
 * the cut-off). The campaign and directive it comes from are other modules' rows: kept by id, no key.
 */
export const reportRegimes = pgTable(
  'report_regimes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique('report_regimes_code_key'),
    name: text('name').notNull(),
    type: text('type').$type<RegimeType>().notNull(),
    issuerUnitId: integer('issuer_unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    schedule: jsonb('schedule').$type<Schedule>().notNull(),
    deadlines: jsonb('deadlines').$type<RegimeLevelDeadline[]>().notNull().default([]),
    reportingUnitKinds: text('reporting_unit_kinds').array().notNull().default(sql`'{}'::text[]`),
    /** Listed units (each alone). */
    reportingUnitIds: integer('reporting_unit_ids').array().notNull().default(sql`'{}'::int[]`),
    /** Listed units with their whole subtrees. */
    reportingSubtreeUnitIds: integer('reporting_subtree_unit_ids').array().notNull().default(sql`'{}'::int[]`),
    recipientMode: text('recipient_mode').$type<RecipientMode>().notNull().default('nearest'),
    form: jsonb('form').$type<ReportForm>().notNull(),
    /** Reminders before each deadline, in minutes (default 48 h and 4 h). */
    reminderOffsetsMinutes: integer('reminder_offsets_minutes').array().notNull().default(sql`'{2880,240}'::int[]`),
    campaignId: integer('campaign_id'),
    sourceDirectiveId: integer('source_directive_id'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_regimes_issuer_idx').on(t.issuerUnitId),
    check('report_regimes_type_check', sql`${t.type} in ('periodic','thematic','adhoc')`),
    check('report_regimes_recipient_mode_check', sql`${t.recipientMode} in ('nearest','issuer')`),
  ],
);

/** A period of a regime, opened once (its expected units are fixed then). */
export const reportPeriods = pgTable(
  'report_periods',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    regimeId: integer('regime_id')
      .notNull()
      .references(() => reportRegimes.id, { onDelete: 'cascade' }),
    /** platform/time `Period.key` (weekly: the closing date; monthly `2026-01`; …). */
    periodKey: text('period_key').notNull(),
    /** platform/time `Period.closingDate` (what `--period-end` names). */
    closingDate: text('closing_date').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_periods_regime_key').on(t.regimeId, t.periodKey), uniqueIndex('report_periods_regime_closing_key').on(t.regimeId, t.closingDate)],
);

/**
 * The expected units of a period, fixed when it opens: who reports, to whom, by when. A unit created
 * or dissolved during the period does not change the set, so rates never exceed 100 %.
 * `reportingPath`: the recipients above the unit up to the issuer (nearest first), so "every unit
 * reporting below U" is `reporting_path @> array[U]` on a GIN index.
 */
export const reportPeriodUnits = pgTable(
  'report_period_units',
  {
    periodId: integer('period_id')
      .notNull()
      .references(() => reportPeriods.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    recipientUnitId: integer('recipient_unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    reportingPath: integer('reporting_path').array().notNull(),
    /** True when other expected units report to this one (it consolidates). */
    receives: boolean('receives').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.periodId, t.unitId], name: 'report_period_units_pkey' }),
    index('report_period_units_recipient_idx').on(t.periodId, t.recipientUnitId),
    index('report_period_units_path_idx').using('gin', t.reportingPath),
  ],
);

/** A unit's working copy of a period's report (saved automatically while it is filled in). */
export const reportDrafts = pgTable(
  'report_drafts',
  {
    periodId: integer('period_id')
      .notNull()
      .references(() => reportPeriods.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    content: jsonb('content').$type<ReportContent>().notNull(),
    updatedByUserId: integer('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId], name: 'report_drafts_pkey' })],
);

/**
 * Reminders and notices sent for a period, one row each: the key makes each reminder go out once
 * even with several app servers and restarts (`insert … on conflict do nothing`, then send the rows
 * inserted). kind: `before` (to a unit that had not submitted, `offset_minutes` before its deadline),
 * `missing` (to the recipient after its reporters' deadline, offset 0), `returned`.
 */
export const reportReminders = pgTable(
  'report_reminders',
  {
    periodId: integer('period_id')
      .notNull()
      .references(() => reportPeriods.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    offsetMinutes: integer('offset_minutes').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.unitId, t.kind, t.offsetMinutes], name: 'report_reminders_pkey' })],
);
