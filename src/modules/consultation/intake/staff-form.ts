import type { Queryable } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { loadConsultation, selectDocumentsWithSections } from '../repository.js';
import { requireConsultationVisible } from '../manage/policy.js';
import { intakeConsultation } from './store.js';

/**
 * What the staff intake page needs to type in letters, press, e-mail and meeting minutes: the
 * consultation's window and its documents with their sections (reference and heading). Unlike the
 * public form it also answers for a closed consultation, since staff may enter items received before
 * the closing. Open to every signed-in user who may see the consultation (manage/policy.ts).
 */
export async function getStaffIntakeForm(db: Queryable, options: { actor: Actor; consultationCode: string }) {
  const row = await loadConsultation(db, options.consultationCode);
  await requireConsultationVisible(db, options.actor, row);
  const consultation = intakeConsultation(row);
  const documents = await selectDocumentsWithSections(db, consultation.id);
  return {
    code: consultation.code,
    title: consultation.title,
    opensAt: consultation.opensAt.toISOString(),
    closesAt: consultation.closesAt?.toISOString() ?? null,
    documents: documents.map((d) => ({ code: d.code, title: d.title, sections: d.sections })),
  };
}
