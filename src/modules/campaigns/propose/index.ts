/** A campaign's structure read from a plan's text (issue 12 item 2): pure, no database. */
export { proposeCampaign, proposeFromParsed } from './propose.js';
export { addresseeGroup } from './units-text.js';
export { proposalJson, type ProposalJson } from './to-json.js';
export type * from './types.js';
