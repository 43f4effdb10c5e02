import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/database.js';
import { requireVisibleCampaign } from './access.js';
import { actorScope, selectCampaignList, selectUnitsByIds, unitScope, type CampaignListRow } from './repository-read.js';
import { selectStructure } from './repository-structure.js';

/** The campaigns the actor sees (or, with `unitId`, those a unit of their scope sees: owned, received, or below it). */
export async function listCampaigns(db: Queryable, input: { actor: Actor; unitId?: number; now?: Date }): Promise<CampaignListRow[]> {
  if (input.unitId !== undefined) await requireUnitRole(db, input.actor, [input.unitId], 'viewer');
  const scope = input.unitId === undefined ? actorScope(input.actor) : unitScope(input.unitId);
  return selectCampaignList(db, scope, input.now ?? new Date());
}

/** A campaign's structure: milestones, phases with their resolved instants, themes, channels, assignments with their units named. */
export async function getCampaign(db: Queryable, input: { actor: Actor; campaignId: number }) {
  const campaign = await requireVisibleCampaign(db, input.actor, input.campaignId);
  const structure = await selectStructure(db, campaign.id);
  const ids = [campaign.ownerUnitId, ...structure.assignments.flatMap((a) => [...(a.leadUnitId === null ? [] : [a.leadUnitId]), ...a.coordinatingUnitIds, ...a.taskUnitIds])];
  const units = await selectUnitsByIds(db, ids);
  const named = (list: readonly number[]) => list.flatMap((id) => (units.has(id) ? [units.get(id)!] : []));
  return {
    ...campaign,
    ownerUnit: units.get(campaign.ownerUnitId) ?? { id: campaign.ownerUnitId, code: '', name: '' },
    milestones: structure.milestones,
    phases: structure.phases,
    themes: structure.themes,
    channels: structure.channels,
    assignments: structure.assignments.map((a) => ({
      id: a.id,
      code: `${campaign.code}-${a.position}`,
      position: a.position,
      text: a.text,
      unitsAsWritten: a.unitsAsWritten,
      leadUnit: a.leadUnitId === null ? null : (units.get(a.leadUnitId) ?? null),
      coordinatingUnits: named(a.coordinatingUnitIds),
      units: named(a.taskUnitIds),
      phaseId: a.phaseId,
      deadline: a.deadline,
      dueAt: a.dueAt,
      themeIds: a.themeIds,
      channels: a.channels,
      expectedOutputs: a.expectedOutputs,
    })),
  };
}
