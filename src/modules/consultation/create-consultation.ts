import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { normalizeVi } from '../../platform/vn/index.js';
import { checkCutoff, cutoffDeadlineRules, requireOwnerEditor, requireUnitsInOwnerSubtree } from './manage/policy.js';
import { replaceConsultationUnits } from './manage/repository.js';
import { insertConsultation, insertDocuments, selectConsultation } from './repository.js';

export interface CreateConsultationInput {
  code: string;
  title: string;
  documents: { code: string; title: string }[];
  opensAt?: Date | undefined;
  closesAt?: Date | undefined;
  /**
   * The unit opening the consultation (its editors manage it; the units taking part are in its
   * subtree). Absent: a system-wide consultation, which only a system admin may open.
   */
  ownerUnitId?: number | null | undefined;
  /** The units taking part (with their subtrees), within the owner's subtree; absent: the owner's whole subtree (every unit without an owner). */
  unitIds?: number[] | null | undefined;
  /** Weekly cut-off: ISO weekday 1–7 and HH:MM, Vietnam time; Wednesday 16:00 by default. */
  cutoff?: { weekday: number; time: string } | undefined;
}

/** The checks that need no database (the CLI runs them before it connects). */
export function checkConsultationInput(input: CreateConsultationInput): void {
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(input.code.trim())) fail('CONSULTATION_CODE_INVALID');
  if (input.documents.length === 0) fail('CONSULTATION_DOCUMENTS_REQUIRED');
  const codes = input.documents.map((d) => d.code.trim());
  if (new Set(codes).size !== codes.length) fail('DOCUMENT_CODES_DUPLICATE');
  if (input.opensAt && input.closesAt && input.closesAt <= input.opensAt) fail('CONSULTATION_RANGE_INVALID');
  if (input.cutoff) checkCutoff(input.cutoff);
}

/**
 * Opens a consultation on one or more draft documents. Without an owner unit (the command line's
 * default) it is system-wide: every unit takes part, and only a system admin may open it. With one,
 * an editor of that unit opens it for the unit's whole subtree or for chosen units within it.
 * The weekly cut-off is Wednesday 16:00 Vietnam time unless given.
 */
export async function createConsultation(db: Db, options: { actor: Actor; input: CreateConsultationInput }) {
  const { actor, input } = options;
  checkConsultationInput(input);
  const ownerUnitId = input.ownerUnitId ?? null;
  await requireOwnerEditor(db, actor, ownerUnitId);
  const code = input.code.trim();
  return db.transaction(async (tx) => {
    if (await selectConsultation(tx, code)) fail('CONSULTATION_CODE_TAKEN', { code });
    const unitIds = ownerUnitId === null ? null : await requireUnitsInOwnerSubtree(tx, ownerUnitId, input.unitIds ?? [ownerUnitId]);
    const row = await insertConsultation(tx, {
      code,
      title: normalizeVi(input.title).trim(),
      opensAt: input.opensAt ?? new Date(),
      closesAt: input.closesAt ?? null,
      createdByUserId: actor.userId,
      ownerUnitId,
      allUnits: unitIds === null,
      ...(input.cutoff ? { cutoffWeekday: input.cutoff.weekday, cutoffTime: input.cutoff.time, deadlineRules: cutoffDeadlineRules(input.cutoff) } : {}),
    });
    if (unitIds) await replaceConsultationUnits(tx, row.id, unitIds);
    const documents = await insertDocuments(
      tx,
      input.documents.map((d, position) => ({ consultationId: row.id, code: d.code.trim(), title: normalizeVi(d.title).trim(), position })),
    );
    await recordAudit(tx, actor, {
      action: 'consultation.create',
      entityType: 'consultation',
      entityId: row.id,
      unitId: ownerUnitId,
      after: { code, title: row.title, documents: input.documents, ownerUnitId, unitIds, opensAt: row.opensAt, closesAt: row.closesAt, cutoff: `${row.cutoffWeekday} ${row.cutoffTime}` },
    });
    return { ...row, documents };
  });
}
