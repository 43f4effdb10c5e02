import type { Queryable } from '../../../platform/db/database.js';
import { selectChildren, selectFrozenChildPicks, selectRepresentatives, sortRepresentatives } from './repository.js';
import type { RepresentativeOpinion, Representatives } from './schemas.js';

const strip = ({ unitId: _unit, ...item }: RepresentativeOpinion & { unitId: number }): RepresentativeOpinion => item;

/**
 * The representative opinions a unit's weekly report shows: its own picks (picked in the unit or
 * carried up from a child) and the picks of its direct children — for a child that submitted its
 * report, those frozen in that report; otherwise its current picks. Two queries whatever the number
 * of children.
 */
export async function loadRepresentatives(db: Queryable, key: { consultationId: number; unitId: number; periodEnd: string }): Promise<Representatives> {
  const { consultationId, unitId, periodEnd } = key;
  const children = await selectChildren(db, unitId);
  const frozen = new Map((await selectFrozenChildPicks(db, { consultationId, parentId: unitId, periodEnd })).map((f) => [f.unitId, f.items]));
  const liveIds = children.filter((c) => !frozen.has(c.id)).map((c) => c.id);
  const live = await selectRepresentatives(db, { consultationId, periodEnd, unitIds: [unitId, ...liveIds] });
  const byUnit = new Map<number, RepresentativeOpinion[]>();
  for (const item of live) byUnit.set(item.unitId, [...(byUnit.get(item.unitId) ?? []), strip(item)]);
  return {
    own: byUnit.get(unitId) ?? [],
    children: children.flatMap((c) => {
      const fromSnapshot = frozen.get(c.id);
      const items = fromSnapshot ? sortRepresentatives([...fromSnapshot]) : (byUnit.get(c.id) ?? []);
      return items.length === 0 ? [] : [{ unitId: c.id, code: c.code, name: c.name, source: fromSnapshot ? ('frozen' as const) : ('live' as const), items }];
    }),
  };
}

/**
 * Every representative opinion of a report once (own picks first, then the children's not carried
 * up), in document order: what the exported files list.
 */
export function mergedRepresentatives(representatives: Representatives): RepresentativeOpinion[] {
  const seen = new Set(representatives.own.map((o) => o.opinionId));
  const merged = [...representatives.own];
  for (const child of representatives.children) {
    for (const item of child.items) {
      if (seen.has(item.opinionId)) continue;
      seen.add(item.opinionId);
      merged.push(item);
    }
  }
  return sortRepresentatives(merged);
}
