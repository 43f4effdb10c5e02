/** The contract of the results endpoints (organiser and public): zod schemas that are also the OpenAPI document. */
import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { flagKinds } from '../types.js';

export const roundParams = z.object({
  id: z.coerce.number().int().positive().describe('Mã số cuộc thi'),
  number: z.coerce.number().int().positive().describe('Số thứ tự vòng thi'),
});
export const publicRoundParams = z.object({ code: safeString().min(1).max(64).describe('Mã cuộc thi'), number: z.coerce.number().int().positive() });
export const flagParams = z.object({ id: z.coerce.number().int().positive().describe('Mã số dấu hiệu bất thường') });
export const pageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0).describe('Bỏ qua bao nhiêu người đầu bảng xếp hạng'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const instant = z.string().describe('ISO 8601');
const head = {
  round: z.number().int(),
  closesAt: instant,
  cutOff: instant.describe('Thời điểm chốt số liệu: closesAt + thời gian gia hạn (ISO 8601)'),
  attempts: z.number().int().describe('Số lượt thi chính thức đã chấm (không tính lượt ôn tập)'),
  people: z.number().int().describe('Số người dự thi (khác nhau)'),
  perfectScores: z.number().int().describe('Số người có ít nhất một lượt đạt điểm tuyệt đối'),
  officialFigure: z.number().int(),
  officialMethod: z.string().describe('Cách tính con số chính thức, bằng tiếng Việt'),
};
const publicEntry = {
  rank: z.number().int(),
  name: z.string(),
  unit: z.string(),
  phoneMasked: z.string().nullable(),
  score: z.number().int(),
  prediction: z.number().int().nullable(),
  durationSeconds: z.number(),
  submittedAt: instant,
};

export const roundResultsSchema = z
  .object({
    ...head,
    total: z.number().int().describe('Số người trên bảng xếp hạng'),
    confirmedAt: instant.nullable(),
    winners: z.array(z.object({ ...publicEntry, prize: z.string().nullable(), flagged: z.boolean(), excluded: z.boolean() })).describe('Bảng xếp hạng người dự thi (một trang), người cao nhất trước'),
  })
  .meta({ id: 'ContestRoundResults' });

export const closedRoundSchema = z.object({ ...head, total: z.number().int(), confirmedAt: instant.nullable(), closedNow: z.boolean(), closedAt: instant }).meta({ id: 'ContestRoundClosed' });

export const flagsSchema = z
  .object({
    computed: z.boolean().describe('Đã rà soát xong dấu hiệu bất thường hay chưa'),
    flags: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(flagKinds),
        label: z.string(),
        people: z.array(z.object({ participantId: z.number().int(), name: z.string(), unit: z.string(), rank: z.number().int().nullable(), prize: z.string().nullable() })),
        details: z.record(z.string(), z.unknown()),
        score: z.number().nullable(),
        decision: z.enum(['cleared', 'excluded']).nullable(),
        reviewedAt: instant.nullable(),
        reviewedBy: z.string().nullable(),
        concernsPrize: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'ContestRoundFlags' });

export const reviewBodySchema = z.object({
  decision: z.enum(['cleared', 'excluded']).describe('cleared: không vi phạm; excluded: loại khỏi danh sách trao giải'),
  note: safeString().max(2000).default(''),
});
export const reviewResultSchema = z.object({ id: z.number().int(), decision: z.enum(['cleared', 'excluded']), reviewedAt: instant });
export const confirmResultSchema = z.object({ round: z.number().int(), confirmedAt: instant, winners: z.number().int() });

export const publicWinnersSchema = z
  .object({
    ...head,
    confirmed: z.boolean(),
    notice: z.string().nullable().describe('"Kết quả đang được xem xét" trước khi kết quả được xác nhận'),
    winners: z.array(z.object({ ...publicEntry, prize: z.string() })),
  })
  .meta({ id: 'ContestPublicWinners' });

export const myRankSchema = z
  .object({
    rank: z.number().int().nullable(),
    total: z.number().int(),
    score: z.number().int().nullable(),
    prediction: z.number().int().nullable(),
    durationSeconds: z.number().nullable(),
    confirmed: z.boolean(),
    top: z.array(z.object(publicEntry)).describe('100 người đứng đầu (sau khi kết quả được xác nhận)'),
  })
  .meta({ id: 'ContestMyRank' });
