import { fail } from '../../../platform/errors.js';
import type { AssignmentDeadline, TimeBound } from '../tables.js';
import type { AssignmentDeadlineInput, CampaignInput, TimeBoundInput } from '../schemas-write.js';
import { milestoneInstant, type MilestoneTimes } from './time-bounds.js';

/**
 * The confirmed structure's keys (a milestone's, a phase's, a theme's) checked and turned into
 * positions (pure): a key used twice or a reference to a key that does not exist is refused with
 * CAMPAIGN_KEY_DUPLICATE / CAMPAIGN_KEY_UNKNOWN. Once the rows are inserted, `storedBound` and
 * `storedDeadline` turn positions into the rows' ids, the form tables.ts keeps.
 */

export type IndexedBound = { kind: 'date'; date: string } | { kind: 'instant'; at: string } | { kind: 'milestone'; milestone: number; edge: 'start' | 'end' };
export type IndexedDeadline =
  | IndexedBound
  | { kind: 'phase_end'; phase: number }
  | { kind: 'recurring'; every: 'week' | 'month' | 'phase'; phase: number | null };

export interface IndexedPlan {
  milestones: (MilestoneTimes & { title: string })[];
  phases: { title: string; starts: IndexedBound | null; ends: IndexedBound | null }[];
  themes: { title: string; phase: number | null }[];
  assignments: { phase: number | null; deadline: IndexedDeadline | null; themes: number[] }[];
}

type Kind = 'mốc' | 'đợt' | 'nội dung';

function keyIndex(items: readonly { key: string }[]): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    if (index.has(item.key)) fail('CAMPAIGN_KEY_DUPLICATE', { key: item.key });
    index.set(item.key, i);
  });
  return index;
}

function lookup(index: Map<string, number>, key: string, what: Kind): number {
  const i = index.get(key);
  if (i === undefined) fail('CAMPAIGN_KEY_UNKNOWN', { key, what });
  return i;
}

function indexBound(bound: TimeBoundInput | null, milestones: Map<string, number>): IndexedBound | null {
  if (bound === null) return null;
  if (bound.kind === 'date') return { kind: 'date', date: bound.date };
  if (bound.kind === 'instant') return { kind: 'instant', at: bound.at };
  return { kind: 'milestone', milestone: lookup(milestones, bound.milestoneKey, 'mốc'), edge: bound.edge };
}

function indexDeadline(deadline: AssignmentDeadlineInput | null, milestones: Map<string, number>, phases: Map<string, number>): IndexedDeadline | null {
  if (deadline === null) return null;
  if (deadline.kind === 'phase_end') return { kind: 'phase_end', phase: lookup(phases, deadline.phaseKey, 'đợt') };
  if (deadline.kind === 'recurring') return { kind: 'recurring', every: deadline.every, phase: deadline.phaseKey === null ? null : lookup(phases, deadline.phaseKey, 'đợt') };
  return indexBound(deadline, milestones);
}

export function indexPlan(input: CampaignInput): IndexedPlan {
  const milestoneKeys = keyIndex(input.milestones);
  const phaseKeys = keyIndex(input.phases);
  const themeKeys = keyIndex(input.themes);
  const milestones = input.milestones.map((m) => {
    const startsAt = milestoneInstant(m.startsAt, 'start');
    const endsAt = milestoneInstant(m.endsAt, 'end');
    if (endsAt < startsAt) fail('CAMPAIGN_RANGE_INVALID', { title: m.title });
    return { title: m.title, startsAt, endsAt };
  });
  return {
    milestones,
    phases: input.phases.map((p) => ({ title: p.title, starts: indexBound(p.starts, milestoneKeys), ends: indexBound(p.ends, milestoneKeys) })),
    themes: input.themes.map((t) => ({ title: t.title, phase: t.phaseKey === null ? null : lookup(phaseKeys, t.phaseKey, 'đợt') })),
    assignments: input.assignments.map((a) => ({
      phase: a.phaseKey === null ? null : lookup(phaseKeys, a.phaseKey, 'đợt'),
      deadline: indexDeadline(a.deadline, milestoneKeys, phaseKeys),
      themes: a.themeKeys.map((k) => lookup(themeKeys, k, 'nội dung')),
    })),
  };
}

const idAt = (ids: readonly number[], i: number): number => ids[i] as number;

export function storedBound(bound: IndexedBound | null, milestoneIds: readonly number[]): TimeBound | null {
  if (bound === null || bound.kind !== 'milestone') return bound;
  return { kind: 'milestone', milestoneId: idAt(milestoneIds, bound.milestone), edge: bound.edge };
}

export function storedDeadline(deadline: IndexedDeadline | null, milestoneIds: readonly number[], phaseIds: readonly number[]): AssignmentDeadline | null {
  if (deadline === null) return null;
  if (deadline.kind === 'phase_end') return { kind: 'phase_end', phaseId: idAt(phaseIds, deadline.phase) };
  if (deadline.kind === 'recurring') return { kind: 'recurring', every: deadline.every, phaseId: deadline.phase === null ? null : idAt(phaseIds, deadline.phase) };
  return storedBound(deadline, milestoneIds);
}
