/** Vietnamese labels of the report's breakdowns and the small-cell rule of exported reports. */
import { channels, contributorGroups, stances, type Channel, type ContributorGroup, type Stance } from '../tables.js';
import { channelLabels, contributorGroupLabels, reportStatusLabels, stanceLabels } from '../../../shared/labels.js';

// The labels live in src/shared/labels.ts (the web app shows the same words); typed here against the schema.
export const CHANNEL_LABELS: Record<Channel, string> = channelLabels;
export const GROUP_LABELS: Record<ContributorGroup, string> = contributorGroupLabels;
export const STANCE_LABELS: Record<Stance, string> = stanceLabels;
export const STATUS_LABELS = reportStatusLabels;

export { channels, contributorGroups, stances };

/** Fewest contributors a published breakdown cell may describe. */
export const MIN_CONTRIBUTORS = 5;
export const SMALL_CELL = '< 5';

/** A figure hidden only so that no "< 5" figure can be worked out from the totals (complementary suppression). */
export const HIDDEN_CELL = 'x';

/**
 * The "< 5" rule of exported reports: a breakdown cell describing 1 to 4 contributors (distinct
 * submissions) shows "< 5" instead of its figure; an empty cell (no contributor) stays 0, since it
 * identifies nobody.
 */
export function maskedCount(value: number, contributors: number): string | number {
  return contributors > 0 && contributors < MIN_CONTRIBUTORS ? SMALL_CELL : value;
}
