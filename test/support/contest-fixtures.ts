import type { Db } from '../../src/platform/db/database.js';
import { contestAttempts, contestParticipants } from '../../src/modules/contests/tables.js';

/** A contest definition (the `contests define` JSON) organised by `organiserUnit`, with one round open now and one next year. */
export function contestDefinition(code: string, organiserUnit: string) {
  const round = (number: number, opens: string, closes: string) => ({ number, opens, closes, questionsPerAttempt: 2, timeLimitSeconds: 600, attemptsAllowed: 7, prediction: 'perfect-scores', prizes: [{ name: 'Giải Nhất', count: 1 }] });
  return {
    code,
    title: 'Tìm hiểu các kỳ Đại hội Đảng',
    organiserUnit,
    audience: 'public' as const,
    rules: 'Thể lệ',
    rounds: [round(1, '2020-01-05T08:00:00+07:00', '2099-01-11T20:00:00+07:00'), round(2, '2099-01-12T08:00:00+07:00', '2099-01-18T20:00:00+07:00')],
  };
}

/** An attempt in `roundId` that drew `versionIds` (straight into the tables: the bank only needs "drawn"). */
export async function buildDrawnAttempt(db: Db, input: { contestId: number; roundId: number; unitId: number; versionIds: number[] }): Promise<void> {
  const [participant] = await db
    .insert(contestParticipants)
    .values({ contestId: input.contestId, displayName: 'Người dự thi', unitId: input.unitId, participantGroup: 'dang-vien', phoneKey: `k-${Math.random()}` })
    .returning({ id: contestParticipants.id });
  await db.insert(contestAttempts).values({
    roundId: input.roundId,
    participantId: (participant as { id: number }).id,
    unitId: input.unitId,
    number: 1,
    questions: input.versionIds.map((versionId) => ({ versionId, optionOrder: [1, 0] })),
    deadlineAt: new Date(Date.now() + 600_000),
    maxScore: input.versionIds.length,
  });
}
