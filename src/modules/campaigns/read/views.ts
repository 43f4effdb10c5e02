import type { Actor } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import { requireVisibleCampaign, viewUnitId } from './access.js';
import { selectActivityWeeks, selectMatrix } from './repository-views.js';
import { selectThemes } from './repository-task.js';

/**
 * The theme × channel matrix of a campaign's activities over a unit's subtree: the themes in order
 * (and "no theme" when an activity names none), the channels met, and a cell per pair that holds
 * activities. An activity about two themes counts once in each theme's row.
 */
export async function campaignMatrix(db: Queryable, input: { actor: Actor; campaignId: number; unitId?: number }) {
  const campaign = await requireVisibleCampaign(db, input.actor, input.campaignId);
  const unitId = await viewUnitId(db, input.actor, campaign, input.unitId);
  const cells = await selectMatrix(db, { campaignId: campaign.id, unitId });
  const themes = await selectThemes(db, campaign.id);
  const channels = [...new Set(cells.map((c) => c.channel))];
  return { unitId, themes, channels, cells };
}

/** Activities per Vietnam week (starting Monday) by channel, over a unit's subtree. */
export async function campaignActivityWeeks(db: Queryable, input: { actor: Actor; campaignId: number; unitId?: number }) {
  const campaign = await requireVisibleCampaign(db, input.actor, input.campaignId);
  const unitId = await viewUnitId(db, input.actor, campaign, input.unitId);
  const rows = await selectActivityWeeks(db, { campaignId: campaign.id, unitId });
  return { unitId, weeks: rows };
}
