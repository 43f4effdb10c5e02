import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, check, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units, users } from '../../platform/db/schema/org.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * A phase bound or an assignment's deadline as the plan states it: a date (Vietnam day), an instant,
 * or an edge of a milestone ("đến khi hoàn thành Đại hội", "sau khi bế mạc Đại hội XIV"), so that
 * moving a milestone moves what hangs on it. Resolved to instants on write (tasks' `due_at`).
 */
export type TimeBound =
  | { kind: 'date'; date: string }
  | { kind: 'instant'; at: string }
  | { kind: 'milestone'; milestoneId: number; edge: 'start' | 'end' };

/** When an assignment is due: an instant or date, the end of a phase, or recurring within its phase. */
export type AssignmentDeadline =
  | TimeBound
  | { kind: 'phase_end'; phaseId: number }
  | { kind: 'recurring'; every: 'week' | 'month' | 'phase'; phaseId: number | null };

/** Expected outputs of an assignment: named quantities ("10 tin bài", "5 buổi"). */
export type ExpectedOutput = { kind: string; quantity: number };

/**
 * A communication campaign plan (kế hoạch tuyên truyền) owned by a unit. `parentCampaignId`: the plan
 * it implements (cascade: a unit's own plan drawn from the one it received). The directive it comes
 * from is another module's row: kept by id and as printed, without a foreign key.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique('campaigns_code_key'),
    ownerUnitId: integer('owner_unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    /** "I. MỤC ĐÍCH, YÊU CẦU": purpose and requirements, as text. */
    purpose: text('purpose').notNull().default(''),
    requirements: text('requirements').notNull().default(''),
    parentCampaignId: integer('parent_campaign_id').references((): AnyPgColumn => campaigns.id, { onDelete: 'set null' }),
    /** The directive (directives module) the plan comes from, and how it is cited ("Kế hoạch số 25-KH/…"). */
    sourceDirectiveId: integer('source_directive_id'),
    sourceReference: text('source_reference'),
    /** The plan's normalised text the proposal's spans refer to (null when typed in the app). */
    bodyText: text('body_text'),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_owner_idx').on(t.ownerUnitId),
    index('campaigns_parent_idx').on(t.parentCampaignId),
    index('campaigns_source_directive_idx').on(t.sourceDirectiveId),
  ],
);

/** Mốc: a named event with a date or an instant range ("Đại hội XIV của Đảng", 19–23/01/2026). */
export const campaignMilestones = pgTable(
  'campaign_milestones',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('campaign_milestones_campaign_idx').on(t.campaignId), check('campaign_milestones_range', sql`${t.endsAt} >= ${t.startsAt}`)],
);

/** Đợt / giai đoạn: bounds are dates, instants or milestone edges (null = open: "từ nay", "đến khi xong"). */
export const campaignPhases = pgTable(
  'campaign_phases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    starts: jsonb('starts').$type<TimeBound | null>(),
    ends: jsonb('ends').$type<TimeBound | null>(),
    /** The bounds resolved to instants (kept in step when a milestone moves). */
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
  },
  (t) => [index('campaign_phases_campaign_idx').on(t.campaignId)],
);

/** Nội dung tuyên truyền: numbered themes, per phase or (phase null) for the whole campaign. */
export const campaignThemes = pgTable(
  'campaign_themes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    phaseId: integer('phase_id').references(() => campaignPhases.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
  },
  (t) => [index('campaign_themes_campaign_idx').on(t.campaignId)],
);

/** Hình thức: a code of the controlled list (src/shared/campaign-channels.ts), or null with free text. */
export const campaignChannels = pgTable(
  'campaign_channels',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    channel: text('channel'),
    text: text('text').notNull(),
  },
  (t) => [index('campaign_channels_campaign_idx').on(t.campaignId)],
);

/**
 * Tổ chức thực hiện: what the plan asks, of whom (the lead unit, or the member units of a group),
 * with whom (coordinating units), by when, about which themes and channels, with expected outputs.
 */
