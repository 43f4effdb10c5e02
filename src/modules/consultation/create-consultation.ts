import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireSystemAdmin } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { normalizeVi } from '../../platform/vn/index.js';
import { insertConsultation, insertDocuments, selectConsultation } from './repository.js';

export interface CreateConsultationInput {
  code: string;
  title: string;
  documents: { code: string; title: string }[];
  opensAt?: Date | undefined;
  closesAt?: Date | undefined;
}

/** The checks that need no database (the CLI runs them before it connects). */
export function checkConsultationInput(input: CreateConsultationInput): void {
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(input.code.trim())) fail('CONSULTATION_CODE_INVALID');
  if (input.documents.length === 0) fail('CONSULTATION_DOCUMENTS_REQUIRED');
  const codes = input.documents.map((d) => d.code.trim());
  if (new Set(codes).size !== codes.length) fail('DOCUMENT_CODES_DUPLICATE');
  if (input.opensAt && input.closesAt && input.closesAt <= input.opensAt) fail('CONSULTATION_RANGE_INVALID');
}

/**
 * Opens a consultation on one or more draft documents; every unit takes part by default and the
 * weekly cut-off is Wednesday 16:00 Vietnam time.
 */
export async function createConsultation(db: Db, options: { actor: Actor; input: CreateConsultationInput }) {
  const { actor, input } = options;
  requireSystemAdmin(actor);
  checkConsultationInput(input);
  const code = input.code.trim();
  return db.transaction(async (tx) => {
    if (await selectConsultation(tx, code)) fail('CONSULTATION_CODE_TAKEN', { code });
    const row = await insertConsultation(tx, { code, title: normalizeVi(input.title).trim(), opensAt: input.opensAt ?? new Date(), closesAt: input.closesAt ?? null, createdByUserId: actor.userId });
    const documents = await insertDocuments(
      tx,
      input.documents.map((d, position) => ({ consultationId: row.id, code: d.code.trim(), title: normalizeVi(d.title).trim(), position })),
    );
    await recordAudit(tx, actor, { action: 'consultation.create', entityType: 'consultation', entityId: row.id, unitId: null, after: { code, title: row.title, documents: input.documents } });
    return { ...row, documents };
  });
}
