import type { Db } from '../../platform/db/database.js';
import { consultationDocuments, consultations } from './tables.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireSystemAdmin } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { normalizeVi } from '../../platform/vn/index.js';
import { selectConsultationByCode } from './repository.js';

export interface CreateConsultationInput {
  code: string;
  title: string;
  documents: { code: string; title: string }[];
  opensAt?: Date | undefined;
  closesAt?: Date | undefined;
}

/**
 * Opens a consultation on one or more draft documents; every unit takes part by default and the
 * weekly cut-off is Wednesday 16:00 Vietnam time.
 */
export async function createConsultation(db: Db, options: { actor: Actor; input: CreateConsultationInput }) {
  const { actor, input } = options;
  requireSystemAdmin(actor);
  const code = input.code.trim();
  if (!/^[\p{L}\p{N}._-]{1,64}$/u.test(code)) fail('CONSULTATION_CODE_INVALID');
  if (input.documents.length === 0) fail('CONSULTATION_DOCUMENTS_REQUIRED');
  const codes = input.documents.map((d) => d.code.trim());
  if (new Set(codes).size !== codes.length) fail('DOCUMENT_CODES_DUPLICATE');
  if (input.opensAt && input.closesAt && input.closesAt <= input.opensAt) fail('CONSULTATION_RANGE_INVALID');
  return db.transaction(async (tx) => {
    if (await selectConsultationByCode(tx, code)) fail('CONSULTATION_CODE_TAKEN', { code });
    const [row] = await tx
      .insert(consultations)
      .values({ code, title: normalizeVi(input.title).trim(), opensAt: input.opensAt ?? new Date(), closesAt: input.closesAt ?? null, createdByUserId: actor.userId })
      .returning();
    if (!row) fail('UNEXPECTED');
    const documents = await tx
      .insert(consultationDocuments)
      .values(input.documents.map((d, position) => ({ consultationId: row.id, code: d.code.trim(), title: normalizeVi(d.title).trim(), position })))
      .returning();
    await recordAudit(tx, actor, { action: 'consultation.create', entityType: 'consultation', entityId: row.id, unitId: null, after: { code, title: row.title, documents: input.documents } });
    return { ...row, documents };
  });
}
