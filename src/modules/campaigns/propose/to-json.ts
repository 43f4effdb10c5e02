/**
 * The JSON `lantoa campaigns propose FILE --json` prints: the contract
 * `{phases:[{title,starts,ends}], themes:[{phase,title}], channels:[…], assignments:[{units,lead,coordinating,text,deadline}]}`
 * with the extra keys the contract allows (spans, phase and groups of assignments, milestones).
 */
import type { CampaignProposal } from './types.js';

export type ProposalJson = CampaignProposal;

export function proposalJson(p: CampaignProposal): ProposalJson {
  return {
    phases: p.phases.map((x) => ({ title: x.title, starts: x.starts, ends: x.ends, span: x.span })),
    themes: p.themes.map((x) => ({ phase: x.phase, title: x.title, span: x.span })),
    channels: p.channels.map((x) => ({ channel: x.channel, text: x.text, span: x.span })),
    assignments: p.assignments.map((x) => ({
      units: x.units,
      lead: x.lead,
      coordinating: x.coordinating,
      text: x.text,
      deadline: x.deadline,
      ...(x.deadlineRule ? { deadlineRule: x.deadlineRule } : {}),
      phase: x.phase,
      groups: x.groups,
      span: x.span,
    })),
    milestones: p.milestones.map((x) => ({ title: x.title, starts: x.starts, ends: x.ends, span: x.span })),
  };
}
