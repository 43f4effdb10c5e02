import type { Actor } from '../access/roles.js';
import type { Db } from '../db/database.js';
import type { ItemDue, ItemsDueQuery, ModuleManifest } from './manifest.js';
import { selectHomeUnitIds, selectUnitNames } from './repository.js';

/** An item due with the module that declared it. */
export interface ModuleItemDue extends ItemDue {
  /** The manifest's name: `consultation`, `directives`, … */
  module: string;
}

/**
 * Overdue first; then the nearest deadline first, items without a deadline last; then in the order
 * the modules and their items came (a stable sort keeps it).
 */
export function compareItemsDue(a: ItemDue, b: ItemDue): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.deadline === null || b.deadline === null) return a.deadline === b.deadline ? 0 : a.deadline === null ? 1 : -1;
  return a.deadline.getTime() - b.deadline.getTime();
}

/**
 * Every manifest's items due for the query, each tagged with its module, sorted by `compareItemsDue`.
 * The loop knows no module: a module declaring `itemsDue` in its manifest appears here by that alone.
 */
export async function collectItemsDue(manifests: readonly ModuleManifest[], db: Db, query: ItemsDueQuery): Promise<ModuleItemDue[]> {
  const perModule = await Promise.all(
    manifests.map(async (m) => (m.itemsDue ? (await m.itemsDue(db, query)).map((item) => ({ ...item, module: m.name })) : [])),
  );
  return perModule.flat().sort(compareItemsDue);
}

export interface HomeItemDue extends ModuleItemDue {
  unitName: string;
}

/**
 * What the actor's units must do at `now` (the home page): every manifest's items due for the units
 * of the actor's grants — the top units for a system-wide grant; each manifest checks the role its
 * items need and looks below those units as far as it means to — with the units' names.
 */
export async function homeItemsDue(db: Db, options: { actor: Actor; now: Date; manifests: readonly ModuleManifest[] }): Promise<HomeItemDue[]> {
  const { actor, now } = options;
  const unitIds = await selectHomeUnitIds(db, {
    unitIds: actor.grants.flatMap((g) => (g.unitId === null ? [] : [g.unitId])),
    wholeSystem: actor.grants.some((g) => g.unitId === null),
    now,
  });
  if (unitIds.length === 0) return [];
  const items = await collectItemsDue(options.manifests, db, { actor, unitIds, now });
  const names = await selectUnitNames(db, items.map((i) => i.unitId));
  return items.map((item) => ({ ...item, unitName: names.get(item.unitId) ?? '' }));
}
