import type { Tx } from '../../platform/db/database.js';
import { emitEvents } from '../../platform/jobs/index.js';
import { selectUnitPaths } from '../../core/unit-tree/index.js';

/**
 * `unit.moved`: a unit got another parent. Payload (the contract other modules rely on):
 * `{ unitId, fromParentId, toParentId, fromPath }`, `fromPath` being the unit's ancestor ids before
 * the move, root first. Emitted in the transaction that moved the unit.
 */
export const UNIT_MOVED = 'unit.moved';

export interface UnitMove {
  unitId: number;
  fromParentId: number | null;
  toParentId: number | null;
}

/** The ancestors of the units about to move, read before the move (pass them to `emitUnitsMoved`). */
export function readPathsBeforeMove(tx: Tx, unitIds: readonly number[]): Promise<Map<number, number[]>> {
  return selectUnitPaths(tx, unitIds);
}

export async function emitUnitsMoved(tx: Tx, moves: readonly UnitMove[], pathsBefore: Map<number, number[]>): Promise<void> {
  await emitEvents(
    tx,
    UNIT_MOVED,
    moves.map((m) => ({ ...m, fromPath: pathsBefore.get(m.unitId) ?? [] })),
  );
}
