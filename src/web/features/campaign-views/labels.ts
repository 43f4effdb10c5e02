import { campaignChannelLabels } from '../../../shared/campaign-channels.js';
import { campaignProgressLabels, campaignTaskStatusLabels } from '../../../shared/campaign-labels.js';
import type { CampaignTaskStatus } from '../../api/types.js';

/** Labels of the campaign views, from src/shared (the server's exports say the same words). */
export const statusLabel = (status: CampaignTaskStatus | null): string => (status === null ? '—' : campaignTaskStatusLabels[status]);

export const statusColor: Record<NonNullable<CampaignTaskStatus>, string> = { done: 'success', in_progress: 'processing', overdue: 'error', not_started: 'default' };

export function channelLabel(channel: string | null): string {
  if (channel !== null && Object.hasOwn(campaignChannelLabels, channel)) return campaignChannelLabels[channel as keyof typeof campaignChannelLabels];
  return campaignProgressLabels.otherChannel;
}

export { campaignProgressLabels };
