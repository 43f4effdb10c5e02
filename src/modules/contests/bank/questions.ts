/**
 * The question bank of a contest, for its organiser's editors (viewers read): write a question,
 * edit it — in place while no attempt has drawn it, as a new version once one has (attempts keep
 * the version they saw) —, list it with its key, list its versions, mark it disputed (never drawn
 * in a scored round), retire it. Each write audited.
 */
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { requireContestRole } from '../policy.js';
import { contentHashOf, contentProblems, normaliseContent, type QuestionInput } from './question.js';
import {
  insertQuestions,
  insertVersion,
  selectOtherWithHash,
  selectPresentHashes,
  selectQuestionContestId,
  selectQuestionRow,
  selectQuestionRows,
  selectUsedQuestionIds,
  selectVersions,
  updateQuestion,
  updateVersionInPlace,
  type QuestionFilter,
  type QuestionRow,
} from './repository.js';
import type { QuestionBody } from './schemas.js';

function viewOf(row: QuestionRow, used: boolean) {
  const { question: q, version: v } = row;
  return {
    id: q.id,
    version: v.version,
    versionId: v.id,
    text: v.text,
    options: v.options,
    correct: v.correct,
    topic: q.topic,
    difficulty: q.difficulty,
    source: v.source,
    explanation: v.explanation,
    disputed: q.disputed,
    used,
    retired: q.retiredAt !== null,
  };
}
export type QuestionView = ReturnType<typeof viewOf>;

/** The input normalised, or CONTEST_QUESTION_INVALID listing every problem. */
function checkedInput(body: QuestionBody): QuestionInput {
  const problems = contentProblems(body);
  if (problems.length > 0) fail('CONTEST_QUESTION_INVALID', { problems: problems.join(' ') });
  return { ...normaliseContent(body), topic: body.topic.trim(), difficulty: body.difficulty, disputed: body.disputed };
}

export async function listQuestions(db: Db, options: { actor: Actor; contestId: number; filter: QuestionFilter }): Promise<QuestionView[]> {
  await requireContestRole(db, options.actor, options.contestId, 'viewer');
  const rows = await selectQuestionRows(db, options.contestId, options.filter);
  const used = await selectUsedQuestionIds(
    db,
    options.contestId,
    rows.map((r) => r.question.id),
  );
  return rows.map((r) => viewOf(r, used.has(r.question.id)));
}

/** The question's contest, the actor being at least `role` of its organiser (CONTEST_QUESTION_NOT_FOUND otherwise). */
async function contestOfQuestion(db: Db, actor: Actor, questionId: number, role: 'viewer' | 'editor'): Promise<number> {
  const contestId = await selectQuestionContestId(db, questionId);
  if (contestId === null) fail('CONTEST_QUESTION_NOT_FOUND');
  try {
    await requireContestRole(db, actor, contestId, role);
  } catch (error) {
    if ((error as { reason?: string }).reason === 'CONTEST_NOT_FOUND') fail('CONTEST_QUESTION_NOT_FOUND');
    throw error;
  }
  return contestId;
}

export async function createQuestion(db: Db, options: { actor: Actor; contestId: number; body: QuestionBody }): Promise<QuestionView> {
  const { actor, contestId } = options;
  const contest = await requireContestRole(db, actor, contestId, 'editor');
  const input = checkedInput(options.body);
  const contentHash = contentHashOf(input);
  const id = await db.transaction(async (tx) => {
    const present = (await selectPresentHashes(tx, contestId, [contentHash])).get(contentHash);
    if (present !== undefined) fail('CONTEST_QUESTION_DUPLICATE', { questionId: present });
    const ids = await insertQuestions(tx, contestId, [{ input, contentHash }], actor.userId);
    const questionId = ids.get(contentHash);
    if (questionId === undefined) fail('CONTEST_QUESTION_DUPLICATE', { questionId: '?' });
    await recordAudit(tx, actor, { action: 'contest.question_create', entityType: 'contest_question', entityId: questionId, unitId: contest.organiserUnitId, after: { contestId, ...input } });
    return questionId;
  });
  return viewOf((await selectQuestionRow(db, id)) as QuestionRow, false);
}

