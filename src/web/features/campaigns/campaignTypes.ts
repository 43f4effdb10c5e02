/**
 * The campaign API's shapes under the names the campaign pages use; all generated from the OpenAPI
 * document (api/types.ts).
 */
export type { ChannelCode } from '../../../shared/campaign-channels.js';
export type {
  CampaignActivity as Activity,
  CampaignActivityFile as ActivityFile,
  CampaignActivityInput as ActivityInput,
  CampaignPlanInput as CampaignInput,
  CampaignSummary as CampaignListItem,
  CampaignTask as CampaignTaskDetail,
  CampaignUnitMatch as UnitMatch,
} from '../../api/types.js';

import type { CampaignProposal } from '../../api/types.js';

export type { CampaignProposal };
export type ProposedTime = NonNullable<CampaignProposal['phases'][number]['starts']>;
