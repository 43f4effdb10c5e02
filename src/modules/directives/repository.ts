import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import { units } from '../../platform/db/schema/index.js';
import { directiveAcknowledgements, directiveAddressees, directiveFiles, directiveReferences, directives } from './tables.js';
import { scopeCte, scopedUnitIds } from '../../platform/access/scope.js';
import { isSystemAdmin, type Actor } from '../../platform/access/roles.js';
import { searchKey } from '../../platform/vn/index.js';
import { ancestorsCte } from '../../core/unit-tree/index.js';
import type { UnitCandidate } from '../../core/unit-match/index.js';
import type { ListQuery } from './schemas.js';
import { unitSeesDirective } from './reference-repository.js';

/** SQL of the directives module: directives, their addressees, references, files and acknowledgements. */

export type DirectiveRow = typeof directives.$inferSelect;

/** What a list row or a cascade node shows of a directive (never its text or stored parse). */
const summaryColumns = {
  id: directives.id,
  docType: directives.docType,
  numberSymbol: directives.numberSymbol,
  issuerName: directives.issuerName,
  issuedYear: directives.issuedYear,
  issuedMonth: directives.issuedMonth,
  issuedDay: directives.issuedDay,
  subject: directives.subject,
};

/**
 * A directive is visible to a unit's people when the unit issued, owns (registered) or received it.
 * One subquery: the actor's scope is computed once, then each link is followed by its index.
 */
export function visibleDirective(actor: Actor): SQL {
  if (isSystemAdmin(actor)) return sql`true`;
  return sql`${directives.id} in (
    with recursive ${scopeCte(actor, 'viewer')}
    select d.id from directives d join scope s on s.id = d.owner_unit_id
    union select d.id from directives d join scope s on s.id = d.issuer_unit_id
    union select a.directive_id from directive_addressees a join scope s on s.id = a.unit_id)`;
}

export async function selectDirective(db: Queryable, id: number): Promise<DirectiveRow | undefined> {
  const [row] = await db.select().from(directives).where(eq(directives.id, id));
  return row;
}

export async function isDirectiveVisible(db: Queryable, actor: Actor, id: number): Promise<boolean> {
  const rows = await db.select({ id: directives.id }).from(directives).where(and(eq(directives.id, id), visibleDirective(actor)));
  return rows.length > 0;
}

export async function selectVisibleIds(db: Queryable, actor: Actor, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: directives.id }).from(directives).where(and(inArray(directives.id, ids), visibleDirective(actor)));
  return new Set(rows.map((r) => r.id));
}

