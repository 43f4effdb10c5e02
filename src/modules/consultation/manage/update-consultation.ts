import type { Actor } from '../../../platform/access/roles.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { loadConsultation } from '../repository.js';
import { checkCutoff, cutoffDeadlineRules, requireConsultationManager, requireUnitsInOwnerSubtree } from './policy.js';
import { replaceConsultationUnits, selectConsultationUnits, selectExistingUnitIds, updateConsultationSettings } from './repository.js';

export interface UpdateConsultationInput {
  opensAt?: Date | undefined;
  /** null: open-ended. */
  closesAt?: Date | null | undefined;
  cutoff?: { weekday: number; time: string } | undefined;
  /** The units taking part (with their subtrees); null: the owner's whole subtree (every unit for a system-wide consultation). */
  unitIds?: number[] | null | undefined;
}

const sameCutoff = (a: { weekday: number; time: string }, b: { cutoffWeekday: number; cutoffTime: string }) => a.weekday === b.cutoffWeekday && a.time === b.cutoffTime;

/**
 * Changes a consultation's closing instant and units taking part until it closes, and its opening
 * instant and weekly cut-off until it opens (the weeks already reported keep their periods). Only
 * its managers (see policy.ts); the units stay within the owner's subtree. Audited with before and after.
 */
export async function updateConsultation(db: Db, options: { actor: Actor; code: string; input: UpdateConsultationInput; now?: Date }) {
  const { actor, input } = options;
  const now = options.now ?? new Date();
  const current = await loadConsultation(db, options.code);
  await requireConsultationManager(db, actor, current);
  const code = current.code;
  if (current.closesAt && now >= current.closesAt) fail('CONSULTATION_EDIT_CLOSED', { code });
  const started = now >= current.opensAt;
  const opensAt = input.opensAt ?? current.opensAt;
  if (input.cutoff) checkCutoff(input.cutoff);
  if (started && (opensAt.getTime() !== current.opensAt.getTime() || (input.cutoff && !sameCutoff(input.cutoff, current)))) fail('CONSULTATION_EDIT_STARTED', { code });
  const closesAt = input.closesAt === undefined ? current.closesAt : input.closesAt;
  if (closesAt && closesAt <= opensAt) fail('CONSULTATION_RANGE_INVALID');
  if (closesAt && closesAt <= now && closesAt.getTime() !== current.closesAt?.getTime()) fail('CONSULTATION_CLOSES_IN_PAST');
  return db.transaction(async (tx) => {
    let unitIds: number[] | null | undefined;
    if (input.unitIds !== undefined) {
      const owner = current.ownerUnitId;
      if (owner !== null) unitIds = await requireUnitsInOwnerSubtree(tx, owner, input.unitIds ?? []);
      else if (input.unitIds !== null) unitIds = await selectExistingUnitIds(tx, input.unitIds);
      else unitIds = null;
    }
    const before = { opensAt: current.opensAt, closesAt: current.closesAt, cutoff: `${current.cutoffWeekday} ${current.cutoffTime}`, allUnits: current.allUnits, unitIds: (await selectConsultationUnits(tx, current.id)).map((u) => u.id) };
    const cutoff = input.cutoff && !sameCutoff(input.cutoff, current) ? { cutoffWeekday: input.cutoff.weekday, cutoffTime: input.cutoff.time, deadlineRules: cutoffDeadlineRules(input.cutoff) } : {};
    const row = await updateConsultationSettings(tx, current.id, { opensAt, closesAt, ...cutoff, ...(unitIds !== undefined ? { allUnits: unitIds === null } : {}) });
    if (!row) fail('CONSULTATION_NOT_FOUND', { code });
    if (unitIds !== undefined) await replaceConsultationUnits(tx, current.id, unitIds ?? []);
    await recordAudit(tx, actor, {
      action: 'consultation.update',
      entityType: 'consultation',
      entityId: current.id,
      unitId: current.ownerUnitId,
      before,
      after: { opensAt: row.opensAt, closesAt: row.closesAt, cutoff: `${row.cutoffWeekday} ${row.cutoffTime}`, allUnits: row.allUnits, unitIds: unitIds === undefined ? before.unitIds : (unitIds ?? []) },
    });
    return { code };
  });
}
