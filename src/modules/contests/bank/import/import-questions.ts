/**
 * importQuestions: a CSV or XLSX file of questions into a contest's bank, all or nothing. The file
 * is read in a parse worker within the upload limits; every bad row is listed with its line and a
 * Vietnamese reason and then nothing is saved; otherwise the questions the bank does not hold yet
 * (by content hash) are added in one transaction, audited `contest.questions_import`. The same
 * file imported twice adds nothing the second time (all "alreadyPresent").
 */
import type { Db } from '../../../../platform/db/database.js';
import type { Actor } from '../../../../platform/access/roles.js';
import { recordAudit } from '../../../../platform/audit/audit.js';
import { fail } from '../../../../platform/errors.js';
import { parseInWorker } from '../../../../platform/files/parse-in-worker.js';
import { requireContestRole } from '../../policy.js';
import { contentHashOf } from '../question.js';
import { insertQuestions, selectPresentHashes, type NewQuestion } from '../repository.js';
import { questionFileKind, type ReadFile } from './read-file.js';
import { questionsOfRows, type Rejection } from './rows.js';

/** Largest question file accepted (a bank of thousands of questions is a few MB). */
export const QUESTION_FILE_BYTES = 10 * 1024 * 1024;

/** The result, as `lantoa contests import-questions --json` prints it. */
export interface ImportResult {
  rowsRead: number;
  imported: number;
  alreadyPresent: number;
  rejected: Rejection[];
}

/** The file's rows: questions, or the reason it could not be read (line 0: the whole file). */
async function readRows(data: Buffer, fileName: string) {
  const kind = questionFileKind(fileName);
  if (kind === null) fail('CONTEST_IMPORT_FILE_TYPE', { fileName });
  const read = await parseInWorker<ReadFile>({ module: new URL('./read-file.js', import.meta.url), exportName: 'readQuestionFile', args: [data, kind] });
  const parsed = questionsOfRows(read.rows);
  return read.problem ? { ...parsed, rejected: [...parsed.rejected, read.problem] } : parsed;
}

export async function importQuestions(db: Db, options: { actor: Actor; contestId: number; data: Buffer; fileName: string }): Promise<ImportResult> {
  const { actor, contestId } = options;
  const contest = await requireContestRole(db, actor, contestId, 'editor');
  const parsed = await readRows(options.data, options.fileName);
  const rejected = [...parsed.rejected].sort((a, b) => a.line - b.line);
  const candidates: NewQuestion[] = parsed.questions.map((q) => ({ input: q.input, contentHash: contentHashOf(q.input) }));
  const unique = [...new Map(candidates.map((c) => [c.contentHash, c])).values()];
  return db.transaction(async (tx) => {
    const present = await selectPresentHashes(
      tx,
      contestId,
      unique.map((c) => c.contentHash),
    );
    const fresh = unique.filter((c) => !present.has(c.contentHash));
    if (rejected.length > 0) return { rowsRead: parsed.rowsRead, imported: 0, alreadyPresent: candidates.length - fresh.length, rejected };
    const inserted = await insertQuestions(tx, contestId, fresh, actor.userId);
    const result = { rowsRead: parsed.rowsRead, imported: inserted.size, alreadyPresent: candidates.length - inserted.size, rejected };
    if (inserted.size > 0) {
      await recordAudit(tx, actor, { action: 'contest.questions_import', entityType: 'contest', entityId: contestId, unitId: contest.organiserUnitId, after: { fileName: options.fileName, ...result } });
    }
    return result;
  });
}
