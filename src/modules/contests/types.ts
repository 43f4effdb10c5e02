/** Shapes shared by the contests module's parts (tables, operations, routes, CLI). */

export const contestAudiences = ['public', 'internal'] as const;
export type ContestAudience = (typeof contestAudiences)[number];

/** The prediction question: the number of people with a perfect score in the round, or the number of attempts. */
export const predictionKinds = ['perfect-scores', 'attempts'] as const;
export type PredictionKind = (typeof predictionKinds)[number];

export const difficulties = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof difficulties)[number];

/** Đối tượng dự thi (labels in src/shared/labels.ts `participantGroupLabels`). */
export const participantGroups = [
  'can-bo',
  'dang-vien',
  'cong-chuc',
  'vien-chuc',
  'nguoi-lao-dong',
  'doan-vien-hoi-vien',
  'hoc-sinh-sinh-vien',
  'nhan-dan',
  'nguoi-viet-nam-o-nuoc-ngoai',
] as const;
export type ParticipantGroup = (typeof participantGroups)[number];

export const flagKinds = ['fast-perfect', 'identical-answers', 'shared-client'] as const;
export type FlagKind = (typeof flagKinds)[number];

/** A prize of the ladder: e.g. {name: 'Giải Nhất', count: 1}. */
export interface Prize {
  name: string;
  count: number;
}

/** A collective prize for units, ranked by participation rate then mean first-attempt score. */
export interface CollectivePrize {
  name: string;
  count: number;
}

/** One drawn question of an attempt: the version seen and the shuffled order of its options. */
export interface AttemptQuestion {
  versionId: number;
  /** optionOrder[i] = index in the version's options of the option shown at position i. */
  optionOrder: number[];
}

/** Answers saved so far, by question position ("0", "1", …): shown-option positions chosen and when saved. */
export type AttemptAnswers = Record<string, { chosen: number[]; savedAt: string }>;