const contentOf = (row: QuestionRow) => ({ text: row.version.text, options: row.version.options, correct: row.version.correct, source: row.version.source, explanation: row.version.explanation });
const sameContent = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/** Edits a question: its content in place when never drawn, else as a new version; topic, difficulty and the disputed flag in place. */
export async function editQuestion(db: Db, options: { actor: Actor; questionId: number; body: QuestionBody }): Promise<QuestionView> {
  const { actor, questionId } = options;
  const contestId = await contestOfQuestion(db, actor, questionId, 'editor');
  const contest = await requireContestRole(db, actor, contestId, 'editor');
  const input = checkedInput(options.body);
  const contentHash = contentHashOf(input);
  await db.transaction(async (tx) => {
    const row = await selectQuestionRow(tx, questionId, { forUpdate: true });
    if (!row) fail('CONTEST_QUESTION_NOT_FOUND');
    if (row.question.retiredAt !== null) fail('CONTEST_QUESTION_RETIRED');
    const other = await selectOtherWithHash(tx, contestId, contentHash, questionId);
    if (other !== null) fail('CONTEST_QUESTION_DUPLICATE', { questionId: other });
    const { topic, difficulty, disputed, ...content } = input;
    let currentVersionId = row.version.id;
    const used = (await selectUsedQuestionIds(tx, contestId, [questionId])).has(questionId);
    if (!sameContent(contentOf(row), content)) {
      if (used) currentVersionId = await insertVersion(tx, questionId, row.version.version + 1, content, actor.userId);
      else await updateVersionInPlace(tx, row.version.id, content);
    }
    await updateQuestion(tx, questionId, { topic, difficulty, disputed, contentHash, currentVersionId });
    const before = { version: row.version.version, topic: row.question.topic, difficulty: row.question.difficulty, disputed: row.question.disputed, ...contentOf(row) };
    const after = { version: currentVersionId === row.version.id ? row.version.version : row.version.version + 1, newVersion: currentVersionId !== row.version.id, ...input };
    await recordAudit(tx, actor, { action: 'contest.question_update', entityType: 'contest_question', entityId: questionId, unitId: contest.organiserUnitId, before, after });
  });
  const row = (await selectQuestionRow(db, questionId)) as QuestionRow;
  return viewOf(row, (await selectUsedQuestionIds(db, contestId, [questionId])).has(questionId));
}

export async function listVersions(db: Db, options: { actor: Actor; questionId: number }) {
  await contestOfQuestion(db, options.actor, options.questionId, 'viewer');
  const current = (await selectQuestionRow(db, options.questionId))?.version.id;
  return (await selectVersions(db, options.questionId)).map((v) => ({
    id: v.id,
    version: v.version,
    text: v.text,
    options: v.options,
    correct: v.correct,
    source: v.source,
    explanation: v.explanation,
    createdAt: v.createdAt.toISOString(),
    current: v.id === current,
  }));
}

/** Retires a question: it stays in the attempts that drew it, is never drawn again and leaves the bank's list. */
export async function retireQuestion(db: Db, options: { actor: Actor; questionId: number; now?: Date }): Promise<QuestionView> {
  const { actor, questionId } = options;
  const contestId = await contestOfQuestion(db, actor, questionId, 'editor');
  const contest = await requireContestRole(db, actor, contestId, 'editor');
  await db.transaction(async (tx) => {
    const row = await selectQuestionRow(tx, questionId, { forUpdate: true });
    if (!row) fail('CONTEST_QUESTION_NOT_FOUND');
    if (row.question.retiredAt !== null) return;
    await updateQuestion(tx, questionId, { retiredAt: options.now ?? new Date() });
    await recordAudit(tx, actor, { action: 'contest.question_retire', entityType: 'contest_question', entityId: questionId, unitId: contest.organiserUnitId, before: { retired: false }, after: { retired: true } });
  });
  const row = (await selectQuestionRow(db, questionId)) as QuestionRow;
  return viewOf(row, (await selectUsedQuestionIds(db, contestId, [questionId])).has(questionId));
}
