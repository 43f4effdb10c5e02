/**
 * The organiser's review of last week's flags in the demo, then the confirmation of its results:
 * perfect scores in about twenty seconds and the copied answer sheet are excluded from the prizes
 * (the ladder moves down), the school's computer room is cleared — through the flag operations.
 */
import type { Actor } from '../../../platform/access/roles.js';
import type { Db } from '../../../platform/db/database.js';
import { confirmRoundResults } from '../flags/confirm-results.js';
import { listRoundFlags } from '../flags/list-flags.js';
import { reviewContestFlag } from '../flags/review-flag.js';
import type { FlagKind } from '../types.js';

const decisions: Record<FlagKind, { decision: 'cleared' | 'excluded'; note: string }> = {
  'fast-perfect': { decision: 'excluded', note: 'Trả lời đúng cả 10 câu trong khoảng 20 giây, không đủ thời gian đọc câu hỏi; không xét giải.' },
  'identical-answers': { decision: 'excluded', note: 'Hai bài thi giống hệt nhau (cùng câu hỏi, cùng đáp án), nộp cách nhau 3 phút; không xét giải cả hai.' },
  'shared-client': { decision: 'cleared', note: 'Phòng máy Trường THPT Chuyên Lê Quý Đôn: học sinh thi tập trung theo lớp, đã xác minh với nhà trường.' },
};

export async function reviewAndConfirm(db: Db, actor: Actor, address: { contestId: number; number: number }, at: Date): Promise<void> {
  const { flags } = await listRoundFlags(db, { actor, address });
  for (const [i, flag] of flags.entries()) {
    const { decision, note } = decisions[flag.kind];
    await reviewContestFlag(db, { actor, flagId: flag.id, decision, note, now: new Date(at.getTime() + i * 60_000) });
  }
  await confirmRoundResults(db, { actor, address, now: new Date(at.getTime() + (flags.length + 5) * 60_000) });
}
