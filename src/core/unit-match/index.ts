/**
 * Unit matching (core): names written in a document ("Sở VHTTDL", "UBND các xã, phường") linked to
 * units of the hierarchy. Pure; callers pass the candidate units. Directive registration and
 * campaign plans both use it.
 */
export { acronym, expandGroup, matchUnit, type MatchContext, type UnitCandidate } from './match-units.js';