export const campaignAssignments = pgTable(
  'campaign_assignments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    /** The units as the plan names them ("UBND các xã, phường"), for display beside the matched units. */
    unitsAsWritten: text('units_as_written').notNull().default(''),
    leadUnitId: integer('lead_unit_id').references(() => units.id, { onDelete: 'set null' }),
    coordinatingUnitIds: integer('coordinating_unit_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    phaseId: integer('phase_id').references(() => campaignPhases.id, { onDelete: 'set null' }),
    deadline: jsonb('deadline').$type<AssignmentDeadline | null>(),
    themeIds: integer('theme_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    channels: text('channels')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    expectedOutputs: jsonb('expected_outputs').$type<ExpectedOutput[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [index('campaign_assignments_campaign_idx').on(t.campaignId)],
);

/**
 * One task per assigned unit (a group: one per member unit). Status is derived, never stored:
 * done (done_at set), overdue (now ≥ due_at, not done), in progress (an activity), not started.
 * `parentTaskId`: the task of the parent plan this one implements (the cascade's roll-up follows it).
 */
export const campaignTasks = pgTable(
  'campaign_tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => campaignAssignments.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    /** The deadline resolved to an instant (null: none); recurring tasks keep the end of their phase. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    recurrence: text('recurrence').$type<'week' | 'month' | 'phase'>(),
    parentTaskId: integer('parent_task_id').references((): AnyPgColumn => campaignTasks.id, { onDelete: 'set null' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneNote: text('done_note'),
    doneByUserId: integer('done_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_tasks_assignment_unit_key').on(t.assignmentId, t.unitId),
    index('campaign_tasks_campaign_idx').on(t.campaignId, t.unitId),
    index('campaign_tasks_unit_due_idx').on(t.unitId, t.dueAt),
    index('campaign_tasks_parent_idx').on(t.parentTaskId),
    check('campaign_tasks_recurrence_check', sql`${t.recurrence} is null or ${t.recurrence} in ('week','month','phase')`),
  ],
);

/**
 * Nhật ký tuyên truyền: what a unit actually did for a task, as evidence. Quantities by kind code
 * (campaign_quantity_kinds). Denormalised unit and campaign for the roll-ups.
 */
export const campaignActivities = pgTable(
  'campaign_activities',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => campaignTasks.id, { onDelete: 'cascade' }),
    campaignId: integer('campaign_id').notNull(),
    unitId: integer('unit_id').notNull(),
    /** The Vietnam day it took place. */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    channel: text('channel'),
    channelText: text('channel_text'),
    themeIds: integer('theme_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    title: text('title').notNull(),
    link: text('link'),
    quantities: jsonb('quantities').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    recordedByUserId: integer('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaign_activities_task_idx').on(t.taskId, t.occurredOn),
    index('campaign_activities_campaign_idx').on(t.campaignId, t.occurredOn),
  ],
);

/**
 * Per task: its activities added up, kept in step by the operations that record or remove an
 * activity (same transaction), so that progress over thousands of tasks never scans the activities.
 */
export const campaignTaskTotals = pgTable('campaign_task_totals', {
  taskId: integer('task_id')
    .primaryKey()
    .references(() => campaignTasks.id, { onDelete: 'cascade' }),
  activities: integer('activities').notNull().default(0),
  quantities: jsonb('quantities').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  lastActivityOn: date('last_activity_on', { mode: 'string' }),
});

/** Files kept as evidence of an activity (photo, PDF, DOCX). */
export const campaignActivityFiles = pgTable(
  'campaign_activity_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    activityId: bigint('activity_id', { mode: 'number' })
      .notNull()
      .references(() => campaignActivities.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaign_activity_files_activity_idx').on(t.activityId)],
);

/** The configurable list of activity quantity kinds (số tin bài, số buổi, số người dự, …). */
export const campaignQuantityKinds = pgTable(
  'campaign_quantity_kinds',
  {
    code: text('code').primaryKey(),
    label: text('label').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [check('campaign_quantity_kinds_code', sql`${t.code} ~ '^[a-z][a-z0-9_]*$'`)],
);
