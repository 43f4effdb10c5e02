import { useMemo } from 'react';
import type { Role } from '../../api/types.js';
import { subtreeIds } from '../../lib/unitTree.js';
import { useMe } from '../auth/authContext.js';
import { useUnitIndex } from '../org/useUnits.js';

const EDIT_ROLES: ReadonlySet<Role> = new Set<Role>(['system_admin', 'unit_admin', 'editor']);

export interface EditableUnits {
  /** Units where the user may register directives (editor or above, whole subtrees). */
  ids: ReadonlySet<number>;
  /** Visible units the user may not choose (for UnitTreeSelect's disabledIds). */
  disabledIds: ReadonlySet<number>;
  /** The unit of the user's first editing grant, the default choice. */
  firstId: number | null;
  loading: boolean;
}

/** Units where the signed-in user is editor or above, from their grants and the unit list. */
export function useEditableUnits(): EditableUnits {
  const me = useMe();
  const { index, query } = useUnitIndex();
  return useMemo(() => {
    const ids = new Set<number>();
    let firstId: number | null = null;
    if (index) {
      for (const grant of me.grants) {
        if (!EDIT_ROLES.has(grant.role)) continue;
        if (grant.unitId === null) {
          for (const id of index.byId.keys()) ids.add(id);
          firstId ??= me.homeUnitId !== null && index.byId.has(me.homeUnitId) ? me.homeUnitId : (index.roots[0]?.id ?? null);
          continue;
        }
        if (!index.byId.has(grant.unitId)) continue;
        for (const id of subtreeIds(index, grant.unitId)) ids.add(id);
        firstId ??= grant.unitId;
      }
    }
    const disabledIds = new Set<number>();
    if (index) for (const id of index.byId.keys()) if (!ids.has(id)) disabledIds.add(id);
    return { ids, disabledIds, firstId, loading: query.isPending };
  }, [me, index, query.isPending]);
}
