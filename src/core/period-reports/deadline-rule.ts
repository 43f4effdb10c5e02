/**
 * The per-level deadline rule of a periodic report (pure; Vietnam time through platform/time).
 *
 * Each level reports later than the one below it (Decree 09/2019 Điều 8.5b: a deadline for each
 * reporting party and each level): grassroots units first, then each level above. A level is found
 * by the unit's kind, else by its height from the bottom (0 = a grassroots unit, without children;
 * 1 = a unit whose children are all grassroots; …), else it takes the default — by default the
 * period's cut-off itself. The consultation's weekly rule ("grassroots by Tuesday 16:00, the others
 * by the Wednesday 16:00 cut-off") is `{ byHeight: [Tuesday 16:00], otherwise: Wednesday 16:00 }`.
 */
import { MINUTE_MS, checkDeadlineCascade, deadlineFor, type Period, type PeriodDeadlineRule } from '../../platform/time/index.js';
import { fail } from '../../platform/errors.js';

/**
 * A level's deadline: a platform/time rule (weekday before the cut-off, working days after it, a day
 * of the period's last month, a fixed instant), or a plain offset from the cut-off in minutes
 * (negative: before it) — "grassroots 24 hours before the cut-off" is `-1440`.
 */
export type LevelDeadlineRule = PeriodDeadlineRule | { kind: 'offset_from_cutoff'; minutes: number };

export interface LevelDeadlines {
  /** By unit kind (checked first), e.g. `{ party_cell: … }`. */
  byKind?: Readonly<Record<string, LevelDeadlineRule>>;
  /** By height from the bottom: `[0]` grassroots units, `[1]` the level above them, … */
  byHeight?: readonly LevelDeadlineRule[];
  /** Every other unit; absent: the period's cut-off (`period.end`). */
  otherwise?: LevelDeadlineRule;
}

/** Where a unit stands: its kind and its height from the bottom, capped at `heightsNeeded(rules)`. */
export interface UnitLevel {
  kind: string;
  height: number;
}

/** How far below a unit one must look to tell its level (the ledger walks no deeper). */
export function heightsNeeded(rules: LevelDeadlines): number {
  return rules.byHeight?.length ?? 0;
}

/** The rule of a unit's level, or null for "the cut-off itself". */
export function levelRule(rules: LevelDeadlines, level: UnitLevel): LevelDeadlineRule | null {
  const byKind = rules.byKind && Object.hasOwn(rules.byKind, level.kind) ? rules.byKind[level.kind] : undefined;
  return byKind ?? rules.byHeight?.[level.height] ?? rules.otherwise ?? null;
}

/** The instant of one rule for a period (VALIDATION_FAILED for an invalid rule). */
export function ruleDeadline(period: Period, rule: LevelDeadlineRule | null): Date {
  if (rule === null) return period.end;
  if (rule.kind === 'offset_from_cutoff') {
    if (!Number.isInteger(rule.minutes) || Math.abs(rule.minutes) > 366 * 24 * 60) fail('DEADLINE_OFFSET_INVALID', { rule });
    return new Date(period.end.getTime() + rule.minutes * MINUTE_MS);
  }
  return deadlineFor(period, rule);
}

/** The deadline of a unit's level for a period. */
export function levelDeadline(period: Period, rules: LevelDeadlines, level: UnitLevel): Date {
  return ruleDeadline(period, levelRule(rules, level));
}

/**
 * The height levels from the bottom up, then the default, whose deadlines for `period` fall out of
 * order (a level due after the one above it): empty when the cascade is consistent.
 */
export function levelCascadeProblems(period: Period, rules: LevelDeadlines): { lower: number; higher: number }[] {
  const ladder = [...(rules.byHeight ?? []), rules.otherwise ?? null];
  const fixed: PeriodDeadlineRule[] = ladder.map((rule) => ({ kind: 'fixed', at: ruleDeadline(period, rule).toISOString() }));
  return checkDeadlineCascade(period, fixed);
}

/**
 * Where an instant stands in a unit's reporting of a period: before the period, collecting data,
 * after the cut-off but before the unit's deadline, or past the deadline (a grassroots deadline
 * may fall before the cut-off: the period is then overdue for that unit while still open).
 */
export type PeriodPhase = 'upcoming' | 'open' | 'due' | 'overdue';

/** True while the period collects data: from its start (inclusive) to its cut-off (exclusive). */
export function isPeriodOpen(period: Period, at: Date): boolean {
  return period.start.getTime() <= at.getTime() && at.getTime() < period.end.getTime();
}

/** The phase of a period at `at`, for a unit whose deadline is `deadline` (a report sent at the deadline is late). */
export function periodPhase(period: Period, deadline: Date, at: Date): PeriodPhase {
  if (at.getTime() < period.start.getTime()) return 'upcoming';
  if (at.getTime() >= deadline.getTime()) return 'overdue';
  return isPeriodOpen(period, at) ? 'open' : 'due';
}
