/**
 * Shapes of the campaign API the pages use, named once. TEMPORARY hand copy of the contract
 * (briefs: i12-common) until the write and read routes are merged and `npm run api:client` generates them.
 */
export type ChannelCode = 'press' | 'e_portal' | 'social_networks' | 'meetings' | 'loudspeakers' | 'visual_displays' | 'performances' | 'contests' | 'oral' | 'external_information';
export type { CampaignProposal } from '../../api/types.js';
import type { CampaignProposal } from '../../api/types.js';
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
export type TaskStatus = 'done' | 'overdue' | 'in_progress' | 'not_started';
export interface ActivityFile { id: number; fileName: string; contentType: string; size: number }
export interface Activity {
  id: number;
  occurredOn: string;
  channel: ChannelCode | null;
  channelText: string | null;
  themeIds: number[];
  title: string;
  link: string | null;
  quantities: Record<string, number>;
  files: ActivityFile[];
}
export interface CampaignTaskDetail {
  id: number;
  status: TaskStatus;
  dueAt: string | null;
  doneAt: string | null;
  doneNote: string | null;
  campaign: { id: number; code: string; title: string };
  unit: { id: number; code: string; name: string };
  assignment: { text: string; unitsAsWritten: string };
  themes: { id: number; title: string }[];
  activities: Activity[];
}
export interface ActivityInput {
  occurredOn: string;
  channel: ChannelCode | null;
  channelText?: string;
  themeIds: number[];
  title: string;
  link?: string;
  quantities: Record<string, number>;
}
export interface CampaignListItem {
  id: number;
  code: string;
  title: string;
  ownerUnit: { id: number; code: string; name: string };
  parentCampaignId: number | null;
  sourceReference: string | null;
  createdAt: string;
  tasks: number;
  done: number;
  overdue: number;
}
