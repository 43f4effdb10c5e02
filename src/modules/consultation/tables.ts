import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units, users } from '../../platform/db/schema/org.js';

/** Channels, contributor groups and stances of the interchange format (README) and the glossary. */
export const channels = ['vneid', 'web', 'meeting', 'letter', 'press', 'email', 'other'] as const;
export type Channel = (typeof channels)[number];
export const contributorGroups = ['can_bo', 'dang_vien', 'cong_chuc', 'vien_chuc', 'nguoi_lao_dong', 'nhan_dan', 'nguoi_vn_o_nuoc_ngoai', 'khac'] as const;
export type ContributorGroup = (typeof contributorGroups)[number];
export const stances = ['agree', 'disagree', 'partial', 'none'] as const;
export type Stance = (typeof stances)[number];

/** A consultation on one or more draft documents (lấy ý kiến góp ý vào dự thảo). */
export const consultations = pgTable('consultations', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull().unique('consultations_code_key'),
  title: text('title').notNull(),
  opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
  closesAt: timestamp('closes_at', { withTimezone: true }),
  /** Weekly cut-off (ISO weekday 1–7 and HH:MM, Vietnam time): by default Wednesday 16:00. */
  cutoffWeekday: smallint('cutoff_weekday').notNull().default(3),
  cutoffTime: text('cutoff_time').notNull().default('16:00'),
  /** Per-level report deadlines (platform/time PeriodDeadlineRule by level), e.g. grassroots Tuesday 16:00. */
  deadlineRules: jsonb('deadline_rules').notNull().default(sql`'[]'::jsonb`),
  /** True: every unit takes part; false: only those in consultation_units (and their subtrees). */
  allUnits: boolean('all_units').notNull().default(true),
  /**
   * The unit that opened the consultation: its editors manage it, and the units taking part are in
   * its subtree. Null: a system-wide consultation (opened from the command line), managed by system admins.
   */
  ownerUnitId: integer('owner_unit_id').references(() => units.id, { onDelete: 'restrict' }),
  createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const consultationUnits = pgTable(
  'consultation_units',
  {
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('consultation_units_key').on(t.consultationId, t.unitId)],
);

/** A draft document under consultation, split into sections with stable references. */
export const consultationDocuments = pgTable(
  'consultation_documents',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('consultation_documents_code_key').on(t.consultationId, t.code)],
);

export const documentSections = pgTable(
  'document_sections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    documentId: integer('document_id')
      .notNull()
      .references(() => consultationDocuments.id, { onDelete: 'cascade' }),
    /** Stable reference shown to readers and used in files, e.g. "II.3.b" or "P2-C1". */
    ref: text('ref').notNull(),
    parentRef: text('parent_ref'),
    heading: text('heading'),
    body: text('body').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('document_sections_ref_key').on(t.documentId, t.ref)],
);

/**
 * A submission (lượt góp ý): one person, one sending, carrying one or more opinions. `externalId` is
 * the `submission_id` of an imported file or the idempotency key of a web submission: the same one
 * never counts twice.
 *
 * No per-row foreign keys on `consultation_id` and `unit_id`, nor on `opinions.submission_id` and
 * `opinions.document_id` (migration 0006): the file import writes hundreds of thousands of rows by
 * COPY, and the per-row checks cost more server time than writing the rows with all their indexes
 * (measured in BENCHMARKS.md, "Opinion import"). Integrity is kept instead by:
 * - the only two writers, `intake/store.ts` `storeSubmission` and `import/import-opinions.ts`, which write a
 *   submission and its opinions in one transaction, with the consultation, the unit and the
 *   documents they have just read (and validated) in it, and the submission id they have just
 *   created or reserved;
 * - statement-level triggers (migration 0006) keeping the former delete rules: deleting a
 *   consultation deletes its submissions, deleting submissions deletes their opinions, and deleting a
 *   unit that received submissions or a document that has opinions is refused.
 */
