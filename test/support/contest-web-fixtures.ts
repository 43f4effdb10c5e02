/**
 * A small public contest for the browser tests (issue 14): organised by the Lai Châu party
 * committee (LCU-TU, the demo account quantri.laichau administers it), round 1 open now, round 2 next
 * week, and a bank of eight questions (one with two correct options). `defineContest` is the
 * operation the API and the CLI use; the questions are written straight into the bank's tables.
 */
import { cliActor } from '../../src/platform/access/roles.js';
import type { Db } from '../../src/platform/db/database.js';
import { defineContest } from '../../src/modules/contests/define/define-contest.js';
import { contestQuestions, contestQuestionVersions } from '../../src/modules/contests/tables.js';
import { eq } from 'drizzle-orm';

export const E2E_CONTEST = 'THI-E2E';

/** The key of each question, by text: the browser test answers with it (and shows it never reached the page). */
export const e2eQuestions = Array.from({ length: 8 }, (_, i) => ({
  text: `Câu hỏi thử số ${i + 1}: Đại hội đại biểu toàn quốc lần thứ mấy?`,
  options: ['Lần thứ nhất', 'Lần thứ hai', 'Lần thứ ba', 'Lần thứ tư'].map((o) => `${o} (câu ${i + 1})`),
  correct: i === 7 ? [0, 2] : [i % 4],
  difficulty: (['easy', 'medium', 'hard'] as const)[i % 3]!,
}));

export async function defineE2EContest(db: Db, now = new Date()): Promise<{ id: number }> {
  const hour = 3_600_000;
  const iso = (ms: number) => new Date(now.getTime() + ms).toISOString();
  const defined = await defineContest(db, {
    actor: cliActor(),
    definition: {
      code: E2E_CONTEST,
      title: 'Cuộc thi thử tìm hiểu các kỳ Đại hội Đảng',
      organiserUnit: 'LCU-TU',
      audience: 'public',
      rules: 'Mỗi vòng thi có 5 câu hỏi, làm trong 10 phút.\nMỗi người được thi tối đa 3 lượt mỗi vòng.',
      collectivePrizes: [{ name: 'Giải tập thể', count: 2 }],
      rounds: [
        { number: 1, opens: iso(-hour), closes: iso(2 * hour), questionsPerAttempt: 5, timeLimitSeconds: 600, attemptsAllowed: 3, graceSeconds: 5, prediction: 'perfect-scores', prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 2 }] },
        { number: 2, opens: iso(7 * 24 * hour), closes: iso(14 * 24 * hour), questionsPerAttempt: 5, timeLimitSeconds: 600, attemptsAllowed: 3, graceSeconds: 5, prediction: 'attempts', prizes: [{ name: 'Giải Nhất', count: 1 }] },
      ],
    },
  });
  for (const [i, q] of e2eQuestions.entries()) {
    const [row] = await db.insert(contestQuestions).values({ contestId: defined.id, topic: 'Đại hội', difficulty: q.difficulty, contentHash: `e2e-${i}` }).returning({ id: contestQuestions.id });
    const [version] = await db
      .insert(contestQuestionVersions)
      .values({ questionId: row!.id, version: 1, text: q.text, options: q.options, correct: q.correct, source: 'Văn kiện Đại hội XIII, phần I', explanation: `Giải thích của câu ${i + 1}.` })
      .returning({ id: contestQuestionVersions.id });
    await db.update(contestQuestions).set({ currentVersionId: version!.id }).where(eq(contestQuestions.id, row!.id));
  }
  return { id: defined.id };
}
