import { z } from 'zod';

/** zod contract of the participation endpoints (also their OpenAPI schemas). */

const count = z.number().int().min(0);
const rate = z.number().min(0).nullable().describe('Số người ÷ số người của đơn vị (0–1; null khi đơn vị chưa khai báo số người)');
const mean = z.number().min(0).nullable().describe('Điểm trung bình lượt thi đầu tiên của mỗi người (null khi chưa ai dự thi)');

export const participationQuery = z.object({
  unitId: z.coerce.number().int().positive().optional().describe('Đơn vị xem (cả cây đơn vị của nó); mặc định đơn vị tổ chức'),
  round: z.coerce.number().int().min(0).optional().describe('Số thứ tự vòng thi; 0 hoặc bỏ trống: cả cuộc thi'),
});

const unitFigures = {
  unitId: z.number().int().positive(),
  name: z.string(),
  attempts: count.describe('Số lượt thi (không phải số người)'),
  people: count.describe('Số người dự thi (mỗi người đếm một lần)'),
  perfectScores: count.describe('Số người có ít nhất một lượt đạt điểm tuyệt đối'),
  headcount: count.nullable().describe('Tổng số người của các đơn vị trong cây (null khi chưa đơn vị nào khai báo)'),
  participationRate: rate,
  meanFirstAttemptScore: mean,
};

export const participationSchema = z
  .object({
    contest: z.object({ id: z.number().int().positive(), code: z.string(), title: z.string() }),
    round: z.number().int().min(0),
    unit: z.string().describe('Mã đơn vị'),
    ...unitFigures,
    children: z.array(z.object({ code: z.string(), ...unitFigures })),
  })
  .describe('Tình hình tham gia của cây đơn vị và của từng đơn vị trực thuộc (cả cây của nó)');

export const collectiveRankingQuery = z.object({
  round: z.coerce.number().int().min(0).optional().describe('Số thứ tự vòng thi; 0 hoặc bỏ trống: cả cuộc thi'),
  unitId: z.coerce.number().int().positive().optional().describe('Xếp hạng các đơn vị trực thuộc đơn vị này; mặc định đơn vị tổ chức'),
});

export const collectiveRankingSchema = z.array(
  z.object({
    rank: z.number().int().positive().nullable().describe('Thứ hạng (bằng nhau khi tỷ lệ và điểm trung bình bằng nhau); null khi chưa có số người'),
    unit: z.object({ id: z.number().int().positive(), code: z.string(), name: z.string() }),
    attempts: count,
    people: count,
    headcount: count.nullable(),
    participationRate: rate,
    meanFirstAttemptScore: mean,
    prize: z.string().nullable().describe('Giải tập thể theo thứ hạng'),
    note: z.string().nullable(),
  }),
);

export const seriesQuery = z.object({
  unitId: z.coerce.number().int().positive().optional().describe('Đơn vị xem (cả cây đơn vị của nó); mặc định đơn vị tổ chức'),
});

export const seriesSchema = z.array(
  z.object({ number: z.number().int().positive(), attempts: count, people: count, perfectScores: count, participationRate: rate, meanFirstAttemptScore: mean }),
);