export const submissions = pgTable(
  'submissions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** consultations.id (no per-row foreign key: see above). */
    consultationId: integer('consultation_id').notNull(),
    externalId: text('external_id').notNull(),
    /** units.id, the receiving unit (no per-row foreign key: see above). */
    unitId: integer('unit_id').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    contributorGroup: text('contributor_group').$type<ContributorGroup>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** True when the contributor sent it themselves (web, VNeID); false when staff entered it. */
    selfSubmitted: boolean('self_submitted').notNull(),
    opinionCount: integer('opinion_count').notNull(),
    enteredByUserId: integer('entered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('submissions_external_key').on(t.consultationId, t.externalId),
    index('submissions_unit_time_idx').on(t.consultationId, t.unitId, t.submittedAt),
    check('submissions_channel_check', sql`${t.channel} in ('vneid','web','meeting','letter','press','email','other')`),
    check(
      'submissions_group_check',
      sql`${t.contributorGroup} in ('can_bo','dang_vien','cong_chuc','vien_chuc','nguoi_lao_dong','nhan_dan','nguoi_vn_o_nuoc_ngoai','khac')`,
    ),
  ],
);

/**
 * An opinion (ý kiến) on a document and optionally a section. Counting fields are copied from its
 * submission. No per-row foreign keys (see `submissions` for why and how integrity is kept), and no
 * index on unit and time: readers find a unit's opinions of a period through its submissions
 * (submissions_unit_time_idx, then opinions_submission_idx); one more index entry per opinion cost
 * the file import more than a fifth of its server time (migration 0009).
 */
export const opinions = pgTable(
  'opinions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** submissions.id; deleting the submission deletes its opinions (statement trigger). */
    submissionId: bigint('submission_id', { mode: 'number' }).notNull(),
    consultationId: integer('consultation_id').notNull(),
    unitId: integer('unit_id').notNull(),
    /** consultation_documents.id of the same consultation; a document with opinions cannot be deleted (statement trigger). */
    documentId: integer('document_id').notNull(),
    sectionRef: text('section_ref'),
    stance: text('stance').$type<Stance>().notNull(),
    body: text('body').notNull().default(''),
    /** dedupKey of the text (platform/vn): equal keys form an identical group; nothing is ever merged or deleted. */
    textKey: text('text_key').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('opinions_submission_idx').on(t.submissionId),
    check('opinions_stance_check', sql`${t.stance} in ('agree','disagree','partial','none')`),
  ],
);

/**
 * Contributors' contact details: encrypted, kept with the unit that received them, erased after the
 * retention period. Never joined into reports.
 */
