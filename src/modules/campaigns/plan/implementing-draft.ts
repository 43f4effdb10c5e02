import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { fail } from '../../../platform/errors.js';
import { vietnamDateOf } from '../../../platform/time/vietnam.js';
import { implementsSentence } from '../../../core/official-docx/index.js';
import { selectChildIds } from '../../../core/unit-tree/index.js';
import type { AssignmentDeadline, TimeBound } from '../tables.js';
import type { AssignmentDeadlineInput, CampaignInput, TimeBoundInput } from '../schemas-write.js';
import { selectUnitsByIds, selectVisibleCampaign, type CampaignRow } from './repository.js';
import { selectPlanStructure, selectUnitTasks, type PlanStructure } from './structure-repository.js';

type Keys = { milestone: Map<number, string>; phase: Map<number, string>; theme: Map<number, string> };

function inputBound(bound: TimeBound | null, keys: Keys): TimeBoundInput | null {
  if (bound === null || bound.kind !== 'milestone') return bound;
  return { kind: 'milestone', milestoneKey: keys.milestone.get(bound.milestoneId) as string, edge: bound.edge };
}

function inputDeadline(deadline: AssignmentDeadline | null, keys: Keys): AssignmentDeadlineInput | null {
  if (deadline === null) return null;
  const phaseKey = (id: number | null) => (id === null ? null : (keys.phase.get(id) ?? null));
  if (deadline.kind === 'phase_end') {
    const key = phaseKey(deadline.phaseId);
    return key === null ? null : { kind: 'phase_end', phaseKey: key };
  }
  if (deadline.kind === 'recurring') return { kind: 'recurring', every: deadline.every, phaseKey: phaseKey(deadline.phaseId) };
  return inputBound(deadline, keys);
}

/** "Thực hiện Kế hoạch số 3/KH-SVHTTDL ngày 05/12/2026 của Sở … về …." (core/official-docx). */
function implementsReference(campaign: CampaignRow, ownerName: string): string {
  const day = vietnamDateOf(campaign.createdAt);
  return implementsSentence({ docType: 'Kế hoạch', numberSymbol: campaign.code, date: day, issuer: ownerName, subject: campaign.title });
}

function copiedStructure(structure: PlanStructure): { keys: Keys; parts: Pick<CampaignInput, 'milestones' | 'phases' | 'themes' | 'channels'> } {
  const keys: Keys = {
    milestone: new Map(structure.milestones.map((m, i) => [m.id, `m${i + 1}`])),
    phase: new Map(structure.phases.map((p, i) => [p.id, `p${i + 1}`])),
    theme: new Map(structure.themes.map((t, i) => [t.id, `t${i + 1}`])),
  };
  const parts = {
    milestones: structure.milestones.map((m) => ({ key: keys.milestone.get(m.id) as string, title: m.title, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString() })),
    phases: structure.phases.map((p) => ({ key: keys.phase.get(p.id) as string, title: p.title, starts: inputBound(p.starts, keys), ends: inputBound(p.ends, keys) })),
    themes: structure.themes.map((t) => ({ key: keys.theme.get(t.id) as string, phaseKey: t.phaseId === null ? null : (keys.phase.get(t.phaseId) ?? null), title: t.title })),
    channels: structure.channels.map((c) => ({ channel: c.channel, text: c.text })),
  };
  return { keys, parts };
}

/**
 * The implementing plan of a unit that received a campaign, prefilled (an editor of that unit): the
 * parent's milestones, phases, themes and channels copied, "Thực hiện Kế hoạch số … ngày … của …"
 * as its source reference, and one assignment per task the unit received, given to its child units,
 * each child's task linked to the parent task (`parentTaskIds`). Writes nothing: the unit reviews it
 * and confirms it with POST /campaigns.
 */
export async function implementingDraft(db: Db, options: { actor: Actor; campaignId: number; unitId: number }): Promise<CampaignInput> {
  const { actor, campaignId, unitId } = options;
  await requireUnitRole(db, actor, [unitId], 'editor');
  const campaign = await selectVisibleCampaign(db, actor, campaignId);
  if (!campaign) fail('CAMPAIGN_NOT_FOUND');
  const tasks = await selectUnitTasks(db, campaignId, unitId);
  if (tasks.length === 0) fail('CAMPAIGN_NOT_RECEIVED');
  const structure = await selectPlanStructure(db, campaignId);
  const childIds = (await selectChildIds(db, [unitId])).get(unitId) ?? [];
  const [owner] = await selectUnitsByIds(db, [campaign.ownerUnitId]);
  const children = await selectUnitsByIds(db, childIds);
  const { keys, parts } = copiedStructure(structure);
  const byId = new Map(structure.assignments.map((a) => [a.id, a]));
  const assignments = tasks.map((task) => {
    const a = byId.get(task.assignmentId) as PlanStructure['assignments'][number];
    return {
      text: a.text,
      unitsAsWritten: children.map((c) => c.name).join('; '),
      unitIds: children.map((c) => c.id),
      leadUnitId: null,
      coordinatingUnitIds: [],
      phaseKey: a.phaseId === null ? null : (keys.phase.get(a.phaseId) ?? null),
      deadline: inputDeadline(a.deadline, keys),
      themeKeys: a.themeIds.map((id) => keys.theme.get(id)).filter((k): k is string => k !== undefined),
      channels: a.channels,
      expectedOutputs: a.expectedOutputs,
      parentTaskIds: Object.fromEntries(children.map((c) => [String(c.id), task.id])),
    };
  });
  return {
    ownerUnitId: unitId,
    title: campaign.title,
    purpose: campaign.purpose,
    requirements: campaign.requirements,
    sourceDirectiveId: null,
    sourceReference: implementsReference(campaign, owner?.name ?? ''),
    bodyText: null,
    parentCampaignId: campaignId,
    ...parts,
    assignments,
  };
}
