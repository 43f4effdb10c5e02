import type { UnitKind } from '../../../platform/db/schema/org.js';
import { searchKey } from '../../../platform/vn/index.js';
import type { UnitCandidate } from '../../../core/unit-match/index.js';

/**
 * A group addressee ("UBND các xã, phường", "các sở, ngành", "các chi, đảng bộ cơ sở"): the member
 * units of the issuer's subtree of some kinds. The type is the propose helper's `AddresseeGroup`
 * (propose/types.ts); `addresseeGroupOf` reads one from a name until the proposal's own
 * `addresseeGroup(text)` is merged in, then this reader gives way to it.
 */
export interface AddresseeGroup {
  text: string;
  unitKinds: UnitKind[];
  nameIncludes?: string[];
}

const groupRules: [RegExp, UnitKind[]][] = [
  [/\b(xa|phuong|thi tran)\b/, ['commune']],
  [/\b(so|nganh|so, nganh)\b/, ['department']],
  [/\b(chi bo|dang bo|cap uy|to chuc dang|to chuc co so dang)\b/, ['party_cell', 'party_committee']],
  [/\b(co quan bao chi|bao chi)\b/, ['press']],
];

/** The group a name stands for, or null when it names one body. */
export function addresseeGroupOf(text: string): AddresseeGroup | null {
  const key = searchKey(text.replace(/,/g, ' '));
  if (!/\b(cac|toan the)\b/.test(key)) return null;
  const kinds = new Set<UnitKind>();
  for (const [pattern, unitKinds] of groupRules) if (pattern.test(key)) unitKinds.forEach((k) => kinds.add(k));
  return kinds.size === 0 ? null : { text, unitKinds: [...kinds] };
}

/** The members of a group among the owner's subtree (the owner itself excluded), in candidate order. */
export function expandAddresseeGroup(group: AddresseeGroup, ownerUnitId: number, candidates: readonly UnitCandidate[]): UnitCandidate[] {
  const kinds = new Set(group.unitKinds);
  const includes = (group.nameIncludes ?? []).map(searchKey).filter(Boolean);
  return candidates.filter((u) => u.id !== ownerUnitId && kinds.has(u.kind) && (includes.length === 0 || includes.some((k) => searchKey(u.name).includes(k))));
}
