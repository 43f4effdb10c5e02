/**
 * The shapes of the contests API (issue 14) as the pages read them. Written from the contract in
 * the brief; the calls in publicApi.ts / api.ts are typed by the generated client, so a
 * drift between these and the server's OpenAPI document fails the typecheck.
 */
import type { participantGroupLabels, predictionKindLabels } from '../../../shared/labels.js';

export type RoundState = 'scheduled' | 'open' | 'closed';
export type PredictionKind = keyof typeof predictionKindLabels;
export type ParticipantGroup = keyof typeof participantGroupLabels;

export interface PrizeLine {
  name: string;
  count: number;
}

export interface PublicRound {
  number: number;
  opensAt: string;
  closesAt: string;
  questionsPerAttempt: number;
  timeLimitSeconds: number;
  attemptsAllowed: number;
  graceSeconds: number;
  prediction: PredictionKind;
  prizes: PrizeLine[];
  state: RoundState;
}

export interface PublicContest {
  code: string;
  title: string;
  rules: string;
  organiser: { name: string };
  audience: 'public' | 'internal';
  rounds: PublicRound[];
  serverNow: string;
}

export interface PickUnit {
  id: number;
  code: string;
  name: string;
  path?: string;
}

export interface Registration {
  participantToken: string;
  participant: { name: string; unit: { id: number; name: string }; group: string; phoneMasked?: string | null };
  existing: boolean;
}

export interface AttemptView {
  number: number;
  attemptsAllowed: number;
  attemptsUsed: number;
  startedAt: string;
  deadlineAt: string;
  graceSeconds: number;
  serverNow: string;
  prediction: number | null;
  predictionKind: PredictionKind;
  submittedAt: string | null;
  /** Once submitted: the score (the key itself stays on the server until the round closes). */
  score?: number | null;
  maxScore?: number;
  questions: { position: number; text: string; options: string[]; multiple: boolean }[];
  answers: Record<string, number[]>;
}

export interface SubmitResult {
  submittedAt: string;
  score: number;
  maxScore: number;
  durationSeconds: number;
  late: boolean;
}
