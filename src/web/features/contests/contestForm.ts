/**
 * The contest editor's form (pure): its values ⇄ the `contests define` JSON the API takes. Instants
 * are edited in Vietnam time (dayjs in Asia/Ho_Chi_Minh) and sent as ISO instants; the time limit is
 * edited in minutes and sent in seconds.
 */
import type { Dayjs } from 'dayjs';
import { dayjs, VN_ZONE } from '../../lib/time.js';
import type { ContestDefinition, ContestDetail } from './organiserTypes.js';
import type { PredictionKind } from './types.js';

export interface RoundFormValues {
  number: number;
  opens: Dayjs | null;
  closes: Dayjs | null;
  questionsPerAttempt: number;
  timeLimitMinutes: number;
  attemptsAllowed: number;
  graceSeconds: number;
  prediction: PredictionKind;
  prizes: { name: string; count: number }[];
  topics: string[];
  /** Opened or closed: its settings are locked (read-only in the form, sent unchanged). */
  locked: boolean;
}

export interface ContestFormValues {
  code: string;
  title: string;
  organiserUnit: string | undefined;
  audience: 'public' | 'internal';
  audienceUnit: string | undefined;
  rules: string;
  collectivePrizes: { name: string; count: number }[];
  rounds: RoundFormValues[];
}

export const defaultPrizes = [
  { name: 'Giải Nhất', count: 1 },
  { name: 'Giải Nhì', count: 2 },
  { name: 'Giải Ba', count: 3 },
  { name: 'Giải Khuyến khích', count: 10 },
];

/** A new round after the others: a week after the last one, the usual settings (10 questions, 10 minutes, 7 attempts). */
export function newRound(previous: readonly RoundFormValues[]): RoundFormValues {
  const last = previous.at(-1);
  const opens = last?.closes ?? dayjs().tz(VN_ZONE).add(1, 'day').startOf('day');
  return { number: (last?.number ?? 0) + 1, opens, closes: opens.add(7, 'day'), questionsPerAttempt: 10, timeLimitMinutes: 10, attemptsAllowed: 7, graceSeconds: 5, prediction: 'perfect-scores', prizes: defaultPrizes.map((p) => ({ ...p })), topics: [], locked: false };
}

export function emptyContest(): ContestFormValues {
  return { code: '', title: '', organiserUnit: undefined, audience: 'public', audienceUnit: undefined, rules: '', collectivePrizes: [], rounds: [newRound([])] };
}

export function toFormValues(c: ContestDetail): ContestFormValues {
  return {
    code: c.code,
    title: c.title,
    organiserUnit: c.organiserUnit,
    audience: c.audience,
    audienceUnit: c.audienceUnit,
    rules: c.rules,
    collectivePrizes: c.collectivePrizes ?? [],
    rounds: c.rounds.map((r) => ({
      number: r.number,
      opens: dayjs(r.opens).tz(VN_ZONE),
      closes: dayjs(r.closes).tz(VN_ZONE),
      questionsPerAttempt: r.questionsPerAttempt,
      timeLimitMinutes: Math.round((r.timeLimitSeconds / 60) * 100) / 100,
      attemptsAllowed: r.attemptsAllowed,
      graceSeconds: r.graceSeconds,
      prediction: r.prediction,
      prizes: r.prizes,
      topics: r.topics ?? [],
      locked: r.state !== 'scheduled',
    })),
  };
}

export function toDefinition(v: ContestFormValues): ContestDefinition {
  return {
    code: v.code.trim(),
    title: v.title.trim(),
    organiserUnit: v.organiserUnit ?? '',
    audience: v.audience,
    ...(v.audience === 'internal' && v.audienceUnit ? { audienceUnit: v.audienceUnit } : {}),
    rules: v.rules,
    collectivePrizes: v.collectivePrizes.filter((p) => p.name.trim() && p.count > 0),
    rounds: v.rounds.map((r, i) => ({
      number: i + 1,
      opens: r.opens?.toISOString() ?? '',
      closes: r.closes?.toISOString() ?? '',
      questionsPerAttempt: r.questionsPerAttempt,
      timeLimitSeconds: Math.round(r.timeLimitMinutes * 60),
      attemptsAllowed: r.attemptsAllowed,
      graceSeconds: r.graceSeconds,
      prediction: r.prediction,
      prizes: r.prizes.filter((p) => p.name.trim() && p.count > 0),
      ...(r.topics.length > 0 ? { topics: r.topics } : {}),
    })),
  };
}
