/**
 * An implementing draft (GET /campaigns/{id}/implementing-draft: the create body pre-filled from the
 * parent plan) → the "new campaign" form. Pure.
 */
import type { AssignmentValues, BoundValue, CampaignFormValues, DeadlineValue } from './campaignForm.js';
import type { CampaignInput } from './campaignTypes.js';

type Bound = CampaignInput['phases'][number]['starts'];
type Deadline = CampaignInput['assignments'][number]['deadline'];

/** The Vietnam date of an instant (YYYY-MM-DD). */
export function vnDate(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The API's bounds are flat objects (a kind and the fields of that kind); a bound missing its fields reads as none. */
function boundValue(b: Bound): BoundValue {
  if (!b) return { kind: 'none' };
  if (b.kind === 'date' && b.date) return { kind: 'date', date: b.date };
  if (b.kind === 'instant' && b.at) return { kind: 'date', date: vnDate(b.at) };
  if (b.kind === 'milestone' && b.milestoneKey) return { kind: 'milestone', milestoneKey: b.milestoneKey, edge: b.edge ?? 'start' };
  return { kind: 'none' };
}

function deadlineValue(d: Deadline): DeadlineValue {
  if (!d) return { kind: 'none' };
  if (d.kind === 'phase_end') return { kind: 'phase_end', phaseKey: d.phaseKey ?? null };
  if (d.kind === 'recurring') return { kind: 'recurring', every: d.every ?? 'phase', phaseKey: d.phaseKey ?? null };
  return boundValue({ ...d, kind: d.kind });
}

export function formFromInput(input: CampaignInput): CampaignFormValues {
  return {
    ownerUnitId: input.ownerUnitId,
    code: input.code ?? '',
    title: input.title,
    purpose: input.purpose,
    requirements: input.requirements,
    sourceReference: input.sourceReference ?? '',
    milestones: input.milestones.map((m) => ({ key: m.key, title: m.title, starts: vnDate(m.startsAt), ends: vnDate(m.endsAt) })),
    phases: input.phases.map((p) => ({ key: p.key, title: p.title, starts: boundValue(p.starts), ends: boundValue(p.ends) })),
    themes: input.themes.map((t) => ({ ...t })),
    channels: input.channels.map((c) => ({ ...c })),
    assignments: input.assignments.map(
      (a, i): AssignmentValues => ({
        key: `a${i + 1}`,
        text: a.text,
        names: a.unitsAsWritten ? a.unitsAsWritten.split('; ') : [],
        leadName: null,
        coordinatingNames: [],
        unitIds: a.unitIds,
        leadUnitId: a.leadUnitId,
        coordinatingUnitIds: a.coordinatingUnitIds,
        phaseKey: a.phaseKey,
        deadline: deadlineValue(a.deadline),
        themeKeys: a.themeKeys,
        channels: a.channels,
        expectedOutputs: a.expectedOutputs,
        parentTaskIds: a.parentTaskIds,
      }),
    ),
  };
}
