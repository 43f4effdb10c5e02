import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { contestAudiences, predictionKinds } from '../types.js';

/**
 * The contract of a contest's definition: the JSON file of `lantoa contests define` (issue 14, item 8;
 * the organiser and audience units by CODE) and the body of POST/PUT /api/v1/contests. Strict
 * objects: a key the contract does not know is refused rather than ignored. Cross-field rules
 * (windows, overlaps, duplicated numbers) are checked by `definitionProblems`.
 */

const code = safeString().trim().min(1, 'Mã cuộc thi không được để trống').max(60, 'Mã cuộc thi tối đa 60 ký tự').regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'Mã cuộc thi chỉ gồm chữ không dấu, chữ số và - _ .');
const unitCode = safeString().trim().min(1, 'Mã đơn vị không được để trống').max(100);
const INSTANT_MESSAGE = 'Thời điểm phải theo ISO 8601, ví dụ 2026-01-05T08:00:00+07:00 (không ghi múi giờ: giờ Việt Nam)';
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.datetime({ local: true })], { message: INSTANT_MESSAGE });
const positive = (what: string, max: number) =>
  z
    .number({ message: `${what} phải là số nguyên` })
    .int(`${what} phải là số nguyên`)
    .min(1, `${what} phải từ 1 trở lên`)
    .max(max, `${what} tối đa ${max}`);

export const prizeSchema = z
  .strictObject({
    name: safeString().trim().min(1, 'Tên giải không được để trống').max(200),
    count: positive('Số giải', 100_000),
  })
  .meta({ id: 'ContestPrize', description: 'Một bậc giải: tên và số giải (ví dụ Giải Nhất, 1)' });

export const roundDefinitionSchema = z
  .strictObject({
    number: positive('Số thứ tự vòng', 1000),
    opens: instant,
    closes: instant,
    questionsPerAttempt: positive('Số câu hỏi mỗi lượt', 200),
    timeLimitSeconds: positive('Thời gian mỗi lượt (giây)', 86_400),
    attemptsAllowed: positive('Số lượt thi mỗi người', 1000),
    graceSeconds: z.number().int('Thời gian gia hạn phải là số nguyên giây').min(0, 'Thời gian gia hạn không được âm').max(600, 'Thời gian gia hạn tối đa 600 giây').default(5),
    prediction: z.enum(predictionKinds, { message: 'Câu hỏi dự đoán phải là "perfect-scores" (số người đạt điểm tuyệt đối) hoặc "attempts" (số lượt thi)' }),
    prizes: z.array(prizeSchema).max(50).default([]),
    topics: z.array(safeString().trim().min(1).max(200)).max(100).default([]),
  })
  .meta({ id: 'ContestRoundDefinition' });

export const contestDefinitionSchema = z
  .strictObject({
    code,
    title: safeString().trim().min(1, 'Tên cuộc thi không được để trống').max(500),
    organiserUnit: unitCode,
    audience: z.enum(contestAudiences, { message: 'Đối tượng phải là "public" (công khai) hoặc "internal" (tài khoản trong đơn vị)' }),
    audienceUnit: unitCode.optional(),
    rules: safeString().max(50_000).default(''),
    collectivePrizes: z.array(prizeSchema).max(50).default([]),
    rounds: z.array(roundDefinitionSchema).min(1, 'Cuộc thi phải có ít nhất một vòng').max(100),
  })
  .meta({ id: 'ContestDefinition', description: 'Định nghĩa cuộc thi (tệp JSON của `lantoa contests define`)' });

export type ContestDefinitionInput = z.input<typeof contestDefinitionSchema>;
export type ContestDefinition = z.output<typeof contestDefinitionSchema>;
export type RoundDefinition = z.output<typeof roundDefinitionSchema>;

export const contestWarningSchema = z.object({ code: z.string(), round: z.number().int().optional(), message: z.string() }).meta({ id: 'ContestWarning' });
export const definedContestSchema = z.object({ id: z.number().int(), code: z.string(), created: z.boolean(), warnings: z.array(contestWarningSchema) }).meta({ id: 'ContestDefined' });
