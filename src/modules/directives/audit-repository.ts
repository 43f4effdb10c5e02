import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { scopedUnitIds } from '../../platform/access/scope.js';
import { visibleDirective } from './repository.js';

/** SQL of the audit page's names for the directives module (audit-subjects.ts), each inside the actor's scope. */

export type DirectiveNameRow = {
  id: number;
  docType: string | null;
  numberSymbol: string | null;
  /** Null when the number is blank ("-CV/ĐU" is then no number to print). */
  symbolKey: string | null;
  issuedYear: number | null;
  issuedMonth: number | null;
  issuedDay: number | null;
};
const nameColumns = (alias: string) =>
  sql.raw(`${alias}.doc_type as "docType", ${alias}.number_symbol as "numberSymbol", ${alias}.symbol_key as "symbolKey",
    ${alias}.issued_year as "issuedYear", ${alias}.issued_month as "issuedMonth", ${alias}.issued_day as "issuedDay"`);

/** The given directives that the actor sees (owned, issued or received in their subtrees). */
export async function selectVisibleDirectiveNames(db: Queryable, actor: Actor, ids: readonly number[]): Promise<DirectiveNameRow[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<DirectiveNameRow>(sql`
    select id, ${nameColumns('directives')}
    from directives where id = any(${pgArray([...ids])}::int[]) and ${visibleDirective(actor)}`);
  return result.rows;
}

export interface DraftNameRow {
  id: number;
  unitName: string;
  parent: DirectiveNameRow | null;
}

/** The given drafts of units in the actor's scope, with the directive each implements (when there is one). */
export async function selectScopedDraftNames(db: Queryable, actor: Actor, ids: readonly number[]): Promise<DraftNameRow[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<Omit<DirectiveNameRow, 'id'> & { id: number; unitName: string; parentId: number | null }>(sql`
    select dr.id, u.name as "unitName", p.id as "parentId", ${nameColumns('p')}
    from directive_drafts dr
    join units u on u.id = dr.unit_id
    left join directives p on p.id = dr.parent_directive_id
    where dr.id = any(${pgArray([...ids])}::int[]) and dr.unit_id in ${scopedUnitIds(actor, 'viewer')}`);
  return result.rows.map(({ id, unitName, parentId, ...parent }) => ({ id, unitName, parent: parentId === null ? null : { id: parentId, ...parent } }));
}
