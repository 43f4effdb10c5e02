import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units, users } from '../../platform/db/schema/org.js';
import type { AttemptAnswers, AttemptQuestion, CollectivePrize, ContestAudience, Difficulty, FlagKind, ParticipantGroup, PredictionKind, Prize } from './types.js';

/**
 * Cuộc thi: a quiz contest owned by an organiser unit. `audience` is 'public' (anyone registers
 * once per contest as a participant) or 'internal' (the accounts whose home unit is in the subtree of
 * `audienceUnitId`, by default the organiser, take part under their account).
 */
export const contests = pgTable(
  'contests',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: text('code').notNull().unique('contests_code_key'),
    title: text('title').notNull(),
    organiserUnitId: integer('organiser_unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    audience: text('audience').$type<ContestAudience>().notNull(),
    audienceUnitId: integer('audience_unit_id').references(() => units.id, { onDelete: 'restrict' }),
    /** Thể lệ: the rules text shown to participants. */
    rules: text('rules').notNull().default(''),
    collectivePrizes: jsonb('collective_prizes').$type<CollectivePrize[]>().notNull().default([]),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contests_organiser_idx').on(t.organiserUnitId), check('contests_audience_check', sql`${t.audience} in ('public','internal')`)],
);

/**
 * Vòng thi: a round with its opening and closing instants (server clock only) and its settings,
 * locked once `opensAt` has passed. The closing computation fills `closedAt`, the official figure,
 * the instant it was counted at and how; `resultsConfirmedAt` when a person has reviewed the flags
 * and confirmed the prizes.
 */
export const contestRounds = pgTable(
  'contest_rounds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    contestId: integer('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    questionsPerAttempt: integer('questions_per_attempt').notNull(),
    timeLimitSeconds: integer('time_limit_seconds').notNull(),
    attemptsAllowed: integer('attempts_allowed').notNull(),
    graceSeconds: integer('grace_seconds').notNull().default(5),
    prediction: text('prediction').$type<PredictionKind>().notNull(),
    prizes: jsonb('prizes').$type<Prize[]>().notNull().default([]),
    /** Topics the round draws from (empty: every topic of the contest's bank). */
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    officialFigure: integer('official_figure'),
    /** Vietnamese sentence: what was counted, over which attempts, up to which instant. */
    officialMethod: text('official_method'),
    resultsConfirmedAt: timestamp('results_confirmed_at', { withTimezone: true }),
    resultsConfirmedByUserId: integer('results_confirmed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Frozen by the closing computation: scored attempts, distinct people, people with a perfect score. */
    resultAttempts: integer('result_attempts'),
    resultPeople: integer('result_people'),
    resultPerfectScores: integer('result_perfect_scores'),
    /** When the suspicious-pattern flags of the closed round were computed (job `contests.flag-round`). */
    flagsComputedAt: timestamp('flags_computed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('contest_rounds_contest_number_key').on(t.contestId, t.number),
    index('contest_rounds_closes_idx').on(t.closesAt),
    check('contest_rounds_window_check', sql`${t.opensAt} < ${t.closesAt}`),
    check('contest_rounds_prediction_check', sql`${t.prediction} in ('perfect-scores','attempts')`),
    check('contest_rounds_settings_check', sql`${t.questionsPerAttempt} > 0 and ${t.timeLimitSeconds} > 0 and ${t.attemptsAllowed} > 0 and ${t.graceSeconds} >= 0`),
  ],
);

/**
 * A question of a contest's bank (câu hỏi). Its text, options and key live in versions: an edit after
 * the question was used in an attempt creates a new version, and attempts keep the version they saw.
 * `contentHash` (of the normalised current text, options and key) makes imports idempotent. A
 * `disputed` question is never drawn in a scored round.
 */
export const contestQuestions = pgTable(
  'contest_questions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    contestId: integer('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull().default(''),
    difficulty: text('difficulty').$type<Difficulty>().notNull(),
    disputed: boolean('disputed').notNull().default(false),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    currentVersionId: integer('current_version_id'),
    contentHash: text('content_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contest_questions_contest_hash_key').on(t.contestId, t.contentHash),
    index('contest_questions_pool_idx').on(t.contestId, t.difficulty),
    check('contest_questions_difficulty_check', sql`${t.difficulty} in ('easy','medium','hard')`),
  ],
);

/** One version of a question: what a participant saw. `correct` holds option indices (0-based). */
export const contestQuestionVersions = pgTable(
  'contest_question_versions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    questionId: integer('question_id')
      .notNull()
      .references(() => contestQuestions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    options: text('options').array().notNull(),
    correct: integer('correct').array().notNull(),
    /** Document and section, or an address. */
    source: text('source').notNull().default(''),
    /** Shown in practice mode and after the round closes. */
    explanation: text('explanation').notNull().default(''),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contest_question_versions_key').on(t.questionId, t.version)],
);

/**
 * A person taking part in a contest (người dự thi). Public contests: one person = one normalised
 * phone (`phoneKey`, a keyed hash) or one ID number (`idHash`, salted hash; only its last four digits
 * are kept in clear); name and phone are sealed in `sealedContact` (platform/crypto), visible only to
 * the organiser's editors; `phoneMasked` (e.g. 0912***678) is what published results show.
 * Internal contests: `userId` is the account and the contact fields are empty.
 * `unitId` is picked from the active units of the tree; a person's tallies count at that unit.
 */
export const contestParticipants = pgTable(
  'contest_participants',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    contestId: integer('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    displayName: text('display_name').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    participantGroup: text('participant_group').$type<ParticipantGroup>().notNull(),
    phoneKey: text('phone_key'),
    phoneMasked: text('phone_masked'),
    idHash: text('id_hash'),
    idLast4: text('id_last4'),
    sealedContact: text('sealed_contact'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contest_participants_phone_key').on(t.contestId, t.phoneKey),
    uniqueIndex('contest_participants_id_key').on(t.contestId, t.idHash),
    uniqueIndex('contest_participants_user_key').on(t.contestId, t.userId),
    index('contest_participants_unit_idx').on(t.unitId),
  ],
);

/**
 * Lượt thi: one attempt. `number` (1..attemptsAllowed) is unique per round and person, so concurrent
 * starts beyond the limit fail on the key. Practice attempts (`practice`) are never ranked or counted.
 * `questions` is the drawn form (question version ids with the shuffled option order); `answers` the
 * answers saved so far by position, each with its saved instant. `unitId` copies the participant's
 * unit so tallies and participation need no join. Scored on the server at submission (or when the
 * limit plus grace has passed): `score`, `durationMs` (capped at the limit), `submittedAt`.
 * The table has fillfactor 60 (migration 0025, which drizzle cannot express): saves are HOT updates.
 */
export const contestAttempts = pgTable(
  'contest_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => contestRounds.id, { onDelete: 'cascade' }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => contestParticipants.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull(),
    number: integer('number').notNull(),
    practice: boolean('practice').notNull().default(false),
    questions: jsonb('questions').$type<AttemptQuestion[]>().notNull(),
    answers: jsonb('answers').$type<AttemptAnswers>().notNull().default({}),
    prediction: integer('prediction'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** startedAt + the round's time limit: answers saved after it (plus grace) do not count. */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    score: integer('score'),
    maxScore: integer('max_score').notNull(),
    durationMs: integer('duration_ms'),
    clientKey: text('client_key'),
  },
  (t) => [
    uniqueIndex('contest_attempts_number_key').on(t.roundId, t.participantId, t.practice, t.number),
    index('contest_attempts_round_rank_idx').on(t.roundId, t.score, t.durationMs),
    index('contest_attempts_participant_idx').on(t.participantId),
    /** Figures of a subtree and a period (contests.attempts|people|perfectScores): scored attempts by unit and submission instant. */
    index('contest_attempts_unit_submitted_idx').on(t.unitId, t.submittedAt).where(sql`not ${t.practice} and ${t.submittedAt} is not null`),
    /**
     * Attempts in progress (a few thousand at most): what the closing computation finalises, without
     * scanning the round. Keyed by id, not by round: the statistics of `submitted_at is null` are
     * read while few attempts are open, so at a peak the planner takes this index for the saves'
     * and submissions' `id = … and submitted_at is null` too — keyed by round, each one then walked
     * every open attempt of the round (151 ms a save with 20,000 open); keyed by id, it is a lookup.
     */
    index('contest_attempts_open_idx').on(t.id).where(sql`${t.submittedAt} is null`),
  ],
);

/**
 * The ranking of a closed round, computed once when it closes: one row per person (their best
 * attempt, the first on ties), ordered by score, |prediction − official figure|, duration, then
 * submission instant. `rank` is 1-based and unique. `excluded` is set when a reviewed flag removes
 * the person from the prizes.
 */
export const contestRoundResults = pgTable(
  'contest_round_results',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => contestRounds.id, { onDelete: 'cascade' }),
    participantId: integer('participant_id')
      .notNull()
      .references(() => contestParticipants.id, { onDelete: 'cascade' }),
    attemptId: bigint('attempt_id', { mode: 'number' }).notNull(),
    rank: integer('rank').notNull(),
    score: integer('score').notNull(),
    predictionDistance: bigint('prediction_distance', { mode: 'number' }),
    durationMs: integer('duration_ms').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    unitId: integer('unit_id').notNull(),
    excluded: boolean('excluded').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.participantId] }), uniqueIndex('contest_round_results_rank_key').on(t.roundId, t.rank)],
);

