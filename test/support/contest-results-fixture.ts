/**
 * Rows of a contest straight into the test database for the results part's tests (closing, ranking,
 * flags, documents): an organiser unit with two child units, an editor and a viewer of it, a
 * contest with one round, a small question bank, participants and attempts as the attempts part
 * would have stored them.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/platform/db/database.js';
import { contestAttempts, contestParticipants, contestQuestionVersions, contestQuestions, contestRounds, contests } from '../../src/modules/contests/tables.js';
import type { AttemptAnswers, AttemptQuestion, PredictionKind, Prize } from '../../src/modules/contests/types.js';
import { buildUnit, buildUser } from './factories.js';

export interface AttemptInput {
  score: number;
  maxScore?: number;
  prediction?: number | null;
  durationMs?: number;
  /** Seconds after the round opened. */
  submittedAfter?: number | null;
  startedAfter?: number;
  practice?: boolean;
  clientKey?: string | null;
  questions?: AttemptQuestion[];
  answers?: AttemptAnswers;
}

export interface ResultsFixture {
  contestId: number;
  code: string;
  roundId: number;
  opensAt: Date;
  closesAt: Date;
  graceSeconds: number;
  organiserId: number;
  units: { a: number; b: number };
  editor: { username: string; id: number };
  viewer: { username: string; id: number };
  /** Question version ids of the bank; option 0 is correct for each (multiple: options 0 and 2). */
  versions: number[];
  person(name?: string, unit?: 'a' | 'b', phoneMasked?: string): Promise<number>;
  attempt(participantId: number, input: AttemptInput): Promise<number>;
}

const suffix = () => randomBytes(3).toString('hex').toUpperCase();

export async function buildResultsFixture(
  db: Db,
  options: { prediction?: PredictionKind; prizes?: Prize[]; closesAt?: Date; graceSeconds?: number; questions?: number } = {},
): Promise<ResultsFixture> {
  const s = suffix();
  const organiser = await buildUnit(db, { code: `BTG-${s}`, name: `Ban Tuyên giáo ${s}`, kind: 'party_committee' });
  const a = await buildUnit(db, { code: `CB-A-${s}`, name: `Chi bộ A ${s}`, parentId: organiser.id });
  const b = await buildUnit(db, { code: `CB-B-${s}`, name: `Chi bộ B ${s}`, parentId: organiser.id });
  const editor = await buildUser(db, { role: 'editor', unitId: organiser.id });
  const viewer = await buildUser(db, { role: 'viewer', unitId: organiser.id });
  const closesAt = options.closesAt ?? new Date('2025-11-16T13:00:00Z');
  const opensAt = new Date(closesAt.getTime() - 7 * 24 * 3600_000);
  const graceSeconds = options.graceSeconds ?? 5;
  const code = `DH-${s}`;
  const [contest] = await db.insert(contests).values({ code, title: `Tìm hiểu các kỳ Đại hội Đảng ${s}`, organiserUnitId: organiser.id, audience: 'public', rules: 'Thể lệ' }).returning();
  const [round] = await db
    .insert(contestRounds)
    .values({
      contestId: contest!.id,
      number: 1,
      opensAt,
      closesAt,
      questionsPerAttempt: options.questions ?? 3,
      timeLimitSeconds: 600,
      attemptsAllowed: 7,
      graceSeconds,
      prediction: options.prediction ?? 'perfect-scores',
      prizes: options.prizes ?? [
        { name: 'Giải Nhất', count: 1 },
        { name: 'Giải Nhì', count: 2 },
      ],
    })
    .returning();
  const versions: number[] = [];
  for (let i = 0; i < (options.questions ?? 3); i++) {
    const [q] = await db.insert(contestQuestions).values({ contestId: contest!.id, difficulty: 'easy', contentHash: `h-${s}-${i}` }).returning();
    const multiple = i === 1;
    const [v] = await db.insert(contestQuestionVersions).values({ questionId: q!.id, version: 1, text: `Câu hỏi ${i + 1}`, options: ['Đúng', 'Sai', multiple ? 'Cũng đúng' : 'Sai nữa', 'Sai hẳn'], correct: multiple ? [0, 2] : [0] }).returning();
    versions.push(v!.id);
  }
  const numbers = new Map<string, number>();
  const unitOf = new Map<number, number>();
  let people = 0;
  return {
    contestId: contest!.id,
    code,
    roundId: round!.id,
    opensAt,
    closesAt,
    graceSeconds,
    organiserId: organiser.id,
    units: { a: a.id, b: b.id },
    editor: { username: editor.username, id: editor.id },
    viewer: { username: viewer.username, id: viewer.id },
    versions,
    async person(name, unit = 'a', phoneMasked) {
      people++;
      const [p] = await db
        .insert(contestParticipants)
        .values({ contestId: contest!.id, displayName: name ?? `Người dự thi ${people}`, unitId: unit === 'a' ? a.id : b.id, participantGroup: 'dang-vien', phoneKey: `k-${s}-${people}`, phoneMasked: phoneMasked ?? `0912***${String(people).padStart(3, '0')}` })
        .returning();
      unitOf.set(p!.id, p!.unitId);
      return p!.id;
    },
    async attempt(participantId, input) {
      const key = `${participantId}:${input.practice ?? false}`;
      const number = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, number);
      const startedAt = new Date(opensAt.getTime() + (input.startedAfter ?? 0) * 1000);
      const submittedAt = input.submittedAfter === null ? null : new Date(opensAt.getTime() + (input.submittedAfter ?? (input.startedAfter ?? 0) + 60) * 1000);
      const [row] = await db
        .insert(contestAttempts)
        .values({
          roundId: round!.id,
          participantId,
          unitId: unitOf.get(participantId) ?? a.id,
          number,
          practice: input.practice ?? false,
          questions: input.questions ?? versions.map((versionId) => ({ versionId, optionOrder: [0, 1, 2, 3] })),
          answers: input.answers ?? {},
          prediction: input.prediction ?? null,
          startedAt,
          deadlineAt: new Date(Math.min(startedAt.getTime() + 600_000, closesAt.getTime())),
          submittedAt,
          score: submittedAt === null ? null : input.score,
          maxScore: input.maxScore ?? versions.length,
          durationMs: submittedAt === null ? null : (input.durationMs ?? 60_000),
          clientKey: input.clientKey ?? null,
        })
        .returning();
      return row!.id;
    },
  };
}
