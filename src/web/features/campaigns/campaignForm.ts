/**
 * The "new campaign" form's values and their two conversions: a proposal read from the text (or an
 * implementing draft) → the form, and the reviewed form → the body of POST /campaigns. Keys tie
 * phases, milestones and themes together inside the form (the server resolves them on create).
 * Pure: no React, tested in campaignForm.test.ts.
 */
import type { CampaignInput, CampaignProposal, ProposedTime } from './campaignTypes.js';
import { vnDayEndIso, vnDayStartIso } from '../../lib/time.js';
import { campaignChannelLabels, type ChannelCode } from '../../../shared/campaign-channels.js';

export type Edge = 'start' | 'end';
/** A phase bound in the form: nothing, a date, or an edge of one of the form's milestones. */
export type BoundValue = { kind: 'none' } | { kind: 'date'; date: string | null } | { kind: 'milestone'; milestoneKey: string | null; edge: Edge };
/** An assignment's deadline in the form. */
export type DeadlineValue =
  | { kind: 'none' }
  | { kind: 'date'; date: string | null }
  | { kind: 'milestone'; milestoneKey: string | null; edge: Edge }
  | { kind: 'phase_end'; phaseKey: string | null }
  | { kind: 'recurring'; every: 'week' | 'month' | 'phase'; phaseKey: string | null };

export interface MilestoneValues { key: string; title: string; starts: string | null; ends: string | null; span?: number[] | undefined }
export interface PhaseValues { key: string; title: string; starts: BoundValue; ends: BoundValue; span?: number[] | undefined }
export interface ThemeValues { key: string; phaseKey: string | null; title: string; span?: number[] | undefined }
export interface ChannelValues { channel: string | null; text: string; span?: number[] | undefined }
export interface AssignmentValues {
  key: string;
  text: string;
  /** The assigned units as the plan writes them, one name per entry. */
  names: string[];
  leadName: string | null;
  coordinatingNames: string[];
  unitIds: number[];
  leadUnitId: number | null;
  coordinatingUnitIds: number[];
  phaseKey: string | null;
  deadline: DeadlineValue;
  themeKeys: string[];
  channels: string[];
  expectedOutputs: { kind: string; quantity: number }[];
  span?: number[] | undefined;
  /** parentTaskIds of an implementing draft, kept as they came. */
  parentTaskIds?: Record<string, number> | undefined;
}

export interface CampaignFormValues {
  ownerUnitId: number | null;
  code: string;
  title: string;
  purpose: string;
  requirements: string;
  sourceReference: string;
  milestones: MilestoneValues[];
  phases: PhaseValues[];
  themes: ThemeValues[];
  channels: ChannelValues[];
  assignments: AssignmentValues[];
}

/** Where the form came from, carried to the create body unchanged. */
export interface CampaignOrigin {
  sourceDirectiveId?: number | undefined;
  parentCampaignId?: number | undefined;
  bodyText?: string | undefined;
}

const key = (prefix: string, i: number) => `${prefix}${i + 1}`;

/** A proposed time → a phase bound: "trước Đại hội" ends at its start, "sau Đại hội" starts at its end. */
function boundOf(time: ProposedTime | null, milestoneCount: number): BoundValue {
  if (!time) return { kind: 'none' };
  if (time.kind === 'date') return { kind: 'date', date: time.date };
  if (time.kind === 'milestone' && time.milestone >= 0 && time.milestone < milestoneCount) {
    return { kind: 'milestone', milestoneKey: key('m', time.milestone), edge: time.edge === 'before' || time.edge === 'start' ? 'start' : 'end' };
  }
  return { kind: 'none' };
}

function deadlineOf(time: ProposedTime | null, phase: number | null, milestoneCount: number, phaseCount: number): DeadlineValue {
  const bound = boundOf(time, milestoneCount);
  if (bound.kind !== 'none') return bound;
  if (phase !== null && phase >= 0 && phase < phaseCount) return { kind: 'phase_end', phaseKey: key('p', phase) };
  return { kind: 'none' };
}

/** The form pre-filled from a proposal (units still to match: `unitIds` empty). */
export function formFromProposal(p: CampaignProposal, ownerUnitId: number | null): CampaignFormValues {
  const mCount = p.milestones.length;
  const pCount = p.phases.length;
  const inPhase = (i: number | null) => (i !== null && i >= 0 && i < pCount ? key('p', i) : null);
  return {
    ownerUnitId,
    code: '',
    title: p.title ?? '',
    purpose: p.purpose,
    requirements: p.requirements,
    sourceReference: p.reference ?? '',
    milestones: p.milestones.map((m, i) => ({ key: key('m', i), title: m.title, starts: m.starts, ends: m.ends ?? m.starts, span: m.span })),
    phases: p.phases.map((ph, i) => ({ key: key('p', i), title: ph.title, starts: boundOf(ph.starts, mCount), ends: boundOf(ph.ends, mCount), span: ph.span })),
    themes: p.themes.map((t, i) => ({ key: key('t', i), phaseKey: inPhase(t.phase), title: t.title, span: t.span })),
    channels: p.channels.map((c) => ({ channel: c.channel, text: c.text, span: c.span })),
    assignments: p.assignments.map((a, i) => ({
      key: key('a', i),
      text: a.text,
      names: a.units,
      leadName: a.lead,
      coordinatingNames: a.coordinating,
      unitIds: [],
      leadUnitId: null,
      coordinatingUnitIds: [],
      phaseKey: inPhase(a.phase),
      deadline: deadlineOf(a.deadline, a.phase, mCount, pCount),
      themeKeys: [],
      channels: [],
      expectedOutputs: [],
      span: a.span,
    })),
  };
}

