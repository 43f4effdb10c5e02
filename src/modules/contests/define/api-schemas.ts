import { z } from 'zod';
import { safeString } from '../../../platform/vn/index.js';
import { contestAudiences, predictionKinds } from '../types.js';
import { prizeSchema } from './schemas.js';

/** Responses and parameters of the contest definition and headcount endpoints (the OpenAPI schemas). */

export const contestIdParams = z.object({ id: z.coerce.number().int().positive() });
export const unitIdParams = z.object({ unitId: z.coerce.number().int().positive() });
export const contestListQuery = z.object({ unitId: z.coerce.number().int().positive().optional() });

const roundStates = ['scheduled', 'open', 'closed'] as const;
const unitRef = z.object({ id: z.number().int(), code: z.string(), name: z.string() });

export const contestSummarySchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    title: z.string(),
    organiser: unitRef,
    audience: z.enum(contestAudiences),
    rounds: z.array(z.object({ number: z.number().int(), opensAt: z.string(), closesAt: z.string(), state: z.enum(roundStates) })),
  })
  .meta({ id: 'ContestSummary' });

export const contestRoundViewSchema = z
  .object({
    number: z.number().int(),
    opens: z.string(),
    closes: z.string(),
    questionsPerAttempt: z.number().int(),
    timeLimitSeconds: z.number().int(),
    attemptsAllowed: z.number().int(),
    graceSeconds: z.number().int(),
    prediction: z.enum(predictionKinds),
    prizes: z.array(prizeSchema),
    topics: z.array(z.string()),
    state: z.enum(roundStates),
    closedAt: z.string().nullable(),
    officialFigure: z.number().int().nullable(),
    officialMethod: z.string().nullable(),
    resultsConfirmedAt: z.string().nullable(),
  })
  .meta({ id: 'ContestRoundView' });

export const contestDetailSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    title: z.string(),
    organiserUnit: z.string(),
    organiser: unitRef,
    audience: z.enum(contestAudiences),
    audienceUnit: z.string().optional(),
    rules: z.string(),
    collectivePrizes: z.array(prizeSchema),
    rounds: z.array(contestRoundViewSchema),
    questionCount: z.number().int(),
  })
  .meta({ id: 'ContestDetail' });

export const headcountSchema = z
  .object({ unitId: z.number().int(), headcount: z.number().int().nullable(), label: z.string().nullable(), updatedAt: z.string().nullable() })
  .meta({ id: 'UnitHeadcount', description: 'Số người của đơn vị (ví dụ số đảng viên): mẫu số của tỷ lệ tham gia; null khi chưa đặt' });

export const headcountInputSchema = z
  .strictObject({
    headcount: z.number().int('Số người phải là số nguyên').min(0, 'Số người không được âm').max(100_000_000).nullable(),
    label: safeString().trim().max(200).nullable().optional(),
  })
  .meta({ id: 'UnitHeadcountBody', description: 'headcount null: xóa số người của đơn vị' });
