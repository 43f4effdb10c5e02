/** The benchmark contest's bank: the demo bank (questions.csv) imported as the demo imports it; round 1's form. */
import type pg from 'pg';
import { cliActor } from '../src/platform/access/roles.js';
import type { Db } from '../src/platform/db/database.js';
import { importDemoBank } from '../src/modules/contests/demo/import-bank.js';
import type { AttemptQuestion } from '../src/modules/contests/types.js';

/** Imports the bank and returns a ten-question form of its undisputed questions (options in stored order). */
export async function importBenchBank(db: Db, pool: pg.Pool, contestId: number): Promise<AttemptQuestion[]> {
  await importDemoBank(db, cliActor(), contestId);
  const result = await pool.query<{ id: number; options: number }>(
    `select v.id, cardinality(v.options) as options from contest_questions q join contest_question_versions v on v.id = q.current_version_id
     where q.contest_id = $1 and not q.disputed order by q.id limit 10`,
    [contestId],
  );
  return result.rows.map((r) => ({ versionId: r.id, optionOrder: Array.from({ length: r.options }, (_, i) => i) }));
}