type InputBound = CampaignInput['phases'][number]['starts'];
type InputDeadline = CampaignInput['assignments'][number]['deadline'];

function boundToInput(b: BoundValue): InputBound {
  if (b.kind === 'date') return b.date ? { kind: 'date', date: b.date } : null;
  if (b.kind === 'milestone') return b.milestoneKey ? { kind: 'milestone', milestoneKey: b.milestoneKey, edge: b.edge } : null;
  return null;
}

function deadlineToInput(d: DeadlineValue): InputDeadline {
  if (d.kind === 'date' || d.kind === 'milestone' || d.kind === 'none') return boundToInput(d);
  if (d.kind === 'phase_end') return d.phaseKey ? { kind: 'phase_end', phaseKey: d.phaseKey } : null;
  return { kind: 'recurring', every: d.every, phaseKey: d.phaseKey };
}

const trimmed = (s: string | null | undefined) => (s ?? '').trim();

/** The reviewed form → POST /campaigns. Blank rows are left out; what they pointed at becomes null. */
export function inputFromForm(v: CampaignFormValues, origin: CampaignOrigin): CampaignInput {
  const milestones = v.milestones.filter((m) => trimmed(m.title) && m.starts);
  const mKeys = new Set(milestones.map((m) => m.key));
  const phases = v.phases.filter((p) => trimmed(p.title));
  const pKeys = new Set(phases.map((p) => p.key));
  const themes = v.themes.filter((t) => trimmed(t.title));
  const tKeys = new Set(themes.map((t) => t.key));
  const phaseKey = (k: string | null) => (k !== null && pKeys.has(k) ? k : null);
  const bound = (b: BoundValue) => (b.kind === 'milestone' && (!b.milestoneKey || !mKeys.has(b.milestoneKey)) ? null : boundToInput(b));
  const deadline = (d: DeadlineValue): InputDeadline => {
    if (d.kind === 'milestone' && (!d.milestoneKey || !mKeys.has(d.milestoneKey))) return null;
    if (d.kind === 'phase_end' && phaseKey(d.phaseKey) === null) return null;
    if (d.kind === 'recurring') return { kind: 'recurring', every: d.every, phaseKey: phaseKey(d.phaseKey) };
    return deadlineToInput(d);
  };
  return {
    ownerUnitId: v.ownerUnitId ?? 0,
    ...(trimmed(v.code) ? { code: trimmed(v.code) } : {}),
    title: trimmed(v.title),
    purpose: trimmed(v.purpose),
    requirements: trimmed(v.requirements),
    ...(trimmed(v.sourceReference) ? { sourceReference: trimmed(v.sourceReference) } : {}),
    ...(origin.sourceDirectiveId !== undefined ? { sourceDirectiveId: origin.sourceDirectiveId } : {}),
    ...(origin.parentCampaignId !== undefined ? { parentCampaignId: origin.parentCampaignId } : {}),
    ...(origin.bodyText !== undefined ? { bodyText: origin.bodyText } : {}),
    milestones: milestones.map((m) => ({ key: m.key, title: trimmed(m.title), startsAt: vnDayStartIso(m.starts as string), endsAt: vnDayEndIso(m.ends ?? (m.starts as string)) })),
    phases: phases.map((p) => ({ key: p.key, title: trimmed(p.title), starts: bound(p.starts), ends: bound(p.ends) })),
    themes: themes.map((t) => ({ key: t.key, phaseKey: phaseKey(t.phaseKey), title: trimmed(t.title) })),
    // A channel of the list with no wording of its own is named by its label.
    channels: v.channels
      .filter((c) => trimmed(c.text) || c.channel)
      .map((c) => ({ channel: c.channel as CampaignInput['channels'][number]['channel'], text: trimmed(c.text) || campaignChannelLabels[c.channel as ChannelCode] })),
    assignments: v.assignments
      .filter((a) => trimmed(a.text))
      .map((a) => ({
        text: trimmed(a.text),
        unitsAsWritten: a.names.map(trimmed).filter(Boolean).join('; '),
        unitIds: a.unitIds,
        leadUnitId: a.leadUnitId,
        coordinatingUnitIds: a.coordinatingUnitIds,
        phaseKey: phaseKey(a.phaseKey),
        deadline: deadline(a.deadline),
        themeKeys: a.themeKeys.filter((k) => tKeys.has(k)),
        channels: a.channels as CampaignInput['assignments'][number]['channels'],
        expectedOutputs: a.expectedOutputs.filter((o) => o.kind && o.quantity > 0),
        ...(a.parentTaskIds ? { parentTaskIds: a.parentTaskIds } : {}),
      })),
  };
}
