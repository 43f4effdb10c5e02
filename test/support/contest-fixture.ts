import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.js';
import { contestQuestions, contestQuestionVersions, contestRounds, contests } from '../../src/modules/contests/tables.js';
import type { ContestAudience, Difficulty, PredictionKind } from '../../src/modules/contests/types.js';
import { forgetContestCopies } from '../../src/modules/contests/participants/contest-cache.js';
import { forgetRoundPools } from '../../src/modules/contests/attempts/pool.js';

/**
 * A contest with rounds and a question bank written straight into the tables (for the tests of
 * taking part, before and independently of the define/bank operations). Every question's key and
 * explanation are recognisable strings so a test can look for them in responses.
 */

export interface RoundSpec {
  number: number;
  opensAt: Date;
  closesAt: Date;
  questionsPerAttempt?: number;
  timeLimitSeconds?: number;
  attemptsAllowed?: number;
  graceSeconds?: number;
  prediction?: PredictionKind;
  closedAt?: Date | null;
}

export interface QuestionSpec {
  text: string;
  options: string[];
  correct: number[];
  difficulty: Difficulty;
  explanation: string;
  source: string;
  disputed?: boolean;
}

/** n questions: 4 options each, every 5th with two correct options, difficulties in turn. */
export function sampleQuestions(n: number, tag = ''): QuestionSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    text: `Câu hỏi ${tag}số ${i + 1}: nội dung kiểm tra?`,
    options: ['A', 'B', 'C', 'D'].map((letter) => `Phương án ${letter} của câu ${tag}${i + 1}`),
    correct: i % 5 === 4 ? [i % 4, (i + 1) % 4].sort() : [i % 4],
    difficulty: (['easy', 'medium', 'hard'] as const)[i % 3] as Difficulty,
    explanation: `GIAI-THICH-${tag}${i + 1}: vì văn kiện ghi như vậy.`,
    source: `NGUON-${tag}${i + 1}: Văn kiện Đại hội, mục ${i + 1}`,
  }));
}

export async function buildContest(
  db: Db,
  input: { organiserUnitId: number; code?: string; audience?: ContestAudience; audienceUnitId?: number | null; rounds: RoundSpec[]; questions: QuestionSpec[]; topics?: string[] },
) {
  const code = input.code ?? `CT-${randomBytes(3).toString('hex')}`;
  const [contest] = await db
    .insert(contests)
    .values({ code, title: `Cuộc thi ${code}`, organiserUnitId: input.organiserUnitId, audience: input.audience ?? 'public', audienceUnitId: input.audienceUnitId ?? null, rules: 'Thể lệ cuộc thi.' })
    .returning();
  if (!contest) throw new Error('buildContest: no contest');
  const rounds = [];
  for (const r of input.rounds) {
    const [round] = await db
      .insert(contestRounds)
      .values({
        contestId: contest.id,
        number: r.number,
        opensAt: r.opensAt,
        closesAt: r.closesAt,
        questionsPerAttempt: r.questionsPerAttempt ?? 5,
        timeLimitSeconds: r.timeLimitSeconds ?? 600,
        attemptsAllowed: r.attemptsAllowed ?? 3,
        graceSeconds: r.graceSeconds ?? 5,
        prediction: r.prediction ?? 'perfect-scores',
        prizes: [{ name: 'Giải Nhất', count: 1 }],
        topics: input.topics ?? [],
        closedAt: r.closedAt ?? null,
      })
      .returning();
    rounds.push(round!);
  }
  const questions = [];
  for (const [i, q] of input.questions.entries()) {
    const [question] = await db
      .insert(contestQuestions)
      .values({ contestId: contest.id, topic: '', difficulty: q.difficulty, disputed: q.disputed ?? false, contentHash: `${code}-${i}-${randomBytes(4).toString('hex')}` })
      .returning();
    const [version] = await db
      .insert(contestQuestionVersions)
      .values({ questionId: question!.id, version: 1, text: q.text, options: q.options, correct: q.correct, source: q.source, explanation: q.explanation })
      .returning();
    await db.update(contestQuestions).set({ currentVersionId: version!.id }).where(eq(contestQuestions.id, question!.id));
    questions.push({ ...q, questionId: question!.id, versionId: version!.id });
  }
  forgetTakeCopies();
  return { contest, rounds, questions };
}

/** The in-memory copies of contests and pools (tests that change rounds or the bank in between). */
export function forgetTakeCopies(): void {
  forgetContestCopies();
  forgetRoundPools();
}
