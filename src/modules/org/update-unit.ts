import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireSystemAdmin, requireUnitRole } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { normalizeVi } from '../../platform/vn/index.js';
import { isInSubtree } from '../../core/unit-tree/index.js';
import { selectUnit, selectUnitsByCodes, unitSearchKey, updateUnitFields } from './repository.js';
import { changedFields, presentUnit } from './present.js';
import { assertActiveRange, signingSettings } from './create-unit.js';
import type { UpdateUnitInput } from './schemas.js';
import { emitUnitsMoved, readPathsBeforeMove } from './events.js';

/** Edits a unit the actor administers; moving it needs admin rights on the new parent and may not create a cycle. */
export async function updateUnit(db: Db, options: { actor: Actor; unitId: number; input: UpdateUnitInput }) {
  const { actor, unitId } = options;
  const input = { ...options.input, ...signingSettings(options.input) };
  if (input.name !== undefined) input.name = normalizeVi(input.name);
  if (input.code !== undefined) input.code = normalizeVi(input.code);
  await requireUnitRole(db, actor, [unitId], 'unit_admin');
  return db.transaction(async (tx) => {
    const current = await selectUnit(tx, unitId);
    if (!current) fail('UNIT_NOT_FOUND');
    const before = presentUnit(current);
    if (input.parentId !== undefined && input.parentId !== current.parentId) {
      if (input.parentId === null) requireSystemAdmin(actor);
      else {
        await requireUnitRole(tx, actor, [input.parentId], 'unit_admin');
        if ((await isInSubtree(tx, unitId, [input.parentId])).size > 0) {
          fail('UNIT_MOVE_CYCLE', [
            { path: ['parentId'], message: 'Tạo thành vòng lặp trong cây đơn vị' },
          ]);
        }
      }
    }
    if (input.code !== undefined && input.code !== current.code && (await selectUnitsByCodes(tx, [input.code])).length > 0) {
      fail('UNIT_CODE_TAKEN', { field: 'code', code: input.code });
    }
    const next = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
    assertActiveRange(next.activeFrom ?? null, next.activeTo ?? null);
    const diff = changedFields(before, next);
    if (Object.keys(diff.after).length === 0) return before;
    const moved = next.parentId !== current.parentId;
    const pathsBefore = moved ? await readPathsBeforeMove(tx, [unitId]) : new Map<number, number[]>();
    const row = await updateUnitFields(tx, unitId, {
      code: next.code,
      name: next.name,
      kind: next.kind,
      abbreviation: next.abbreviation ?? null,
      parentId: next.parentId,
      sortOrder: next.sortOrder,
      activeFrom: next.activeFrom ?? null,
      activeTo: next.activeTo ?? null,
      place: next.place ?? null,
      signerAuthority: next.signerAuthority ?? null,
      signerTitle: next.signerTitle ?? null,
      signerName: next.signerName ?? null,
      searchKey: unitSearchKey(next),
    });
    if (!row) fail('UNIT_NOT_FOUND');
    await recordAudit(tx, actor, { action: 'unit.update', entityType: 'unit', entityId: unitId, unitId, ...diff });
    if (moved) await emitUnitsMoved(tx, [{ unitId, fromParentId: current.parentId, toParentId: row.parentId }], pathsBefore);
    return presentUnit(row);
  });
}
