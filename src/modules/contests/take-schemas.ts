import { z } from 'zod';
import { safeString } from '../../platform/vn/index.js';
import { contestAudiences, participantGroups, predictionKinds } from './types.js';

/** The zod contract of the participant-facing endpoints (public pages, registration, attempts, practice). */

export const codeParams = z.object({ code: safeString().min(1).max(64) });
export const roundParams = codeParams.extend({ number: z.coerce.number().int().positive().max(1000) });
export const tokenParams = z.object({ token: z.string().min(10).max(200) });
export const positionParams = tokenParams.extend({ position: z.coerce.number().int().min(0).max(199) });
export const participantHeaders = z.object({ 'x-participant-token': z.string().max(200).optional() });

const prize = z.object({ name: z.string(), count: z.number().int() });

export const publicContestSchema = z.object({
  code: z.string(),
  title: z.string(),
  rules: z.string(),
  organiser: z.object({ name: z.string() }),
  audience: z.enum(contestAudiences),
  rounds: z.array(
    z.object({
      number: z.number().int(),
      opensAt: z.string(),
      closesAt: z.string(),
      questionsPerAttempt: z.number().int(),
      timeLimitSeconds: z.number().int(),
      attemptsAllowed: z.number().int(),
      graceSeconds: z.number().int(),
      prediction: z.enum(predictionKinds),
      prizes: z.array(prize),
      state: z.enum(['scheduled', 'open', 'closed']),
    }),
  ),
  serverNow: z.string(),
});

export const contestUnitsSchema = z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), path: z.string() }));

export const registrationSchema = z.object({
  name: safeString().trim().min(1).max(200),
  phone: safeString().min(1).max(40),
  idNumber: safeString().max(40).nullish(),
  unitId: z.number().int().positive(),
  group: z.enum(participantGroups),
  consent: z.literal(true),
});

export const accountRegistrationSchema = z.object({ group: z.enum(participantGroups).optional() });

const participantSchema = z.object({
  name: z.string(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  group: z.enum(participantGroups),
  phoneMasked: z.string().nullable(),
});

export const registeredSchema = z.object({
  participantToken: z.string(),
  participant: participantSchema,
  existing: z.boolean(),
  /** When `existing`: a Vietnamese sentence saying the stored details were kept (nothing typed this time was applied). */
  notice: z.string().nullable(),
});

const shownQuestion = z.object({ position: z.number().int(), text: z.string(), options: z.array(z.string()), multiple: z.boolean() });

export const attemptSchema = z.object({
  round: z.number().int(),
  number: z.number().int(),
  attemptsAllowed: z.number().int(),
  attemptsUsed: z.number().int(),
  startedAt: z.string(),
  deadlineAt: z.string(),
  graceSeconds: z.number().int(),
  serverNow: z.string(),
  prediction: z.number().int().nullable(),
  predictionKind: z.enum(predictionKinds),
  submittedAt: z.string().nullable(),
  score: z.number().int().nullable(),
  maxScore: z.number().int(),
  questions: z.array(shownQuestion),
  answers: z.record(z.string(), z.array(z.number().int())),
});

export const startedSchema = z.object({ attemptToken: z.string(), attempt: attemptSchema });

export const reviewSchema = attemptSchema.extend({
  questions: z.array(
    shownQuestion.extend({
      chosen: z.array(z.number().int()),
      correctPositions: z.array(z.number().int()),
      correct: z.boolean(),
      explanation: z.string(),
      source: z.string(),
    }),
  ),
});

export const chosenSchema = z.object({ chosen: z.array(z.number().int().min(0).max(5)).max(6) });
export const savedSchema = z.object({ savedAt: z.string(), serverNow: z.string() });
export const predictionSchema = z.object({ value: z.number().int().min(0).max(1_000_000_000) });
export const submitSchema = z.object({ prediction: z.number().int().min(0).max(1_000_000_000).nullish() }).optional();
export const submittedSchema = z.object({ submittedAt: z.string(), score: z.number().int(), maxScore: z.number().int(), durationSeconds: z.number(), late: z.boolean() });

export const myRoundsSchema = z.object({
  participant: participantSchema,
  rounds: z.array(z.object({ number: z.number().int(), attemptsUsed: z.number().int(), attemptsAllowed: z.number().int(), best: z.number().int().nullable() })),
});

export const practiceSchema = z.object({ practiceToken: z.string(), questions: z.array(shownQuestion) });
export const practiceTokenParams = z.object({ token: z.string().min(10).max(100), position: z.coerce.number().int().min(0).max(99) });
export const practiceAnswerSchema = z.object({ correct: z.boolean(), correctPositions: z.array(z.number().int()), explanation: z.string(), source: z.string() });
