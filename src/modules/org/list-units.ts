import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { effectiveRoles, requireUnitRole } from '../../platform/access/scope.js';
import { roleRank } from '../../platform/access/roles.js';
import { fail } from '../../platform/errors.js';
import { selectAncestors } from '../../core/unit-tree/index.js';
import { countChildren, selectUnit, selectVisibleUnits } from './repository.js';
import { presentUnit } from './present.js';

/** Every unit the actor may see (their granted subtrees), optionally filtered by a search text. */
export async function listUnits(db: Db, options: { actor: Actor; query?: string | undefined }) {
  const rows = await selectVisibleUnits(db, options.actor, options.query);
  return rows.map(presentUnit);
}

/** One unit with its ancestors, number of children and whether the actor may manage it. */
export async function getUnit(db: Db, options: { actor: Actor; unitId: number }) {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  const unit = await selectUnit(db, options.unitId);
  if (!unit) fail('UNIT_NOT_FOUND');
  const [ancestors, childCount, roles] = await Promise.all([
    selectAncestors(db, [unit.id]).then((paths) => paths.get(unit.id) ?? []),
    countChildren(db, unit.id),
    effectiveRoles(db, options.actor, [unit.id]),
  ]);
  const role = roles.get(unit.id);
  return {
    ...presentUnit(unit),
    ancestors,
    childCount,
    canManage: role !== undefined && roleRank[role] <= roleRank.unit_admin,
    createdAt: unit.createdAt.toISOString(),
    updatedAt: unit.updatedAt.toISOString(),
  };
}