/**
 * Per round and unit (the participant's own unit, not its subtree): attempts, distinct people and
 * people with a perfect score; `roundId` 0 holds the contest's totals (distinct people over all
 * rounds). Kept exact by the submission transaction; a unit's subtree figure is the sum over the
 * subtree's units because each person belongs to exactly one unit.
 */
export const contestUnitTallies = pgTable(
  'contest_unit_tallies',
  {
    contestId: integer('contest_id')
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    roundId: integer('round_id').notNull(),
    unitId: integer('unit_id').notNull(),
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
    people: bigint('people', { mode: 'number' }).notNull().default(0),
    perfectScores: bigint('perfect_scores', { mode: 'number' }).notNull().default(0),
    /** Sum of first-attempt scores (÷ people = mean first-attempt score). */
    firstAttemptScoreSum: bigint('first_attempt_score_sum', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.roundId, t.unitId] })],
);

/** A unit's headcount (e.g. its party members), set by the unit's admin: the participation rate's denominator. */
export const unitHeadcounts = pgTable('unit_headcounts', {
  unitId: integer('unit_id')
    .primaryKey()
    .references(() => units.id, { onDelete: 'cascade' }),
  headcount: integer('headcount').notNull(),
  /** What is counted, in Vietnamese (null: party members). */
  label: text('label'),
  updatedByUserId: integer('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A suspicious pattern found off the hot path after a round closes, for a person to review before
 * prizes are confirmed: a perfect score in an implausibly short time, identical answer sequences
 * across people, many people from one client address.
 */
export const contestFlags = pgTable(
  'contest_flags',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    roundId: integer('round_id')
      .notNull()
      .references(() => contestRounds.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<FlagKind>().notNull(),
    participantIds: integer('participant_ids').array().notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    score: real('score'),
    decision: text('decision').$type<'cleared' | 'excluded'>(),
    reviewedByUserId: integer('reviewed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contest_flags_round_idx').on(t.roundId), check('contest_flags_kind_check', sql`${t.kind} in ('fast-perfect','identical-answers','shared-client')`)],
);

/**
 * A closed round's item statistics sums (statistics/repository.ts `selectRoundItemSums`), computed
 * once after the close by the `contests.item-statistics` job: a national round's million attempts
 * take tens of seconds to add up, which an organiser's page must not wait for. The round's attempts
 * no longer change once it is closed.
 */
export const contestRoundItemSums = pgTable('contest_round_item_sums', {
  roundId: integer('round_id')
    .primaryKey()
    .references(() => contestRounds.id, { onDelete: 'cascade' }),
  sums: jsonb('sums').notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});
