import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/platform/db/database.js';
import {
  contestAttempts,
  contestParticipants,
  contestQuestions,
  contestQuestionVersions,
  contestRounds,
  contests,
  contestUnitTallies,
  unitHeadcounts,
} from '../../src/modules/contests/tables.js';
import type { AttemptAnswers, AttemptQuestion, CollectivePrize, ContestAudience } from '../../src/modules/contests/types.js';

/**
 * Rows of the contests tables straight into a test database, for the participation and statistics
 * reads (issue 14 items 6–7). The tallies are written from the attempts by `writeTallies`, the way
 * the submission transaction keeps them: per contest, round (0 = whole contest) and the
 * participant's OWN unit — non-practice scored attempts, distinct people, people with a perfect
 * score, and the sum of each person's first attempt's score (lowest number in a round; in the whole
 * contest, the first attempt of the earliest round).
 */

const suffix = () => randomBytes(4).toString('hex');
const HOUR = 3_600_000;

export async function buildContest(
  db: Db,
  input: { organiserUnitId: number; code?: string; audience?: ContestAudience; audienceUnitId?: number | null; collectivePrizes?: CollectivePrize[]; rounds: { number: number; opensAt: Date; closesAt: Date; graceSeconds?: number }[] },
) {
  const [contest] = await db
    .insert(contests)
    .values({ code: input.code ?? `CT-${suffix()}`, title: `Cuộc thi ${suffix()}`, organiserUnitId: input.organiserUnitId, audience: input.audience ?? 'public', audienceUnitId: input.audienceUnitId ?? null, collectivePrizes: input.collectivePrizes ?? [] })
    .returning();
  if (!contest) throw new Error('buildContest: no row');
  const rounds = await db
    .insert(contestRounds)
    .values(input.rounds.map((r) => ({ contestId: contest.id, number: r.number, opensAt: r.opensAt, closesAt: r.closesAt, questionsPerAttempt: 10, timeLimitSeconds: 600, attemptsAllowed: 7, graceSeconds: r.graceSeconds ?? 5, prediction: 'perfect-scores' as const })))
    .returning();
  return { contest, rounds: rounds.sort((a, b) => a.number - b.number) };
}

export async function buildQuestion(db: Db, input: { contestId: number; text: string; options: string[]; correct: number[] }) {
  const [question] = await db.insert(contestQuestions).values({ contestId: input.contestId, difficulty: 'medium', contentHash: `h-${suffix()}` }).returning();
  if (!question) throw new Error('buildQuestion: no row');
  const [version] = await db.insert(contestQuestionVersions).values({ questionId: question.id, version: 1, text: input.text, options: input.options, correct: input.correct }).returning();
  if (!version) throw new Error('buildQuestion: no version');
  return { questionId: question.id, versionId: version.id };
}

export async function buildParticipant(db: Db, input: { contestId: number; unitId: number }) {
  const [row] = await db.insert(contestParticipants).values({ contestId: input.contestId, unitId: input.unitId, displayName: `Người dự thi ${suffix()}`, participantGroup: 'dang-vien', phoneKey: `p-${suffix()}` }).returning();
  if (!row) throw new Error('buildParticipant: no row');
  return row.id;
}

export interface AttemptInput {
  roundId: number;
  participantId: number;
  unitId: number;
  number: number;
  practice?: boolean;
  questions?: AttemptQuestion[];
  answers?: AttemptAnswers;
  /** null: started, never scored. */
  score: number | null;
  maxScore: number;
  startedAt: Date;
  submittedAt?: Date | null;
}

export async function buildAttempts(db: Db, attempts: readonly AttemptInput[]) {
  if (attempts.length === 0) return [];
  return db
    .insert(contestAttempts)
    .values(
      attempts.map((a) => ({
        roundId: a.roundId,
        participantId: a.participantId,
        unitId: a.unitId,
        number: a.number,
        practice: a.practice ?? false,
        questions: a.questions ?? [],
        answers: a.answers ?? {},
        startedAt: a.startedAt,
        deadlineAt: new Date(a.startedAt.getTime() + 600_000),
        submittedAt: a.submittedAt === undefined ? (a.score === null ? null : new Date(a.startedAt.getTime() + 300_000)) : a.submittedAt,
        score: a.score,
        maxScore: a.maxScore,
        durationMs: a.score === null ? null : 300_000,
      })),
    )
    .returning({ id: contestAttempts.id });
}

interface Tally {
  attempts: number;
  people: Set<number>;
  perfect: Set<number>;
  first: Map<number, { order: [number, number]; score: number }>;
}

/** Writes the contest's tallies from the attempts given (the rows the test inserted), computed here per own unit. */
export async function writeTallies(db: Db, contestId: number, attempts: readonly AttemptInput[], roundNumbers: ReadonlyMap<number, number>) {
  const tallies = new Map<string, Tally>();
  const add = (roundId: number, a: AttemptInput, order: [number, number]) => {
    const key = `${roundId}:${a.unitId}`;
    const t = tallies.get(key) ?? { attempts: 0, people: new Set(), perfect: new Set(), first: new Map() };
    t.attempts += 1;
    t.people.add(a.participantId);
    if (a.score === a.maxScore) t.perfect.add(a.participantId);
    const seen = t.first.get(a.participantId);
    if (!seen || order[0] < seen.order[0] || (order[0] === seen.order[0] && order[1] < seen.order[1])) t.first.set(a.participantId, { order, score: a.score ?? 0 });
    tallies.set(key, t);
  };
  for (const a of attempts) {
    if (a.practice || a.score === null) continue;
    add(a.roundId, a, [0, a.number]);
    add(0, a, [roundNumbers.get(a.roundId) ?? 0, a.number]);
  }
  const rows = [...tallies].map(([key, t]) => {
    const [roundId, unitId] = key.split(':').map(Number) as [number, number];
    return { contestId, roundId, unitId, attempts: t.attempts, people: t.people.size, perfectScores: t.perfect.size, firstAttemptScoreSum: [...t.first.values()].reduce((s, f) => s + f.score, 0) };
  });
  if (rows.length > 0) await db.insert(contestUnitTallies).values(rows);
}

export async function setHeadcount(db: Db, unitId: number, headcount: number) {
  await db.insert(unitHeadcounts).values({ unitId, headcount }).onConflictDoUpdate({ target: unitHeadcounts.unitId, set: { headcount } });
}

export const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * HOUR);
