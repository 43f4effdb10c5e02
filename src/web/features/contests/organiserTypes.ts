import type { components } from '../../api/schema.js';
/** The organiser pages' shapes that the pages build themselves (the bodies they send); answers take the generated types. */
import type { PredictionKind } from './types.js';

export interface RoundDefinition {
  number: number;
  opens: string;
  closes: string;
  questionsPerAttempt: number;
  timeLimitSeconds: number;
  attemptsAllowed: number;
  graceSeconds: number;
  prediction: PredictionKind;
  prizes: { name: string; count: number }[];
  topics?: string[];
}

/** The body of POST/PUT /contests: the `contests define` JSON (issue 14, item 8). */
export interface ContestDefinition {
  code: string;
  title: string;
  organiserUnit: string;
  audience: 'public' | 'internal';
  audienceUnit?: string;
  rules: string;
  collectivePrizes?: { name: string; count: number }[];
  rounds: RoundDefinition[];
}

export interface QuestionFilter {
  topic?: string;
  difficulty?: 'easy' | 'medium' | 'hard';
  disputed?: 'true' | 'false';
}

export interface QuestionInput {
  text: string;
  options: string[];
  correct: number[];
  topic: string;
  difficulty: 'easy' | 'medium' | 'hard';
  source: string;
  explanation?: string;
  disputed?: boolean;
}


/** A question of the bank (GET /contests/{id}/questions), its current version. */
export type BankQuestion = components['schemas']['ContestQuestion'];

/** GET /contests/{id}: the definition, its organiser, rounds with their state (opens/closes as in the definition), and the bank's size. */
export type ContestDetail = components['schemas']['ContestDetail'];
export type ContestRoundDetail = ContestDetail['rounds'][number];
