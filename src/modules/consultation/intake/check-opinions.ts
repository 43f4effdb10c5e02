import type { Queryable } from '../../../platform/db/database.js';
import { fail } from '../../../platform/errors.js';
import { normalizeVi } from '../../../platform/vn/index.js';
import { selectKnownSections } from './repository.js';
import type { IntakeConsultation } from './store.js';
import type { OpinionInput, PreparedOpinion } from './submission.js';

/**
 * The checks of opinions every intake path makes against the consultation's documents and sections
 * and the VNeID rules, before they are stored.
 */

type Problem = { path: (string | number)[]; message: string };

/**
 * Checks opinions against the consultation (documents, and sections through `hasSection`) and the
 * VNeID rules — "Không tán thành" needs a reason, "Đồng ý một phần" needs text, a staff "none" needs
 * text — and returns them ready to store (texts NFC, trimmed). VALIDATION_FAILED lists every problem.
 */
export function checkOpinions(consultation: IntakeConsultation, input: OpinionInput[], hasSection: (documentId: number, ref: string) => boolean): PreparedOpinion[] {
  return finishOpinions(input, collectProblems(consultation, input), hasSection);
}

/** `checkOpinions` with the sections looked up in the database (one query, only when a section is named). */
export async function prepareOpinions(db: Queryable, consultation: IntakeConsultation, input: OpinionInput[]): Promise<PreparedOpinion[]> {
  const collected = collectProblems(consultation, input);
  const withSection = collected.prepared.filter((o) => o.sectionRef !== null && o.documentId !== 0);
  const known = new Set<string>();
  if (withSection.length > 0) {
    const found = await selectKnownSections(db, withSection.map((o) => ({ documentId: o.documentId, ref: o.sectionRef ?? '' })));
    for (const r of found) known.add(sectionKey(r.documentId, r.ref));
  }
  return finishOpinions(input, collected, (documentId, ref) => known.has(sectionKey(documentId, ref)));
}

export const sectionKey = (documentId: number, ref: string) => `${documentId}\u0000${ref}`;

function collectProblems(consultation: IntakeConsultation, input: OpinionInput[]): { prepared: PreparedOpinion[]; list: Problem[] } {
  const list: Problem[] = [];
  const prepared = input.map((o, i) => {
    const label = input.length > 1 ? `Ý kiến ${i + 1}: ` : '';
    const documentId = consultation.documents.get(o.documentCode.trim());
    if (documentId === undefined) list.push({ path: ['opinions', i, 'documentCode'], message: `${label}không có dự thảo mã "${o.documentCode}".` });
    const body = normalizeVi(o.text ?? '').trim();
    if (body === '') {
      if (o.stance === 'disagree') list.push({ path: ['opinions', i, 'text'], message: `${label}"Không tán thành" cần nêu lý do.` });
      else if (o.stance === 'partial') list.push({ path: ['opinions', i, 'text'], message: `${label}"Đồng ý một phần" cần nêu nội dung góp ý.` });
      else if (o.stance === 'none') list.push({ path: ['opinions', i, 'text'], message: `${label}cần nội dung ý kiến.` });
    }
    const sectionRef = o.sectionRef?.trim() ? o.sectionRef.trim() : null;
    return { documentId: documentId ?? 0, sectionRef, stance: o.stance, body };
  });
  return { prepared, list };
}

function finishOpinions(input: OpinionInput[], collected: { prepared: PreparedOpinion[]; list: Problem[] }, hasSection: (documentId: number, ref: string) => boolean): PreparedOpinion[] {
  const { prepared, list } = collected;
  prepared.forEach((o, i) => {
    if (o.sectionRef === null || o.documentId === 0 || hasSection(o.documentId, o.sectionRef)) return;
    list.push({ path: ['opinions', i, 'sectionRef'], message: `${input.length > 1 ? `Ý kiến ${i + 1}: ` : ''}dự thảo không có phần "${o.sectionRef}".` });
  });
  if (list.length > 0) fail('OPINIONS_INVALID', list, { message: list.map((p) => p.message).join(' ') });
  return prepared;
}

