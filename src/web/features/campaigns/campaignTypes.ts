/**
 * The campaign API's shapes under the names the campaign pages use; all generated from the OpenAPI
 * document (api/types.ts), except the proposal's, which is what the client call returns.
 */
import type { proposeFrom } from './useCampaignEditing.js';

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

/** The proposal as the client receives it (POST /campaigns/proposal). */
export type CampaignProposal = Awaited<ReturnType<typeof proposeFrom>>;
export type ProposedTime = NonNullable<CampaignProposal['phases'][number]['starts']>;
