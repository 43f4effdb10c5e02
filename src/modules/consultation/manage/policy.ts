import type { Actor } from '../../../platform/access/roles.js';
import { isSystemAdmin } from '../../../platform/access/roles.js';
import { requireSystemAdmin, requireUnitRole } from '../../../platform/access/scope.js';
import type { Queryable } from '../../../platform/db/database.js';
import { AppError, fail } from '../../../platform/errors.js';
import type { PeriodDeadlineRule } from '../../../platform/time/index.js';
import { isInSubtree } from '../../../core/unit-tree/index.js';
import type { Consultation } from '../repository.js';
import { consultationVisibleTo } from './repository.js';

/**
 * Who may see and manage a consultation. A system-wide consultation (no owner unit) is seen by every
 * signed-in user and managed by system admins; a unit's consultation is seen by those whose granted
 * subtrees meet the owner's subtree (the owner's line above, or units inside it) and managed by the
 * owner unit's editors (a grant on the owner or an ancestor) and system admins.
 */

/** SYSTEM_ADMIN_ONLY for a system-wide consultation; UNIT_OUT_OF_SCOPE / ROLE_TOO_WEAK unless an editor of the owner unit. */
export async function requireOwnerEditor(db: Queryable, actor: Actor, ownerUnitId: number | null): Promise<void> {
  if (ownerUnitId === null) requireSystemAdmin(actor);
  else await requireUnitRole(db, actor, [ownerUnitId], 'editor');
}

/** CONSULTATION_NOT_FOUND when the actor may not see the consultation (its existence is not revealed). */
export async function requireConsultationVisible(db: Queryable, actor: Actor, consultation: Pick<Consultation, 'id' | 'code' | 'ownerUnitId'>): Promise<void> {
  if (consultation.ownerUnitId === null || isSystemAdmin(actor)) return;
  if (!(await consultationVisibleTo(db, actor, consultation.id))) fail('CONSULTATION_NOT_FOUND', { code: consultation.code });
}

/**
 * Visible (else NOT_FOUND), then an editor of the owner unit or a system admin (else FORBIDDEN — also
 * for a user of a unit inside the owner's subtree, who sees the consultation but not the owner).
 */
export async function requireConsultationManager(db: Queryable, actor: Actor, consultation: Pick<Consultation, 'id' | 'code' | 'ownerUnitId'>): Promise<void> {
  await requireConsultationVisible(db, actor, consultation);
  try {
    await requireOwnerEditor(db, actor, consultation.ownerUnitId);
  } catch (error) {
    if (error instanceof AppError && error.reason === 'UNIT_OUT_OF_SCOPE') fail('ROLE_TOO_WEAK', { required: 'editor' });
    throw error;
  }
}

/** Whether the actor may manage it, without throwing (for the page's "Sửa" button). */
export async function canManageConsultation(db: Queryable, actor: Actor, consultation: Pick<Consultation, 'id' | 'code' | 'ownerUnitId'>): Promise<boolean> {
  try {
    await requireOwnerEditor(db, actor, consultation.ownerUnitId);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/**
 * The units taking part, each once; CONSULTATION_UNITS_OUTSIDE_OWNER when one is not the owner or
 * inside its subtree (which units is not said: the caller may not see them). An empty list means the owner's whole subtree.
 */
export async function requireUnitsInOwnerSubtree(db: Queryable, ownerUnitId: number, unitIds: readonly number[]): Promise<number[]> {
  const unique = unitIds.length === 0 ? [ownerUnitId] : [...new Set(unitIds)];
  const inside = await isInSubtree(db, ownerUnitId, unique);
  if (unique.some((id) => !inside.has(id))) fail('CONSULTATION_UNITS_OUTSIDE_OWNER', { outside: unique.filter((id) => !inside.has(id)).length });
  return unique;
}

/** A weekly cut-off: ISO weekday 1 (Monday) to 7 (Sunday) and a time HH:MM. */
export function checkCutoff(cutoff: { weekday: number; time: string }): void {
  const time = /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(cutoff.time);
  if (!Number.isInteger(cutoff.weekday) || cutoff.weekday < 1 || cutoff.weekday > 7 || !time) fail('CONSULTATION_CUTOFF_INVALID');
}

/**
 * The per-level deadlines for a chosen cut-off: grassroots units report by the same time the day
 * before the cut-off (as the default Tuesday 16:00 before Wednesday 16:00), the other levels by the cut-off.
 */
export function cutoffDeadlineRules(cutoff: { weekday: number; time: string }): { level: 'grassroots'; rule: PeriodDeadlineRule }[] {
  const dayBefore = (cutoff.weekday === 1 ? 7 : cutoff.weekday - 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
  return [{ level: 'grassroots', rule: { kind: 'weekday_before_cutoff', weekday: dayBefore, time: cutoff.time } }];
}
