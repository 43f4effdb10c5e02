import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { matchUnit, type UnitCandidate } from '../../../core/unit-match/index.js';
import { addresseeGroup } from '../propose/index.js';
import { expandAddresseeGroup } from './addressee-group.js';
import { selectSubtreeCandidates } from './unit-repository.js';

export interface UnitMatch {
  name: string;
  units: { id: number; code: string; name: string }[];
  group: boolean;
}

const ref = (u: UnitCandidate) => ({ id: u.id, code: u.code, name: u.name });

/**
 * Names as the plan writes them → units of the owner's subtree (editor of the owner): a group
 * addressee becomes its member units, any other name the best single match (core/unit-match) or
 * nothing. Never a unit above or beside the owner: only its subtree is searched.
 */
export async function matchCampaignUnits(db: Db, options: { actor: Actor; ownerUnitId: number; names: readonly string[] }): Promise<{ matches: UnitMatch[] }> {
  const { actor, ownerUnitId, names } = options;
  await requireUnitRole(db, actor, [ownerUnitId], 'editor');
  const candidates = await selectSubtreeCandidates(db, ownerUnitId);
  const context = { candidates, nearUnitId: ownerUnitId, place: null };
  const matches = names.map((name) => {
    const group = addresseeGroup(name);
    if (group) return { name, units: expandAddresseeGroup(group, ownerUnitId, candidates).map(ref), group: true };
    const unit = matchUnit(name, context);
    return { name, units: unit ? [ref(unit)] : [], group: false };
  });
  return { matches };
}
