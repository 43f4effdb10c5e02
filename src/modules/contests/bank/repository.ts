/** SQL of the question bank: questions with their current version, versions, use in attempts, bulk inserts. */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable, type Tx } from '../../../platform/db/database.js';
import { contestQuestions, contestQuestionVersions } from '../tables.js';
import type { Difficulty } from '../types.js';
import type { QuestionContent, QuestionInput } from './question.js';

export type Question = typeof contestQuestions.$inferSelect;
export type QuestionVersion = typeof contestQuestionVersions.$inferSelect;

export interface QuestionFilter {
  topic?: string | undefined;
  difficulty?: Difficulty | undefined;
  disputed?: boolean | undefined;
  /** Retired questions too (default: only the bank in use). */
  retired?: boolean | undefined;
}

export interface QuestionRow {
  question: Question;
  version: QuestionVersion;
}

export async function selectQuestionRows(db: Queryable, contestId: number, filter: QuestionFilter): Promise<QuestionRow[]> {
  const conditions: SQL[] = [eq(contestQuestions.contestId, contestId)];
  if (filter.topic !== undefined) conditions.push(eq(contestQuestions.topic, filter.topic));
  if (filter.difficulty !== undefined) conditions.push(eq(contestQuestions.difficulty, filter.difficulty));
  if (filter.disputed !== undefined) conditions.push(eq(contestQuestions.disputed, filter.disputed));
  if (filter.retired !== true) conditions.push(isNull(contestQuestions.retiredAt));
  return db
    .select({ question: contestQuestions, version: contestQuestionVersions })
    .from(contestQuestions)
    .innerJoin(contestQuestionVersions, eq(contestQuestionVersions.id, contestQuestions.currentVersionId))
    .where(and(...conditions))
    .orderBy(asc(contestQuestions.id));
}

export async function selectQuestionRow(db: Queryable, questionId: number, options: { forUpdate?: boolean } = {}): Promise<QuestionRow | null> {
  const query = db
    .select({ question: contestQuestions, version: contestQuestionVersions })
    .from(contestQuestions)
    .innerJoin(contestQuestionVersions, eq(contestQuestionVersions.id, contestQuestions.currentVersionId))
    .where(eq(contestQuestions.id, questionId));
  const rows = options.forUpdate ? await query.for('update', { of: contestQuestions }) : await query;
  return rows[0] ?? null;
}

export async function selectQuestionContestId(db: Queryable, questionId: number): Promise<number | null> {
  const rows = await db.select({ contestId: contestQuestions.contestId }).from(contestQuestions).where(eq(contestQuestions.id, questionId));
  return rows[0]?.contestId ?? null;
}

export async function selectVersions(db: Queryable, questionId: number): Promise<QuestionVersion[]> {
  return db.select().from(contestQuestionVersions).where(eq(contestQuestionVersions.questionId, questionId)).orderBy(asc(contestQuestionVersions.version));
}

/** Versions an attempt of the contest drew (one containment probe per version, stopping at the first attempt). */
function usedVersionCondition(contestId: number): SQL {
  return sql`exists (
    select 1 from contest_attempts a join contest_rounds r on r.id = a.round_id
    where r.contest_id = ${contestId} and a.questions @> jsonb_build_array(jsonb_build_object('versionId', v.id)))`;
}

/** The questions (of `questionIds`) with a version drawn in some attempt of the contest. */
export async function selectUsedQuestionIds(db: Queryable, contestId: number, questionIds: readonly number[]): Promise<Set<number>> {
  if (questionIds.length === 0) return new Set();
  const rows = await db.execute<{ question_id: number }>(sql`
    select distinct v.question_id from contest_question_versions v
    where v.question_id = any(${pgArray([...questionIds])}::int[]) and ${usedVersionCondition(contestId)}`);
  return new Set(rows.rows.map((r) => r.question_id));
}

/** The hashes among `hashes` that the contest's bank already holds (retired questions included). */
export async function selectPresentHashes(db: Queryable, contestId: number, hashes: readonly string[]): Promise<Map<string, number>> {
  if (hashes.length === 0) return new Map();
  const rows = await db
    .select({ id: contestQuestions.id, hash: contestQuestions.contentHash })
    .from(contestQuestions)
    .where(and(eq(contestQuestions.contestId, contestId), inArray(contestQuestions.contentHash, [...new Set(hashes)])));
  return new Map(rows.map((r) => [r.hash, r.id]));
}

export interface NewQuestion {
  input: QuestionInput;
  contentHash: string;
}

const versionValues = (questionId: number, version: number, content: QuestionContent, userId: number | null) => ({
  questionId,
  version,
  text: content.text,
  options: content.options,
  correct: content.correct,
  source: content.source,
  explanation: content.explanation,
  createdByUserId: userId,
});

/**
 * Inserts questions with their first version, three statements whatever their number; a hash the
 * bank holds already (a concurrent import) is skipped. Returns the new questions' ids by hash.
 */
export async function insertQuestions(tx: Tx, contestId: number, questions: readonly NewQuestion[], userId: number | null): Promise<Map<string, number>> {
  if (questions.length === 0) return new Map();
  const inserted = await tx
    .insert(contestQuestions)
    .values(questions.map((q) => ({ contestId, topic: q.input.topic, difficulty: q.input.difficulty, disputed: q.input.disputed, contentHash: q.contentHash })))
    .onConflictDoNothing()
    .returning({ id: contestQuestions.id, hash: contestQuestions.contentHash });
  const ids = new Map(inserted.map((r) => [r.hash, r.id]));
  const fresh = questions.filter((q) => ids.has(q.contentHash));
  if (fresh.length === 0) return ids;
  const versions = await tx
    .insert(contestQuestionVersions)
    .values(fresh.map((q) => versionValues(ids.get(q.contentHash) as number, 1, q.input, userId)))
    .returning({ id: contestQuestionVersions.id, questionId: contestQuestionVersions.questionId });
  await tx.execute(sql`
    update contest_questions q set current_version_id = v.version_id
    from unnest(${pgArray(versions.map((v) => v.questionId))}::int[], ${pgArray(versions.map((v) => v.id))}::int[]) as v(question_id, version_id)
    where q.id = v.question_id`);
  return ids;
}

export async function insertVersion(tx: Tx, questionId: number, version: number, content: QuestionContent, userId: number | null): Promise<number> {
  const rows = await tx.insert(contestQuestionVersions).values(versionValues(questionId, version, content, userId)).returning({ id: contestQuestionVersions.id });
  return (rows[0] as { id: number }).id;
}

export async function updateVersionInPlace(tx: Tx, versionId: number, content: QuestionContent): Promise<void> {
  await tx
    .update(contestQuestionVersions)
    .set({ text: content.text, options: content.options, correct: content.correct, source: content.source, explanation: content.explanation })
    .where(eq(contestQuestionVersions.id, versionId));
}

export async function updateQuestion(tx: Tx, questionId: number, set: Partial<Pick<Question, 'topic' | 'difficulty' | 'disputed' | 'contentHash' | 'currentVersionId' | 'retiredAt'>>): Promise<void> {
  await tx
    .update(contestQuestions)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(contestQuestions.id, questionId));
}

/** Another question of the contest with this hash (the bank holds each question once). */
export async function selectOtherWithHash(db: Queryable, contestId: number, hash: string, questionId: number): Promise<number | null> {
  const rows = await db
    .select({ id: contestQuestions.id })
    .from(contestQuestions)
    .where(and(eq(contestQuestions.contestId, contestId), eq(contestQuestions.contentHash, hash), sql`${contestQuestions.id} <> ${questionId}`));
  return rows[0]?.id ?? null;
}
