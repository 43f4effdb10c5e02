import type { AuditSubjectResolvers } from '../../platform/audit/subjects.js';
import { integerIds } from '../../platform/audit/subjects.js';
import { registeredTitle } from './registered-check.js';
import { selectScopedDraftNames, selectVisibleDirectiveNames, type DirectiveNameRow } from './audit-repository.js';

/** A directive as a clerk names it: "Công văn 134-CV/TU ngày 21/10/2025"; a blank number said so, never "-CV/ĐU". */
export function directiveName(d: Omit<DirectiveNameRow, 'id'>): string {
  return registeredTitle(d, d.symbolKey !== null);
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
