import type { Db } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { fail } from '../../platform/errors.js';
import { parseDirective, readDirectiveText } from '../../core/vn-document/index.js';
import { sectionsFromTree } from './document-sections.js';
import { requireConsultationManager } from './manage/policy.js';
import { loadConsultation, replaceSections, selectDocumentByCode } from './repository.js';

/**
 * Loads the text of a draft document (DOCX, PDF with a text layer, or plain text) and splits it into
 * parts, sections and paragraphs with stable references shown to readers. Replaces the document's
 * sections in one transaction; importing the same text again gives the same references. The
 * command line and the consultation's page both load a draft through it; only the consultation's
 * managers may (manage/policy.ts: a system admin, or an editor of the owner unit). The file is read
 * in the parsing worker within the upload limits (`readDirectiveText`).
 */
export async function importDocumentText(
  db: Db,
  options: { actor: Actor; consultationCode: string; documentCode: string; data: Buffer; fileName: string },
) {
  const consultation = await loadConsultation(db, options.consultationCode);
  await requireConsultationManager(db, options.actor, consultation);
  const text = await readDirectiveText(options.data, options.fileName);
  const sections = sectionsFromTree(parseDirective(text).sections);
  if (sections.length === 0) fail('DOCUMENT_WITHOUT_SECTIONS');
  return db.transaction(async (tx) => {
    const document = await selectDocumentByCode(tx, consultation.id, options.documentCode);
    if (!document) fail('DOCUMENT_NOT_FOUND', { document: options.documentCode });
    await replaceSections(tx, document.id, sections);
    await recordAudit(tx, options.actor, {
      action: 'consultation.document_text',
      entityType: 'consultation_document',
      entityId: document.id,
      unitId: consultation.ownerUnitId,
      after: { file: options.fileName, sections: sections.length },
    });
    return { document: document.code, sections: sections.length, refs: sections.map((s) => s.ref) };
  });
}
