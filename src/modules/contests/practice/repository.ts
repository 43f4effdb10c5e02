import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';

/**
 * SQL of practice: the question versions drawn in the contest's closed rounds (still undisputed
 * and not retired). Reads every attempt of those rounds: the caller keeps the answer in memory.
 */
export async function selectPracticeVersionIds(db: Queryable, closedRoundIds: readonly number[]): Promise<number[]> {
  const result = await db.execute<{ id: number }>(sql`
    with drawn as (
      select distinct (q ->> 'versionId')::int as id
      from contest_attempts a cross join jsonb_array_elements(a.questions) q
      where a.round_id = any(${pgArray(closedRoundIds)}::int[]) and not a.practice)
    select d.id from drawn d join contest_question_versions v on v.id = d.id join contest_questions cq on cq.id = v.question_id
    where not cq.disputed and cq.retired_at is null order by d.id`);
  return result.rows.map((r) => r.id);
}

export async function selectContestCode(db: Queryable, contestId: number): Promise<string | null> {
  const result = await db.execute<{ code: string }>(sql`select code from contests where id = ${contestId}`);
  return result.rows[0]?.code ?? null;
}
