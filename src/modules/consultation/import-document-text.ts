import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { consultationDocuments, documentSections } from './tables.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireSystemAdmin } from '../../platform/access/scope.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { parseDirective, readDirectiveText } from '../../core/vn-document/index.js';
import { sectionsFromTree } from './document-sections.js';
import { selectConsultationByCode } from './repository.js';

/**
 * Loads the text of a draft document (DOCX, PDF with a text layer, or plain text) and splits it into
 * parts, sections and paragraphs with stable references shown to readers. Replaces the document's
 * sections in one transaction; importing the same text again gives the same references.
 */
export async function importDocumentText(
  db: Db,
  options: { actor: Actor; consultationCode: string; documentCode: string; data: Buffer; fileName: string },
) {
  requireSystemAdmin(options.actor);
  const consultation = await selectConsultationByCode(db, options.consultationCode);
  if (!consultation) fail('CONSULTATION_NOT_FOUND', { code: options.consultationCode });
  const text = await readDirectiveText(options.data, options.fileName);
  const sections = sectionsFromTree(parseDirective(text).sections);
  if (sections.length === 0) fail('DOCUMENT_WITHOUT_SECTIONS');
  return db.transaction(async (tx) => {
    const [document] = await tx
      .select()
      .from(consultationDocuments)
      .where(and(eq(consultationDocuments.consultationId, consultation.id), eq(consultationDocuments.code, options.documentCode)));
    if (!document) fail('DOCUMENT_NOT_FOUND', { document: options.documentCode });
    await tx.delete(documentSections).where(eq(documentSections.documentId, document.id));
    await tx.insert(documentSections).values(sections.map((s) => ({ ...s, documentId: document.id })));
    await recordAudit(tx, options.actor, {
      action: 'consultation.document_text',
      entityType: 'consultation_document',
      entityId: document.id,
      unitId: null,
      after: { file: options.fileName, sections: sections.length },
    });
    return { document: document.code, sections: sections.length, refs: sections.map((s) => s.ref) };
  });
}
