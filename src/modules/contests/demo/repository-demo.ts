/**
 * SQL of the contests demo and benchmark: the rounds and draw pool of the demo contest, a closed
 * round's attempts written in one statement (the demo plays last week's round in the past, so it
 * writes what the attempt operations would have written then), and the unit tallies of a round
 * recomputed from its attempts set-based (what the submission transactions keep, counted plainly).
 */
import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import type { AttemptAnswers, AttemptQuestion, Difficulty } from '../types.js';

export async function selectDemoUserId(db: Queryable, username: string): Promise<number | null> {
  const result = await db.execute<{ id: number }>(sql`select id from users where username = ${username}`);
  return result.rows[0]?.id ?? null;
}

export async function selectUnitIdsByCode(db: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
  const result = await db.execute<{ id: number; code: string }>(sql`select id, code from units where code = any(${pgArray(codes)}::text[])`);
  return new Map(result.rows.map((r) => [r.code, r.id]));
}

export interface DemoRound {
  id: number;
  number: number;
  opensAt: Date;
  closesAt: Date;
  timeLimitSeconds: number;
  questionsPerAttempt: number;
  topics: string[];
}

export async function selectDemoRounds(db: Queryable, contestId: number): Promise<DemoRound[]> {
  const result = await db.execute<{ id: number; number: number; opens_at: string; closes_at: string; time_limit_seconds: number; questions_per_attempt: number; topics: string[] }>(sql`
    select id, number, opens_at, closes_at, time_limit_seconds, questions_per_attempt, topics from contest_rounds where contest_id = ${contestId} order by number`);
  return result.rows.map((r) => ({
    id: r.id,
    number: r.number,
    opensAt: new Date(r.opens_at),
    closesAt: new Date(r.closes_at),
    timeLimitSeconds: r.time_limit_seconds,
    questionsPerAttempt: r.questions_per_attempt,
    topics: r.topics,
  }));
}

export interface DemoPoolItem {
  questionId: number;
  versionId: number;
  difficulty: Difficulty;
  optionCount: number;
  correct: number[];
}

/** The current versions a scored round of these topics draws from (never a disputed or retired question). */
export async function selectDemoPool(db: Queryable, contestId: number, topics: readonly string[]): Promise<DemoPoolItem[]> {
  const result = await db.execute<{ question_id: number; version_id: number; difficulty: Difficulty; option_count: number; correct: number[] }>(sql`
    select q.id as question_id, v.id as version_id, q.difficulty, cardinality(v.options) as option_count, v.correct
    from contest_questions q join contest_question_versions v on v.id = q.current_version_id
    where q.contest_id = ${contestId} and not q.disputed and q.retired_at is null
      and (cardinality(${pgArray(topics)}::text[]) = 0 or q.topic = any(${pgArray(topics)}::text[]))
    order by q.id`);
  return result.rows.map((r) => ({ questionId: r.question_id, versionId: r.version_id, difficulty: r.difficulty, optionCount: r.option_count, correct: r.correct }));
}

export interface DemoAttemptRow {
  roundId: number;
  participantId: number;
  unitId: number;
  number: number;
  questions: AttemptQuestion[];
  answers: AttemptAnswers;
  prediction: number | null;
  startedAt: Date;
  deadlineAt: Date;
  submittedAt: Date;
  score: number;
  maxScore: number;
  durationMs: number;
  clientKey: string | null;
}

/** Submitted, scored attempts of a past round, in one statement. */
export async function insertDemoAttempts(db: Queryable, rows: readonly DemoAttemptRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: DemoAttemptRow) => T) => pgArray(rows.map(f));
  const iso = (d: Date) => d.toISOString();
  await db.execute(sql`
    insert into contest_attempts (round_id, participant_id, unit_id, number, practice, questions, answers, prediction, started_at, deadline_at, submitted_at, score, max_score, duration_ms, client_key)
    select round_id, participant_id, unit_id, number, false, questions::jsonb, answers::jsonb, prediction, started_at, deadline_at, submitted_at, score, max_score, duration_ms, client_key
    from unnest(${col((r) => r.roundId)}::int[], ${col((r) => r.participantId)}::int[], ${col((r) => r.unitId)}::int[], ${col((r) => r.number)}::int[],
      ${col((r) => JSON.stringify(r.questions))}::text[], ${col((r) => JSON.stringify(r.answers))}::text[], ${col((r) => r.prediction)}::int[],
      ${col((r) => iso(r.startedAt))}::timestamptz[], ${col((r) => iso(r.deadlineAt))}::timestamptz[], ${col((r) => iso(r.submittedAt))}::timestamptz[],
      ${col((r) => r.score)}::int[], ${col((r) => r.maxScore)}::int[], ${col((r) => r.durationMs)}::int[], ${col((r) => r.clientKey)}::text[])
      as t(round_id, participant_id, unit_id, number, questions, answers, prediction, started_at, deadline_at, submitted_at, score, max_score, duration_ms, client_key)`);
}

