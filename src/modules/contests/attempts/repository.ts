import { sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../../../platform/db/database.js';
import { executePrepared, preparedSql, prepareStatement, runPrepared } from '../../../platform/db/prepared.js';
import type { AttemptAnswers, AttemptQuestion, PredictionKind } from '../types.js';

/**
 * SQL of attempts: the atomic start (the attempt number under its unique key), one statement per
 * saved answer, and the submission's lock, update and unit tallies. Practice never writes here.
 */

/** The person's earlier attempts in the contest (what they saw; how many in each round). */
export async function selectPersonAttempts(db: Queryable, participantId: number): Promise<{ roundId: number; questions: AttemptQuestion[] }[]> {
  const result = await executePrepared<{ roundId: number; questions: AttemptQuestion[] }>(db, 'contests.person-attempts', sql`
    select round_id as "roundId", questions from contest_attempts where participant_id = ${participantId} and not practice`);
  return result.rows;
}

export interface NewAttempt {
  roundId: number;
  participantId: number;
  allowed: number;
  questions: AttemptQuestion[];
  startedAt: Date;
  deadlineAt: Date;
  clientKey: string | null;
}

/**
 * Inserts the next attempt (number = attempts so far + 1) unless the allowed number is reached;
 * null then. Two concurrent starts computing the same number collide on the unique key
 * (contest_attempts_number_key): the caller retries, and the retry sees the other's row.
 */
export async function insertAttempt(db: Queryable, a: NewAttempt): Promise<{ id: number; number: number } | null> {
  const result = await executePrepared<{ id: number; number: number }>(db, 'contests.insert-attempt', sql`
    insert into contest_attempts (round_id, participant_id, unit_id, number, questions, started_at, deadline_at, max_score, client_key)
    select ${a.roundId}, p.id, p.unit_id, n.next, ${JSON.stringify(a.questions)}::jsonb, ${a.startedAt}, ${a.deadlineAt}, ${a.questions.length}, ${a.clientKey}
    from contest_participants p,
      (select coalesce(max(number), 0) + 1 as next from contest_attempts where round_id = ${a.roundId} and participant_id = ${a.participantId} and not practice) n
    where p.id = ${a.participantId} and n.next <= ${a.allowed}
    returning id, number`);
  const row = result.rows[0];
  return row ? { id: Number(row.id), number: row.number } : null;
}

export interface AttemptRow {
  id: number;
  roundId: number;
  participantId: number;
  contestId: number;
  number: number;
  questions: AttemptQuestion[];
  answers: AttemptAnswers;
  prediction: number | null;
  startedAt: Date;
  deadlineAt: Date;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number;
  durationMs: number | null;
  roundNumber: number;
  attemptsAllowed: number;
  attemptsUsed: number;
  graceSeconds: number;
  predictionKind: PredictionKind;
  closesAt: Date;
  closedAt: Date | null;
}

export async function selectAttempt(db: Queryable, attemptId: number): Promise<AttemptRow | null> {
  const result = await db.execute<AttemptRow & Record<string, unknown>>(sql`
    select a.id, a.round_id as "roundId", a.participant_id as "participantId", r.contest_id as "contestId", a.number, a.questions, a.answers,
      a.prediction, a.started_at as "startedAt", a.deadline_at as "deadlineAt", a.submitted_at as "submittedAt", a.score, a.max_score as "maxScore",
      a.duration_ms as "durationMs", r.number as "roundNumber", r.attempts_allowed as "attemptsAllowed", r.grace_seconds as "graceSeconds",
      r.prediction as "predictionKind", r.closes_at as "closesAt", r.closed_at as "closedAt",
      (select count(*)::int from contest_attempts b where b.round_id = a.round_id and b.participant_id = a.participant_id and not b.practice) as "attemptsUsed"
    from contest_attempts a join contest_rounds r on r.id = a.round_id
    where a.id = ${attemptId} and not a.practice`);
  const row = result.rows[0];
  return row ? { ...row, id: Number(row.id), startedAt: new Date(row.startedAt), deadlineAt: new Date(row.deadlineAt), submittedAt: row.submittedAt && new Date(row.submittedAt), closesAt: new Date(row.closesAt), closedAt: row.closedAt && new Date(row.closedAt) } : null;
}

/** A placeholder bound at each call, cast to its type. */
const p = (name: string, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;

/** The attempt is unsubmitted and `now` is at most its deadline plus the round's grace (c: the attempt, r: its round). */
const saveAllowed = sql`c.id = ${p('attemptId', 'bigint')} and r.id = c.round_id and not c.practice and c.submitted_at is null
      and ${p('now', 'timestamptz')} <= c.deadline_at + make_interval(secs => r.grace_seconds)`;

// Composed once (platform/db/prepared.ts): a save binds its values and builds no SQL.
const saveAnswerStatement = prepareStatement(
  'contests.save-answer',
  sql`update contest_attempts c
    set answers = c.answers || jsonb_build_object(${p('key', 'text')}, jsonb_build_object('chosen', ${p('chosen', 'jsonb')}, 'savedAt', ${p('savedAt', 'text')}))
    from contest_rounds r
    where ${saveAllowed}
      and ${p('position', 'int')} < jsonb_array_length(c.questions)
      and coalesce(${p('highest', 'int')} < jsonb_array_length(c.questions -> ${p('position', 'int')} -> 'optionOrder'), false)
    returning c.id`,
);

const savePredictionStatement = prepareStatement(
  'contests.save-prediction',
  sql`update contest_attempts c set prediction = ${p('value', 'int')} from contest_rounds r where ${saveAllowed} returning c.id`,
);

export interface AnswerSave {
  attemptId: number;
  position: number;
  chosen: number[];
  now: Date;
}

const answerValues = (a: AnswerSave) => ({
  attemptId: a.attemptId,
  now: a.now,
  key: String(a.position),
  chosen: JSON.stringify(a.chosen),
  savedAt: a.now.toISOString(),
  position: a.position,
  highest: Math.max(-1, ...a.chosen),
});

/**
 * Saves one answer in ONE statement, only while the attempt is unsubmitted and `now` ≤ deadline +
 * grace, the position exists and every chosen position is one of its options; false otherwise.
 */
export async function updateAnswer(db: Queryable, a: AnswerSave): Promise<boolean> {
  const rows = await runPrepared(db, saveAnswerStatement, answerValues(a));
  return rows.length > 0;
}

/** The save's statement as SQL (apart, so that its plan can be checked). */
export function updateAnswerStatement(a: AnswerSave): SQL {
  return preparedSql(saveAnswerStatement, answerValues(a));
}

/** Saves the prediction under the same rule as an answer. */
export async function updatePrediction(db: Queryable, a: { attemptId: number; value: number; now: Date }): Promise<boolean> {
  return (await runPrepared(db, savePredictionStatement, a)).length > 0;
}

export interface AttemptToFinish {
  id: number;
  roundId: number;
  participantId: number;
  questions: AttemptQuestion[];
  answers: AttemptAnswers;
  prediction: number | null;
  startedAt: Date;
  deadlineAt: Date;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number;
  durationMs: number | null;
  graceSeconds: number;
}

/**
 * The attempt as a submission scores it, read WITHOUT a lock: `finishAttempt` checks under the lock
 * that it is still unsubmitted with the same answers and prediction, and the caller reads again if not.
 */
const attemptToFinishStatement = prepareStatement(
  'contests.attempt-to-finish',
  sql`select a.id, a.round_id as "roundId", a.participant_id as "participantId", a.questions, a.answers, a.prediction,
      a.started_at as "startedAt", a.deadline_at as "deadlineAt", a.submitted_at as "submittedAt", a.score, a.max_score as "maxScore",
      a.duration_ms as "durationMs", r.grace_seconds as "graceSeconds"
    from contest_attempts a join contest_rounds r on r.id = a.round_id
    where a.id = ${p('attemptId', 'bigint')} and not a.practice`,
);

export async function selectAttemptToFinish(db: Queryable, attemptId: number): Promise<AttemptToFinish | null> {
  const [row] = await runPrepared<AttemptToFinish & Record<string, unknown>>(db, attemptToFinishStatement, { attemptId });
  return row ? { ...row, id: Number(row.id), startedAt: new Date(row.startedAt), deadlineAt: new Date(row.deadlineAt), submittedAt: row.submittedAt && new Date(row.submittedAt) } : null;
}

export interface Finish {
  attempt: AttemptToFinish;
  score: number;
  submittedAt: Date;
  durationMs: number;
  prediction: number | null;
}

/** What `finishAttempt` did: finished, or nothing because the attempt is submitted, changed since the read, or gone. */
export type FinishOutcome = 'finished' | 'submitted' | 'changed' | 'missing';

/**
 * Marks the attempt submitted and adds it to the unit tallies of its round and of the contest, in
 * ONE call of `contest_finish_attempt` (migration 0029): it locks the attempt and its person (a
 * person's submissions and the closing's finalisation of their attempts run one after the other, so
 * "first attempt" and "first perfect score" are exact; saves of this attempt wait, then find it
 * submitted), checks that the attempt is unchanged since `selectAttemptToFinish`, and writes. The
 * tally rules are written out in the migration.
 */
const finishStatement = prepareStatement(
  'contests.finish-attempt',
  sql`select contest_finish_attempt(${p('attemptId', 'bigint')}, ${p('answersRead', 'jsonb')}, ${p('predictionRead', 'int')},
      ${p('score', 'int')}, ${p('submittedAt', 'timestamptz')}, ${p('durationMs', 'int')}, ${p('prediction', 'int')}) as outcome`,
);

export async function finishAttempt(db: Queryable, f: Finish): Promise<FinishOutcome> {
  const a = f.attempt;
  const [row] = await runPrepared<{ outcome: FinishOutcome }>(db, finishStatement, {
    attemptId: a.id,
    answersRead: JSON.stringify(a.answers),
    predictionRead: a.prediction,
    score: f.score,
    submittedAt: f.submittedAt,
    durationMs: f.durationMs,
    prediction: f.prediction,
  });
  return row?.outcome ?? 'missing';
}

/** Unsubmitted attempts of the round whose deadline plus grace is before `now`, a person's together. */
export async function selectExpiredAttemptIds(tx: Tx, roundId: number, now: Date): Promise<number[]> {
  const result = await tx.execute<{ id: number }>(sql`
    select a.id from contest_attempts a join contest_rounds r on r.id = a.round_id
    where a.round_id = ${roundId} and a.submitted_at is null and not a.practice
      and a.deadline_at + make_interval(secs => r.grace_seconds) < ${now}::timestamptz
    order by a.participant_id, a.id`);
  return result.rows.map((r) => Number(r.id));
}

/** Per round of the contest: the person's attempts used and best score. */
export async function selectMyRounds(db: Queryable, contestId: number, participantId: number) {
  const result = await db.execute<{ number: number; attemptsUsed: number; attemptsAllowed: number; best: number | null }>(sql`
    select r.number, count(a.id)::int as "attemptsUsed", r.attempts_allowed as "attemptsAllowed", max(a.score) as best
    from contest_rounds r left join contest_attempts a on a.round_id = r.id and a.participant_id = ${participantId} and not a.practice
    where r.contest_id = ${contestId} group by r.id order by r.number`);
  return result.rows;
}