export async function searchDirectives(db: Queryable, actor: Actor, query: ListQuery) {
  const conditions: SQL[] = [visibleDirective(actor)];
  const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  if (query.q) {
    const patterns = searchKey(query.q).split(' ').filter(Boolean).map(like);
    if (patterns.length > 0) conditions.push(sql`${directives.searchKey} like all(${pgArray(patterns)}::text[])`);
  }
  if (query.numberSymbol) {
    const key = query.numberSymbol.replace(/\s+/g, '').replace(/[đĐ]/g, 'D').toUpperCase();
    conditions.push(sql`upper(replace(translate(coalesce(${directives.numberSymbol}, ''), 'đĐ', 'DD'), ' ', '')) like ${like(key)}`);
  }
  if (query.issuer) {
    const patterns = searchKey(query.issuer).split(' ').filter(Boolean).map(like);
    conditions.push(sql`${directives.searchKey} like all(${pgArray(patterns)}::text[])`);
  }
  if (query.docType) conditions.push(eq(directives.docType, query.docType));
  const issued = sql`make_date(${directives.issuedYear}, coalesce(${directives.issuedMonth}, 1), coalesce(${directives.issuedDay}, 1))`;
  if (query.from) conditions.push(sql`${directives.issuedYear} is not null and ${issued} >= ${query.from}::date`);
  if (query.to) conditions.push(sql`${directives.issuedYear} is not null and ${issued} <= ${query.to}::date`);
  const where = and(...conditions);
  const [items, total] = await Promise.all([
    db
      .select({
        ...summaryColumns,
        ownerUnitId: directives.ownerUnitId,
        ownerUnitName: units.name,
        createdAt: directives.createdAt,
      })
      .from(directives)
      .innerJoin(units, eq(units.id, directives.ownerUnitId))
      .where(where)
      .orderBy(desc(directives.issuedYear), desc(directives.issuedMonth), desc(directives.issuedDay), desc(directives.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(directives).where(where),
  ]);
  return { items, total: total[0]?.n ?? 0 };
}

export async function selectAddressees(db: Queryable, directiveId: number) {
  return db
    .select({ role: directiveAddressees.role, name: directiveAddressees.name, unitId: directiveAddressees.unitId, unitName: units.name })
    .from(directiveAddressees)
    .leftJoin(units, eq(units.id, directiveAddressees.unitId))
    .where(eq(directiveAddressees.directiveId, directiveId))
    .orderBy(asc(directiveAddressees.role), asc(directiveAddressees.position));
}

/** A directive's references; the target's id and subject only where the actor sees the target. */
export async function selectReferences(db: Queryable, actor: Actor, directiveId: number) {
  return db
    .select({
      id: directiveReferences.id,
      relation: directiveReferences.relation,
      docType: directiveReferences.docType,
      numberSymbol: directiveReferences.numberSymbol,
      issuerName: directiveReferences.issuerName,
      refYear: directiveReferences.refYear,
      refMonth: directiveReferences.refMonth,
      refDay: directiveReferences.refDay,
      targetId: directives.id,
      targetSubject: directives.subject,
    })
    .from(directiveReferences)
    .leftJoin(directives, and(eq(directives.id, directiveReferences.targetId), visibleDirective(actor)))
    .where(eq(directiveReferences.directiveId, directiveId))
    .orderBy(asc(directiveReferences.position));
}

/** Directives that cite this one (resolved references). */
export async function selectCitedBy(db: Queryable, actor: Actor, directiveId: number) {
  return db
    .select({ id: directives.id, numberSymbol: directives.numberSymbol, subject: directives.subject, relation: directiveReferences.relation })
    .from(directiveReferences)
    .innerJoin(directives, eq(directives.id, directiveReferences.directiveId))
    .where(and(eq(directiveReferences.targetId, directiveId), visibleDirective(actor)))
    .orderBy(asc(directives.id));
}

export async function selectFileInfo(db: Queryable, directiveId: number) {
  const [row] = await db
    .select({ fileName: directiveFiles.fileName, contentType: directiveFiles.contentType })
    .from(directiveFiles)
    .where(eq(directiveFiles.directiveId, directiveId));
  return row ?? null;
}

export async function selectFile(db: Queryable, directiveId: number) {
  const [row] = await db.select().from(directiveFiles).where(eq(directiveFiles.directiveId, directiveId));
  return row ?? null;
}

export async function replaceAddressees(db: Queryable, directiveId: number, entries: { role: 'recipient' | 'distribution'; name: string; unitId: number | null }[]) {
  await db.delete(directiveAddressees).where(eq(directiveAddressees.directiveId, directiveId));
  if (entries.length === 0) return;
  await db.insert(directiveAddressees).values(entries.map((e, position) => ({ ...e, directiveId, position })));
}

export async function replaceReferences(db: Queryable, directiveId: number, entries: (typeof directiveReferences.$inferInsert)[]) {
  await db.delete(directiveReferences).where(eq(directiveReferences.directiveId, directiveId));
  if (entries.length > 0) await db.insert(directiveReferences).values(entries);
}

/** Units a name may be linked to: those the actor sees, plus the ancestors of their granted units. */
export async function selectMatchCandidates(db: Queryable, actor: Actor): Promise<UnitCandidate[]> {
  const result = await db.execute<Omit<UnitCandidate, 'parentId'> & { parent_id: number | null; [key: string]: unknown }>(sql`
    with recursive seen as (select id from units where id in ${scopedUnitIds(actor, 'viewer')}),
    ${ancestorsCte('up', sql`select id, parent_id from units where id in (select id from seen)`)}
    select id, code, name, abbreviation, kind, parent_id from units where id in (select id from seen union select id from up)`);
  return result.rows.map((r) => ({ id: r.id, code: r.code, name: r.name, abbreviation: r.abbreviation, kind: r.kind, parentId: r.parent_id }));
}

export async function selectAcknowledgements(db: Queryable, directiveId: number) {
  return db.select().from(directiveAcknowledgements).where(eq(directiveAcknowledgements.directiveId, directiveId));
}

/** For each addressed unit (in the actor's scope) of each directive: acknowledged? implemented by which directive? */
export async function selectUnitStatuses(db: Queryable, actor: Actor, directiveIds: number[]) {
  if (directiveIds.length === 0) return [];
  const result = await db.execute<{
    directive_id: number;
    unit_id: number;
    unit_name: string;
    acknowledged_at: Date | null;
    implementing_id: number | null;
  }>(sql`
    with linked as (
      select a.directive_id, a.unit_id, a.role from directive_addressees a
      where a.directive_id = any(${pgArray(directiveIds)}::int[]) and a.unit_id is not null
        ${isSystemAdmin(actor) ? sql`` : sql`and a.unit_id in ${scopedUnitIds(actor, 'viewer')}`}
    ),
    -- The units a directive is addressed to: its Kính gửi; for a document without one, its Nơi nhận.
    addressed as (
      select distinct l.directive_id, l.unit_id from linked l
      where l.role = 'recipient'
         or not exists (select 1 from directive_addressees r where r.directive_id = l.directive_id and r.role = 'recipient' and r.unit_id is not null)
    ),
    implementing as (
      select coalesce(r.target_id, p.id) as parent_id, coalesce(y.issuer_unit_id, y.owner_unit_id) as unit_id, min(y.id) as directive_id
      from directive_references r
      join directives y on y.id = r.directive_id
      left join directives p on r.target_id is null and p.symbol_key = r.symbol_key and p.id = any(${pgArray(directiveIds)}::int[])
        and ${unitSeesDirective(sql`y.owner_unit_id`, sql`p.id`)}
      where r.relation = 'implements' and coalesce(r.target_id, p.id) = any(${pgArray(directiveIds)}::int[])
      group by 1, 2
    )
    select ad.directive_id, ad.unit_id, u.name as unit_name, k.at as acknowledged_at, i.directive_id as implementing_id
    from addressed ad
    join units u on u.id = ad.unit_id
    left join directive_acknowledgements k on k.directive_id = ad.directive_id and k.unit_id = ad.unit_id
    left join implementing i on i.parent_id = ad.directive_id and i.unit_id = ad.unit_id
    order by ad.directive_id, u.sort_order, u.name`);
  return result.rows;
}

/** Directives implementing any of the given ones (resolved), or citing a placeholder's key (unresolved). */
export async function selectImplementing(db: Queryable, parentIds: number[], placeholderKeys: string[]) {
  if (parentIds.length === 0 && placeholderKeys.length === 0) return [];
  const result = await db.execute<{ parent_id: number | null; parent_key: string | null; id: number }>(sql`
    select r.target_id as parent_id, case when r.target_id is null then r.symbol_key end as parent_key, r.directive_id as id
    from directive_references r
    where r.relation = 'implements'
      and (r.target_id = any(${pgArray(parentIds)}::int[]) or (r.target_id is null and r.symbol_key = any(${pgArray(placeholderKeys)}::text[])))
    order by r.directive_id`);
  return result.rows;
}

/** The few columns a cascade node shows (never the text or the stored parse). */
export async function selectCascadeRows(db: Queryable, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select(summaryColumns)
    .from(directives)
    .where(inArray(directives.id, ids));
}
export type CascadeRow = Awaited<ReturnType<typeof selectCascadeRows>>[number];

export async function selectImplementsRefs(db: Queryable, directiveIds: number[]) {
  if (directiveIds.length === 0) return [];
  return db
    .select()
    .from(directiveReferences)
    .where(and(inArray(directiveReferences.directiveId, directiveIds), eq(directiveReferences.relation, 'implements')))
    .orderBy(asc(directiveReferences.directiveId), asc(directiveReferences.position));
}

export type DirectiveFields = Omit<typeof directives.$inferInsert, 'id' | 'registeredByUserId' | 'createdAt' | 'updatedAt'>;

export async function insertDirective(tx: Queryable, row: DirectiveFields, registeredByUserId: number | null): Promise<number> {
  const [inserted] = await tx.insert(directives).values({ ...row, registeredByUserId }).returning({ id: directives.id });
  return (inserted as { id: number }).id;
}

/** Rewrites a directive's reviewed fields (and `updated_at`). */
export async function updateDirective(tx: Queryable, id: number, row: DirectiveFields): Promise<void> {
  await tx.update(directives).set({ ...row, updatedAt: sql`now()` }).where(eq(directives.id, id));
}

/** Keeps the original file of a directive. */
export async function insertDirectiveFile(tx: Queryable, directiveId: number, file: { fileName: string; contentType: string; data: Buffer }): Promise<void> {
  await tx.insert(directiveFiles).values({ directiveId, fileName: file.fileName, contentType: file.contentType, content: file.data });
}

/** A unit's acknowledgement, once (idempotent): true when this call wrote it. */
export async function insertAcknowledgement(tx: Queryable, ack: { directiveId: number; unitId: number; userId: number | null }): Promise<boolean> {
  const inserted = await tx
    .insert(directiveAcknowledgements)
    .values({ ...ack, at: sql`now()` })
    .onConflictDoNothing()
    .returning({ unitId: directiveAcknowledgements.unitId });
  return inserted.length > 0;
}

/** What a duplicate check compares and shows of an already registered directive. */
export interface RegisteredCandidate {
  id: number;
  docType: string | null;
  numberSymbol: string | null;
  issuerName: string | null;
  issuerUnitId: number | null;
  issuedYear: number | null;
  issuedMonth: number | null;
  issuedDay: number | null;
  subject: string | null;
  /** Only for blank-number candidates (compared by text); null otherwise. */
  bodyText: string | null;
}

/**
 * The unit's registered directives that may be the one being registered, in one query: with a
 * number, those with the same symbol key and date; with a blank number, the blank-number ones (with
 * their text). Takes the unit's registration lock first, so two saves at once cannot both pass.
 */
export async function selectRegisteredCandidates(
  tx: Queryable,
  probe: { ownerUnitId: number; symbolKey: string | null; issuedYear: number | null; issuedMonth: number | null; issuedDay: number | null },
): Promise<RegisteredCandidate[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`directives.register:${probe.ownerUnitId}`}))`);
  const same = probe.symbolKey
    ? sql`${directives.symbolKey} = ${probe.symbolKey} and ${directives.issuedYear} is not distinct from ${probe.issuedYear}
          and ${directives.issuedMonth} is not distinct from ${probe.issuedMonth} and ${directives.issuedDay} is not distinct from ${probe.issuedDay}`
    : sql`${directives.symbolKey} is null`;
  return tx
    .select({ ...summaryColumns, issuerUnitId: directives.issuerUnitId, bodyText: probe.symbolKey ? sql<null>`null` : directives.bodyText })
    .from(directives)
    .where(and(eq(directives.ownerUnitId, probe.ownerUnitId), same))
    .orderBy(asc(directives.id));
}
