import type { Actor } from '../access/roles.js';
import type { Queryable } from '../db/database.js';

/** How the audit page names an audit row's object: its name as people say it, and the web app's page for it. */
export interface AuditSubject {
  /** E.g. "Công văn 134-CV/TU", a unit's name, an account holder's name. */
  name: string;
  /** The web app's path that shows the object (e.g. `/van-ban/5`), or null when it has none. */
  link: string | null;
}

/**
 * Names the objects of one entity type, for one page of audit rows at once (one statement, never one
 * per row). It answers ONLY for the ids the actor may see (its scope); an id left out is shown by its
 * kind alone, so a name never leaks outside the caller's scope.
 */
export type AuditSubjectResolver = (db: Queryable, query: { actor: Actor; ids: readonly string[] }) => Promise<Map<string, AuditSubject>>;

/** Resolvers by entity type (`unit`, `directive`, …): platform's own and each manifest's `auditSubjects`. */
export type AuditSubjectResolvers = Readonly<Record<string, AuditSubjectResolver>>;

/** The integer ids among audit entity ids (entity ids are text; a hostile or odd one is skipped). */
export function integerIds(ids: readonly string[]): number[] {
  return [...new Set(ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number))];
}