export const submissionContacts = pgTable('submission_contacts', {
  submissionId: bigint('submission_id', { mode: 'number' })
    .primaryKey()
    .references(() => submissions.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').notNull(),
  sealed: text('sealed'),
  consent: boolean('consent').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  erasedAt: timestamp('erased_at', { withTimezone: true }),
});

/**
 * The details of a meeting's minutes (submission of channel `meeting`): its kind (hội nghị, tọa
 * đàm), title and number of attendees. It was held at the submission's `submitted_at`.
 */
export const submissionMeetings = pgTable(
  'submission_meetings',
  {
    submissionId: bigint('submission_id', { mode: 'number' })
      .primaryKey()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'hoi_nghi' | 'toa_dam'>().notNull(),
    title: text('title').notNull(),
    attendees: integer('attendees').notNull(),
  },
  (t) => [check('submission_meetings_kind_check', sql`${t.kind} in ('hoi_nghi','toa_dam')`), check('submission_meetings_attendees_check', sql`${t.attendees} >= 1`)],
);

/** Import runs, for the record (who imported which file, with what result). */
export const opinionImports = pgTable('opinion_imports', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  consultationId: integer('consultation_id')
    .notNull()
    .references(() => consultations.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  rowsRead: integer('rows_read').notNull(),
  submissions: integer('submissions').notNull(),
  opinions: integer('opinions').notNull(),
  alreadyPresent: integer('already_present').notNull(),
  rejected: integer('rejected').notNull(),
  importedByUserId: integer('imported_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Representative opinions (ý kiến tiêu biểu) an editor picked for a unit's weekly report, from the
 * opinions of the unit's subtree in that week, or carried up from a child's picks
 * (`carriedFromUnitId`). The report shows them grouped by document and section.
 */
export const representativeOpinions = pgTable(
  'representative_opinions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    /** The Vietnam date of the cut-off that closes the week (YYYY-MM-DD), the weekly report's period key in period_report_submissions. */
    periodEnd: text('period_end').notNull(),
    opinionId: bigint('opinion_id', { mode: 'number' })
      .notNull()
      .references(() => opinions.id, { onDelete: 'cascade' }),
    /** The child whose pick this unit carried up, or null when picked in the unit itself. */
    carriedFromUnitId: integer('carried_from_unit_id').references(() => units.id, { onDelete: 'set null' }),
    /** The editor's remark on why it stands for many (optional). */
    note: text('note'),
    pickedByUserId: integer('picked_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    pickedAt: timestamp('picked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('representative_opinions_key').on(t.consultationId, t.unitId, t.periodEnd, t.opinionId),
    index('representative_opinions_opinion_idx').on(t.opinionId),
  ],
);

/** Dimensions of `consultation_figures`. */
export const figureDimensions = { total: 0, channel: 1, contributorGroup: 2, document: 3, stance: 4, identicalGroups: 5 } as const;

/**
 * Weekly figures of a consultation kept up to date at write time, per unit for the unit's whole
 * subtree (every submission is counted at its receiving unit and at each ancestor), per week and
 * breakdown cell: `opinions` and `contributors` (distinct submissions behind the cell). The total
 * cell (dimension 0, value '') holds the week's opinions and submissions; dimension 5 holds the
 * number of identical-opinion groups for units whose text counts are kept (`consultation_text_counts`).
 * New submissions reach these tables through `consultation_figure_queue` (see modules/consultation/figures-*.ts).
 */
export const consultationFigures = pgTable(
  'consultation_figures',
  {
    consultationId: integer('consultation_id').notNull(),
    unitId: integer('unit_id').notNull(),
    /** The cut-off instant that opens the week (the period's inclusive start). */
    weekStart: timestamp('week_start', { withTimezone: true }).notNull(),
    dimension: smallint('dimension').notNull(),
    /** Channel, contributor group, document id or stance; '' for the total and identical groups. */
    value: text('value').notNull(),
    opinions: bigint('opinions', { mode: 'number' }).notNull(),
    contributors: bigint('contributors', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ name: 'consultation_figures_pkey', columns: [t.consultationId, t.unitId, t.weekStart, t.dimension, t.value] })],
);

/**
 * Opinions per normalised text (hash of `opinions.text_key`) per week, kept for the top two levels of
 * the tree (the root and its children, e.g. the national level and the provinces), whose subtrees are
 * too large to group on the fly. A row with `opinions` ≥ 2 is an identical-opinion group.
 */
export const consultationTextCounts = pgTable(
  'consultation_text_counts',
  {
    consultationId: integer('consultation_id').notNull(),
    unitId: integer('unit_id').notNull(),
    weekStart: timestamp('week_start', { withTimezone: true }).notNull(),
    textHash: bigint('text_hash', { mode: 'number' }).notNull(),
    opinions: integer('opinions').notNull(),
  },
  (t) => [primaryKey({ name: 'consultation_text_counts_pkey', columns: [t.consultationId, t.unitId, t.weekStart, t.textHash] })],
);

/**
 * Submissions written but not yet folded into the figures, with their counting fields and the path
 * of their receiving unit from the root (`path[1]` the root … the unit itself), filled by a
 * statement trigger on `submissions` (migration 0007, SQL function `unit_paths`).
 */
export const consultationFigureQueue = pgTable('consultation_figure_queue', {
  submissionId: bigint('submission_id', { mode: 'number' }).primaryKey(),
  consultationId: integer('consultation_id').notNull(),
  unitId: integer('unit_id').notNull(),
  channel: text('channel').notNull(),
  contributorGroup: text('contributor_group').notNull(),
  opinionCount: integer('opinion_count').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  path: integer('path').array().notNull(),
});
