/**
 * The demo bank into the demo contest through the bank's import operation (the same as `lantoa
 * contests import-questions` and the bank page's upload): questions.csv is also the import example.
 */
import type { Actor } from '../../../platform/access/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { importQuestions } from '../bank/import/import-questions.js';
import { demoQuestionsCsv } from './bank.js';

export async function importDemoBank(db: Db, actor: Actor, contestId: number): Promise<void> {
  const result = await importQuestions(db, { actor, contestId, data: demoQuestionsCsv(), fileName: 'questions.csv' });
  if (result.rejected.length > 0) fail('CONTEST_IMPORT_REJECTED', { rejectedCount: result.rejected.length, rejected: result.rejected });
}
