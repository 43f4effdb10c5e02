/**
 * A unit's headcount (e.g. its party members): the denominator of the participation rate. Any
 * viewer of the unit reads it; only an admin of the unit sets it (audited `contest.headcount_set`
 * with before/after); `headcount: null` removes it (the rate is then unknown, never guessed).
 */
import type { Db } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { deleteHeadcount, selectHeadcount, selectHeadcountForUpdate, upsertHeadcount, type Headcount } from './repository.js';

export interface HeadcountView {
  unitId: number;
  headcount: number | null;
  label: string | null;
  updatedAt: string | null;
}

const view = (unitId: number, row: Headcount | null): HeadcountView => ({ unitId, headcount: row?.headcount ?? null, label: row?.label ?? null, updatedAt: row?.updatedAt.toISOString() ?? null });

export async function getHeadcount(db: Db, options: { actor: Actor; unitId: number }): Promise<HeadcountView> {
  await requireUnitRole(db, options.actor, [options.unitId], 'viewer');
  return view(options.unitId, await selectHeadcount(db, options.unitId));
}

export async function setHeadcount(db: Db, options: { actor: Actor; unitId: number; headcount: number | null; label?: string | null | undefined }): Promise<HeadcountView> {
  const { actor, unitId } = options;
  await requireUnitRole(db, actor, [unitId], 'unit_admin');
  const label = options.label?.trim() ? options.label.trim() : null;
  await db.transaction(async (tx) => {
    const before = await selectHeadcountForUpdate(tx, unitId);
    if (options.headcount === null) await deleteHeadcount(tx, unitId);
    else await upsertHeadcount(tx, { unitId, headcount: options.headcount, label, updatedByUserId: actor.userId });
    const after = options.headcount === null ? null : { headcount: options.headcount, label };
    await recordAudit(tx, actor, { action: 'contest.headcount_set', entityType: 'unit_headcount', entityId: unitId, unitId, before: before && { headcount: before.headcount, label: before.label }, after });
  });
  return view(unitId, await selectHeadcount(db, unitId));
}
