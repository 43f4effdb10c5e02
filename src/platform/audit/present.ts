import type { Actor } from '../access/roles.js';
import type { Queryable } from '../db/database.js';
import { auditActorLabel } from './actor-label.js';
import { selectScopedUnitNames, selectScopedUserNames } from './repository.js';
import { integerIds, type AuditSubject, type AuditSubjectResolvers } from './subjects.js';

/** The fields of an audit row the presentation reads. */
export interface AuditRowToPresent {
  actorUsername: string | null;
  actorFullName: string | null;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPresentation {
  /** Who did it, as people say it (auditActorLabel). */
  actorName: string;
  /** The object's name and page, when the actor may see it; null otherwise (shown by its kind). */
  subject: AuditSubject | null;
}

/** Platform's own objects: units (by name), accounts (by their holder's name), uploaded unit files (by file name). */
export const platformAuditSubjects: AuditSubjectResolvers = {
  unit: async (db, { actor, ids }) => {
    const rows = await selectScopedUnitNames(db, actor, integerIds(ids));
    return new Map(rows.map((r) => [String(r.id), { name: r.name, link: `/don-vi?id=${r.id}` }]));
  },
  user: async (db, { actor, ids }) => {
    const rows = await selectScopedUserNames(db, actor, integerIds(ids));
    return new Map(rows.map((r) => [String(r.id), { name: `${r.fullName} (${r.username})`, link: '/tai-khoan' }]));
  },
  unit_file: async (_db, { ids }) => new Map(ids.map((id) => [id, { name: id, link: null }])),
};

/** A role grant is named by the account it was given to (its snapshot keeps `userId`, even once removed). */
function subjectKey(row: AuditRowToPresent): { type: string; id: string } | null {
  if (row.entityType === 'role_grant') {
    const snapshot = (row.after ?? row.before) as { userId?: unknown } | null;
    return typeof snapshot?.userId === 'number' ? { type: 'user', id: String(snapshot.userId) } : null;
  }
  return row.entityId === null ? null : { type: row.entityType, id: row.entityId };
}

/**
 * Actors and objects of one page of audit rows, as people read them: one call per entity type
 * present on the page (set-based), each resolver answering only inside the actor's scope.
 */
export async function presentAuditRows(
  db: Queryable,
  actor: Actor,
  rows: readonly AuditRowToPresent[],
  resolvers: AuditSubjectResolvers,
): Promise<AuditPresentation[]> {
  const keys = rows.map(subjectKey);
  const idsByType = new Map<string, Set<string>>();
  for (const key of keys) {
    if (!key || !resolvers[key.type]) continue;
    const ids = idsByType.get(key.type) ?? new Set<string>();
    ids.add(key.id);
    idsByType.set(key.type, ids);
  }
  const resolved = new Map<string, Map<string, AuditSubject>>();
  await Promise.all(
    [...idsByType].map(async ([type, ids]) => {
      const resolver = resolvers[type];
      if (resolver) resolved.set(type, await resolver(db, { actor, ids: [...ids] }));
    }),
  );
  return rows.map((row, i) => {
    const key = keys[i];
    return { actorName: auditActorLabel(row), subject: (key && resolved.get(key.type)?.get(key.id)) ?? null };
  });
}
