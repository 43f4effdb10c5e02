import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import type { Difficulty } from '../types.js';

/** SQL of a round's pool: the contest's current, undisputed, unretired questions (of the round's topics when set). */

export interface PoolRow {
  questionId: number;
  versionId: number;
  difficulty: Difficulty;
  text: string;
  options: string[];
  correct: number[];
}

export async function selectRoundPool(db: Queryable, contestId: number, topics: readonly string[]): Promise<PoolRow[]> {
  const result = await db.execute<PoolRow & Record<string, unknown>>(sql`
    select q.id as "questionId", v.id as "versionId", q.difficulty, v.text, v.options, v.correct
    from contest_questions q join contest_question_versions v on v.id = q.current_version_id
    where q.contest_id = ${contestId} and not q.disputed and q.retired_at is null
      and (cardinality(${pgArray(topics)}::text[]) = 0 or q.topic = any(${pgArray(topics)}::text[]))`);
  return result.rows;
}

export interface VersionRow {
  versionId: number;
  questionId: number;
  text: string;
  options: string[];
  correct: number[];
  explanation: string;
  source: string;
}

/** The versions an attempt saw (whatever the bank holds now). */
export async function selectVersions(db: Queryable, versionIds: readonly number[]): Promise<Map<number, VersionRow>> {
  const result = await db.execute<VersionRow & Record<string, unknown>>(sql`
    select v.id as "versionId", v.question_id as "questionId", v.text, v.options, v.correct, v.explanation, v.source
    from contest_question_versions v where v.id = any(${pgArray(versionIds)}::int[])`);
  return new Map(result.rows.map((r) => [r.versionId, r]));
}
