import { z } from 'zod';

/** zod contract of a round's item statistics (also its OpenAPI schema). */

const nullableNumber = z.number().nullable();

export const itemStatisticsSchema = z
  .object({
    round: z.number().int().positive(),
    computedAt: z.string().nullable().describe('Thời điểm tính (vòng đã đóng: tính một lần sau khi đóng); null khi vòng đang mở (tính trực tiếp)'),
    test: z.object({
      people: z.number().int().min(0).describe('Số người (mỗi người một lượt thi đầu tiên)'),
      maxScore: z.number().int().min(0),
      mean: nullableNumber,
      median: nullableNumber,
      sd: nullableNumber.describe('Độ lệch chuẩn mẫu (chia n − 1)'),
      alpha: nullableNumber.describe('Hệ số Cronbach alpha, xấp xỉ bằng KR-20 trên các câu mỗi lượt đã rút'),
    }),
    items: z.array(
      z.object({
        questionId: z.number().int().positive(),
        versionId: z.number().int().positive(),
        text: z.string(),
        n: z.number().int().min(0).describe('Số lượt thi đầu tiên đã rút câu hỏi này'),
        facility: nullableNumber.describe('Chỉ số dễ: tỷ lệ trả lời đúng (0–1)'),
        sd: nullableNumber,
        discrimination: nullableNumber.describe('Độ phân biệt: tương quan giữa điểm câu hỏi và điểm các câu còn lại (Moodle, không nhân 100)'),
        options: z.array(z.object({ position: z.number().int().min(0), text: z.string(), count: z.number().int().min(0), correct: z.boolean() })),
        flags: z.array(z.enum(['too-easy', 'negative-discrimination'])),
      }),
    ),
  })
  .describe('Thống kê câu hỏi của vòng thi trên lượt thi đầu tiên của mỗi người (cách tính của Moodle: docs.moodle.org/dev/Quiz_statistics_calculations)');
