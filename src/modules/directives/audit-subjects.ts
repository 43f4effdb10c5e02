import type { AuditSubjectResolvers } from '../../platform/audit/subjects.js';
import { integerIds } from '../../platform/audit/subjects.js';
import { selectScopedDraftNames, selectVisibleDirectiveNames, type DirectiveNameRow } from './audit-repository.js';

const SUBJECT_CHARS = 60;

/** A directive as a clerk names it: "Công văn 134-CV/TU"; without a number, its type and the start of its subject. */
export function directiveName(d: Omit<DirectiveNameRow, 'id'>): string {
  const type = d.docType?.trim() || 'Văn bản';
  const symbol = d.numberSymbol?.trim();
  if (symbol) return `${type} ${symbol}`;
  const subject = d.subject?.trim();
  if (!subject) return `${type} (chưa có số)`;
  return `${type} (chưa có số) “${subject.length > SUBJECT_CHARS ? `${subject.slice(0, SUBJECT_CHARS - 1)}…` : subject}”`;
}

/** The directives module's audit objects: directives and drafts, by name, linked to their pages. */
export const directiveAuditSubjects: AuditSubjectResolvers = {
  directive: async (db, { actor, ids }) => {
    const rows = await selectVisibleDirectiveNames(db, actor, integerIds(ids));
    return new Map(rows.map((r) => [String(r.id), { name: directiveName(r), link: `/van-ban/${r.id}` }]));
  },
  directive_draft: async (db, { actor, ids }) => {
    const rows = await selectScopedDraftNames(db, actor, integerIds(ids));
    return new Map(
      rows.map((r) => [
        String(r.id),
        { name: r.parent ? `Dự thảo thực hiện ${directiveName(r.parent)} (${r.unitName})` : `Dự thảo của ${r.unitName}`, link: `/du-thao/${r.id}` },
      ]),
    );
  },
};
