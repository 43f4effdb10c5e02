/**
 * A campaign's structure proposed from a plan's text (issue 12 item 2): phases, themes, channels,
 * assignments and the milestones the phases are tied to. Every part carries the span of the
 * normalised text it came from (`parseDirective(text).text`), [start, end), so the review page can
 * highlight it beside the text. The user corrects and confirms; nothing here touches the database.
 */
import type { DeadlineRule } from '../../../core/vn-document/index.js';
import type { UnitKind } from '../../../platform/db/schema/org.js';
import type { ChannelCode } from '../../../shared/campaign-channels.js';

export type { ChannelCode } from '../../../shared/campaign-channels.js';

export type Span = [start: number, end: number];

/** When a phase starts or ends, or when an assignment is due. */
export type TimeExpression =
  | { kind: 'date'; date: string /* YYYY-MM-DD */ }
  /** Relative to `milestones[milestone]`: before it starts, at its start, at its end, after it ends. */
  | { kind: 'milestone'; milestone: number; edge: 'before' | 'start' | 'end' | 'after' }
  /** As written, when nothing better was read ("Từ nay"). */
  | { kind: 'text'; text: string };

/**
 * A group addressee ("UBND các xã, phường", "các sở, ngành", "các chi, đảng bộ cơ sở"): the units of
 * the issuer's subtree of these kinds (and, when given, whose name includes one of `nameIncludes`).
 */
export interface AddresseeGroup {
  text: string;
  unitKinds: UnitKind[];
  nameIncludes?: string[];
}

export interface ProposedPhase {
  title: string;
  starts: TimeExpression | null;
  ends: TimeExpression | null;
  span?: Span;
}

export interface ProposedTheme {
  /** Index into `phases`; null = the whole campaign. */
  phase: number | null;
  title: string;
  span?: Span;
}

export interface ProposedChannel {
  /** null = free text (a form the controlled list does not name). */
  channel: ChannelCode | null;
  text: string;
  span?: Span;
}

export interface ProposedAssignment {
  /** The assigned units, as written. */
  units: string[];
  /** The unit that leads ("chủ trì"), or the one unit assigned. */
  lead: string | null;
  /** Units named to coordinate ("phối hợp với …"), as written. */
  coordinating: string[];
  text: string;
  deadline: TimeExpression | null;
  /** The deadline as core's rule when the text gives one ("trước 16h00' Thứ tư hằng tuần" → weekly, Wednesday, 16:00). */
  deadlineRule?: DeadlineRule;
  phase: number | null;
  /** The group addressees among `units`. */
  groups: AddresseeGroup[];
  span?: Span;
}

export interface ProposedMilestone {
  title: string;
  /** ISO dates when the text gives them. */
  starts: string | null;
  ends: string | null;
  span?: Span;
}

export interface CampaignProposal {
  phases: ProposedPhase[];
  themes: ProposedTheme[];
  channels: ProposedChannel[];
  assignments: ProposedAssignment[];
  milestones: ProposedMilestone[];
}
