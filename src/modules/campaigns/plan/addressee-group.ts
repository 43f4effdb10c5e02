import { searchKey } from '../../../platform/vn/index.js';
import type { UnitCandidate } from '../../../core/unit-match/index.js';
import type { AddresseeGroup } from '../propose/index.js';

/**
 * The members of a group addressee ("UBND các xã, phường", "các sở, ngành", "các chi, đảng bộ cơ sở",
 * read by the proposal's `addresseeGroup`) among the owner's subtree, the owner itself excluded:
 * units of the group's kinds whose name includes one of `nameIncludes` when it is given.
 */
export function expandAddresseeGroup(group: AddresseeGroup, ownerUnitId: number, candidates: readonly UnitCandidate[]): UnitCandidate[] {
  const kinds = new Set(group.unitKinds);
  const includes = (group.nameIncludes ?? []).map(searchKey).filter(Boolean);
  return candidates.filter((u) => u.id !== ownerUnitId && kinds.has(u.kind) && (includes.length === 0 || includes.some((k) => searchKey(u.name).includes(k))));
}
