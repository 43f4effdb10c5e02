/**
 * Warnings about a definition, never refusals: a round drawing more questions per attempt than its
 * usable pool holds (questions neither disputed nor retired, in the round's topics). The bank is
 * usually filled after the contest is defined, so this is said, not refused.
 */
import type { Queryable } from '../../../platform/db/database.js';
import { selectUsablePool, type RoundWrite } from './repository.js';

export interface ContestWarning {
  code: 'CONTEST_POOL_SMALL';
  round: number;
  message: string;
}

/** The usable pool of a round: the sum over its topics (every topic when it names none). */
export function poolOf(pool: ReadonlyMap<string, number>, topics: readonly string[]): number {
  if (topics.length === 0) return [...pool.values()].reduce((a, b) => a + b, 0);
  return [...new Set(topics)].reduce((sum, topic) => sum + (pool.get(topic) ?? 0), 0);
}

export function roundPoolWarnings(pool: ReadonlyMap<string, number>, rounds: readonly Pick<RoundWrite, 'number' | 'questionsPerAttempt' | 'topics'>[]): ContestWarning[] {
  return rounds.flatMap((round) => {
    const usable = poolOf(pool, round.topics);
    if (round.questionsPerAttempt <= usable) return [];
    return [
      {
        code: 'CONTEST_POOL_SMALL' as const,
        round: round.number,
        message: `Vòng ${round.number} rút ${round.questionsPerAttempt} câu mỗi lượt nhưng ngân hàng câu hỏi mới có ${usable} câu dùng được (không bị đánh dấu tranh chấp, chưa loại${round.topics.length > 0 ? ', thuộc các chủ đề của vòng' : ''}).`,
      },
    ];
  });
}

export async function poolWarnings(db: Queryable, contestId: number, rounds: readonly RoundWrite[]): Promise<ContestWarning[]> {
  return roundPoolWarnings(await selectUsablePool(db, contestId), rounds);
}
