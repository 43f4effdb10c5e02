import { isSystemAdmin, type Actor } from '../../../platform/access/roles.js';
import { effectiveRoles, requireUnitRole } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { actorScope, scopeSeesCampaign, selectCampaign, type CampaignRow } from './repository-read.js';

/**
 * Reading a campaign: the actor sees it when a unit of their granted subtrees owns it or holds one
 * of its tasks; otherwise CAMPAIGN_NOT_FOUND (nothing about it is revealed).
 */
export async function requireVisibleCampaign(db: Queryable, actor: Actor, campaignId: number): Promise<CampaignRow> {
  const campaign = await selectCampaign(db, { id: campaignId });
  // A system admin sees everything: no scope to walk (a nation-wide scope is the whole table).
  if (!campaign || (!isSystemAdmin(actor) && !(await scopeSeesCampaign(db, actorScope(actor), campaign.id)))) fail('CAMPAIGN_NOT_FOUND');
  return campaign;
}

/**
 * The unit whose subtree a view covers: the one asked (the actor must see it), else the campaign's
 * owner when the actor sees it, else the actor's first granted unit.
 */
export async function viewUnitId(db: Queryable, actor: Actor, campaign: CampaignRow, unitId: number | undefined): Promise<number> {
  if (unitId !== undefined) {
    await requireUnitRole(db, actor, [unitId], 'viewer');
    return unitId;
  }
  const roles = await effectiveRoles(db, actor, [campaign.ownerUnitId]);
  if (roles.has(campaign.ownerUnitId)) return campaign.ownerUnitId;
  const granted = actor.grants.find((g) => g.unitId !== null)?.unitId;
  if (granted === undefined || granted === null) fail('CAMPAIGN_NOT_FOUND');
  return granted;
}
