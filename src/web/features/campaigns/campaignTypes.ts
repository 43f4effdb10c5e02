/**
 * Shapes of the campaign API the pages use, named once. TEMPORARY hand copy of the contract
 * (briefs: i12-common) until the write and read routes are merged and `npm run api:client` generates them.
 */
export type ChannelCode = 'press' | 'e_portal' | 'social_networks' | 'meetings' | 'loudspeakers' | 'visual_displays' | 'performances' | 'contests' | 'oral' | 'external_information';
import type { proposeFrom } from './useCampaignEditing.js';
/** The proposal as the client receives it (POST /campaigns/proposal). */
export type CampaignProposal = Awaited<ReturnType<typeof proposeFrom>>;
export type ProposedTime = NonNullable<CampaignProposal['phases'][number]['starts']>;
type Bound = { kind: 'date'; date: string } | { kind: 'instant'; at: string } | { kind: 'milestone'; milestoneKey: string; edge: 'start' | 'end' } | null;
export interface CampaignInput {
  ownerUnitId: number;
  code?: string;
  title: string;
  purpose: string;
  requirements: string;
  sourceDirectiveId?: number;
  sourceReference?: string;
  bodyText?: string;
  parentCampaignId?: number;
  milestones: { key: string; title: string; startsAt: string; endsAt: string }[];
  phases: { key: string; title: string; starts: Bound; ends: Bound }[];
  themes: { key: string; phaseKey: string | null; title: string }[];
  channels: { channel: ChannelCode | null; text: string }[];
  assignments: {
    text: string;
    unitsAsWritten: string;
    unitIds: number[];
    leadUnitId: number | null;
    coordinatingUnitIds: number[];
    phaseKey: string | null;
    deadline: Bound | { kind: 'phase_end'; phaseKey: string } | { kind: 'recurring'; every: 'week' | 'month' | 'phase'; phaseKey: string | null };
    themeKeys: string[];
    channels: ChannelCode[];
    expectedOutputs: { kind: string; quantity: number }[];
    parentTaskIds?: Record<string, number>;
  }[];
}
export interface UnitMatch {
  name: string;
  units: { id: number; code: string; name: string }[];
  group: boolean;
}
export type { CampaignActivity as Activity, CampaignActivityFile as ActivityFile, CampaignSummary as CampaignListItem, CampaignTask as CampaignTaskDetail } from '../../api/types.js';
export interface ActivityInput {
  occurredOn: string;
  channel: ChannelCode | null;
  channelText?: string;
  themeIds: number[];
  title: string;
  link?: string;
  quantities: Record<string, number>;
}