/**
 * The unit tallies of one round (`roundNumber` > 0) or of the whole contest (0), recomputed from the
 * attempts: per participant's own unit, submitted scored attempts, distinct people, distinct people
 * with a perfect score, and the sum of each person's first submitted attempt's score (in the
 * round; in the whole contest for 0) — what the submissions add up one by one.
 */
export async function recomputeUnitTallies(db: Queryable, contestId: number, roundNumber: number): Promise<void> {
  await db.execute(sql`
    with scored as (
      select a.id, a.participant_id, a.unit_id, a.score, a.max_score, a.submitted_at
      from contest_attempts a join contest_rounds r on r.id = a.round_id
      where r.contest_id = ${contestId} and (${roundNumber}::int = 0 or r.number = ${roundNumber}::int)
        and not a.practice and a.submitted_at is not null and a.score is not null
    ), firsts as (
      select distinct on (participant_id) participant_id, unit_id, score from scored order by participant_id, submitted_at, id
    ), first_sums as (
      select unit_id, sum(score) as first_sum from firsts group by unit_id
    ), per_unit as (
      select unit_id, count(*) as attempts, count(distinct participant_id) as people,
        count(distinct participant_id) filter (where score = max_score) as perfect_scores
      from scored group by unit_id
    )
    insert into contest_unit_tallies (contest_id, round_id, unit_id, attempts, people, perfect_scores, first_attempt_score_sum)
    select ${contestId}, case when ${roundNumber}::int = 0 then 0 else (select id from contest_rounds where contest_id = ${contestId} and number = ${roundNumber}::int) end,
      p.unit_id, p.attempts, p.people, p.perfect_scores, coalesce(f.first_sum, 0)
    from per_unit p left join first_sums f on f.unit_id = p.unit_id
    on conflict (contest_id, round_id, unit_id) do update set attempts = excluded.attempts, people = excluded.people,
      perfect_scores = excluded.perfect_scores, first_attempt_score_sum = excluded.first_attempt_score_sum`);
}

/** The drawn form of an attempt (the demo answers it knowing the keys). */
export async function selectAttemptQuestions(db: Queryable, attemptId: number): Promise<AttemptQuestion[]> {
  const result = await db.execute<{ questions: AttemptQuestion[] }>(sql`select questions from contest_attempts where id = ${attemptId}`);
  return result.rows[0]?.questions ?? [];
}


export interface DemoParticipantRow {
  name: string;
  unitId: number;
  group: string;
  phoneKey: string;
  phoneMasked: string;
  sealedContact: string;
  consentAt: Date;
}

/** The demo's people registered in one statement (keys and sealed contact computed as the registration does): ids by phone key. */
export async function insertDemoParticipants(db: Queryable, contestId: number, rows: readonly DemoParticipantRow[]): Promise<Map<string, number>> {
  const col = <T>(f: (r: DemoParticipantRow) => T) => pgArray(rows.map(f));
  const result = await db.execute<{ id: number; phone_key: string }>(sql`
    insert into contest_participants (contest_id, display_name, unit_id, participant_group, phone_key, phone_masked, sealed_contact, consent_at, created_at)
    select ${contestId}, name, unit_id, grp, phone_key, phone_masked, sealed_contact, consent_at, consent_at
    from unnest(${col((r) => r.name)}::text[], ${col((r) => r.unitId)}::int[], ${col((r) => r.group)}::text[], ${col((r) => r.phoneKey)}::text[],
      ${col((r) => r.phoneMasked)}::text[], ${col((r) => r.sealedContact)}::text[], ${col((r) => r.consentAt.toISOString())}::timestamptz[]) with ordinality
      as t(name, unit_id, grp, phone_key, phone_masked, sealed_contact, consent_at, n)
    order by n returning id, phone_key`);
  return new Map(result.rows.map((r) => [r.phone_key, r.id]));
}
