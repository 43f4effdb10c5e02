/** Which layout a body writes in, by the kind of its unit. */
import type { UnitKind } from '../../platform/db/schema/org.js';
import type { Convention } from './types.js';

const PARTY_KINDS: ReadonlySet<UnitKind> = new Set(['central', 'party_committee', 'party_board', 'party_cell']);

/**
 * Party committees, boards, cells and the central level write in the Party layout (Guidance 36);
 * every other body (people's committees, departments, communes, portals, the press, mass
 * organisations) in the State layout (Decree 30).
 */
export function conventionOfUnitKind(kind: UnitKind): Convention {
  return PARTY_KINDS.has(kind) ? 'party' : 'state';
}
