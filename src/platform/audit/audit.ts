import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/database.js';
import { auditLog, units, users } from '../db/schema/index.js';
import { isSystemAdmin, type Actor } from '../access/roles.js';
import { scopedUnitIds } from '../access/scope.js';
import { toSafeJson, toSafeText } from '../vn/index.js';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string | number | null;
  /** The unit the change belongs to; audit browsing is scoped by the subtree of this unit. */
  unitId: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit row inside the caller's transaction (so it commits with the change, or not at all).
 * Text PostgreSQL cannot store (NUL, lone surrogates; jsonb refuses `\u0000`) is repaired, never
 * refused: the audit row must not fail the change it records.
 */
export async function recordAudit(tx: Tx, actor: Actor, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor.userId,
    actorUsername: toSafeText(actor.username),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId === null ? null : toSafeText(String(event.entityId)),
    unitId: event.unitId,
    before: toSafeJson(event.before ?? null),
    after: toSafeJson(event.after ?? null),
    ip: actor.ip,
  });
}

/**
 * recordAudit as one part of a caller's statement, for a write that must not cost a round trip more:
 * `insert into audit_log … select … from <from>`, one audit row per row of `from` (e.g. the
 * `returning` of the change, a CTE of the same statement), with its entity id, unit and `after`
 * taken from it. The actor comes in as the values of `auditActorValues` (placeholders `auditUserId`,
 * `auditUsername`, `auditIp`), so the text stays fixed for a prepared statement. `after` must be
 * built of text PostgreSQL can store (ids, codes, numbers).
 */
export function auditInsertSql(event: { action: string; entityType: string; entityId: SQL; unitId: SQL; after: SQL; from: SQL }): SQL {
  return sql`insert into audit_log (actor_user_id, actor_username, action, entity_type, entity_id, unit_id, before, after, ip)
    select ${sql.placeholder('auditUserId')}::int, ${sql.placeholder('auditUsername')}::text, ${event.action}::text, ${event.entityType}::text,
           (${event.entityId})::text, ${event.unitId}, null, ${event.after}, ${sql.placeholder('auditIp')}::text
    from ${event.from}`;
}

/** The values of auditInsertSql's placeholders for an actor (its name repaired as recordAudit does). */
export function auditActorValues(actor: Actor): { auditUserId: number | null; auditUsername: string; auditIp: string | null } {
  return { auditUserId: actor.userId, auditUsername: toSafeText(actor.username), auditIp: actor.ip };
}

export interface AuditQuery {
  unitId?: number | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

/** Audit rows of the units in the actor's unit-admin subtrees (system admins also see system-wide rows). */
export async function listAudit(db: Queryable, actor: Actor, query: AuditQuery) {
  const conditions: SQL[] = [];
  const inScope = sql`${auditLog.unitId} in ${scopedUnitIds(actor, 'unit_admin')}`;
  conditions.push(isSystemAdmin(actor) ? sql`(${auditLog.unitId} is null or ${inScope})` : inScope);
  if (query.unitId !== undefined) {
    conditions.push(sql`${auditLog.unitId} in (
      with recursive sub(id) as (select ${query.unitId}::int union select u.id from units u join sub on u.parent_id = sub.id)
      select id from sub)`);
  }
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.from) conditions.push(gte(auditLog.at, query.from));
  if (query.to) conditions.push(lt(auditLog.at, query.to));
  const where = and(...conditions);
  const [items, total] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorUsername: auditLog.actorUsername,
        actorFullName: users.fullName,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        unitId: auditLog.unitId,
        unitName: units.name,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .leftJoin(units, eq(units.id, auditLog.unitId))
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { items, total: total[0]?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
