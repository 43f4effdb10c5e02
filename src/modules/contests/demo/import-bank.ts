/**
 * The demo bank into the demo contest. INTERIM until the bank's import operation is merged: the
 * rows of questions.csv written directly (one question and its first version each).
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../../platform/access/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { demoBankRows } from './bank.js';
import { insertDemoQuestion } from './repository-demo.js';

export async function importDemoBank(db: Db, _actor: Actor, contestId: number): Promise<void> {
  for (const row of demoBankRows()) {
    const contentHash = createHash('sha256').update(JSON.stringify([row.question, row.options, row.correct])).digest('hex');
    await insertDemoQuestion(db, { contestId, contentHash, ...row });
  }
}
