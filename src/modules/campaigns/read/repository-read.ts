import { sql, type SQL } from 'drizzle-orm';
import { scopeCte } from '../../../platform/access/scope.js';
import type { Actor } from '../../../platform/access/roles.js';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import { subtreeCte } from '../../../core/unit-tree/index.js';
import { taskStatusSql } from '../status.js';

/**
 * SQL of the campaigns' read side: which campaigns a scope sees, a campaign's structure.
 * A scope is a CTE `scope(id)`: the actor's granted subtrees (`actorScope`) or one unit's subtree
 * (`unitScope`). A campaign is seen when its owner is in the scope (its own plans and those of the
 * units below) or one of its tasks goes to a unit in the scope (plans received).
 */

export const actorScope = (actor: Actor): SQL => scopeCte(actor, 'viewer');
export const unitScope = (unitId: number): SQL => subtreeCte('scope', sql`select ${unitId}::int`);

const seenBy = sql`(c.owner_unit_id in (select id from scope)
  or exists (select 1 from campaign_tasks vt where vt.campaign_id = c.id and vt.unit_id in (select id from scope)))`;

export interface CampaignListRow {
  id: number;
  code: string;
  title: string;
  ownerUnit: { id: number; code: string; name: string };
  parentCampaignId: number | null;
  sourceReference: string | null;
  createdAt: Date;
  tasks: number;
  done: number;
  overdue: number;
}

/** The campaigns a scope sees, newest first, with their tasks counted (all of them) by status. */
export async function selectCampaignList(db: Queryable, scope: SQL, now: Date): Promise<CampaignListRow[]> {
  const result = await db.execute<{
    id: number; code: string; title: string; owner_id: number; owner_code: string; owner_name: string;
    parent_campaign_id: number | null; source_reference: string | null; created_at: Date; tasks: number; done: number; overdue: number;
  }>(sql`
    with recursive ${scope}
    select c.id, c.code, c.title, u.id as owner_id, u.code as owner_code, u.name as owner_name, c.parent_campaign_id,
      c.source_reference, c.created_at, coalesce(s.tasks, 0)::int as tasks, coalesce(s.done, 0)::int as done, coalesce(s.overdue, 0)::int as overdue
    from campaigns c
    join units u on u.id = c.owner_unit_id
    left join lateral (
      select count(*) as tasks,
        count(*) filter (where ${taskStatusSql(now)} = 'done') as done,
        count(*) filter (where ${taskStatusSql(now)} = 'overdue') as overdue
      from campaign_tasks t left join campaign_task_totals tt on tt.task_id = t.id where t.campaign_id = c.id) s on true
    where ${seenBy}
    order by c.created_at desc, c.id desc`);
  return result.rows.map((r) => ({
    id: r.id, code: r.code, title: r.title, ownerUnit: { id: r.owner_id, code: r.owner_code, name: r.owner_name },
    parentCampaignId: r.parent_campaign_id, sourceReference: r.source_reference, createdAt: new Date(r.created_at),
    tasks: r.tasks, done: r.done, overdue: r.overdue,
  }));
}

/** True when the scope sees the campaign. */
export async function scopeSeesCampaign(db: Queryable, scope: SQL, campaignId: number): Promise<boolean> {
  const result = await db.execute<{ ok: boolean }>(sql`with recursive ${scope} select exists (select 1 from campaigns c where c.id = ${campaignId} and ${seenBy}) as ok`);
  return result.rows[0]?.ok === true;
}

/** True when the campaign's owner is in the scope (its owners and their ancestors see every task). */
export async function scopeHoldsOwner(db: Queryable, scope: SQL, campaignId: number): Promise<boolean> {
  const result = await db.execute<{ ok: boolean }>(sql`with recursive ${scope}
    select exists (select 1 from campaigns c where c.id = ${campaignId} and c.owner_unit_id in (select id from scope)) as ok`);
  return result.rows[0]?.ok === true;
}

export interface CampaignRow {
  id: number;
  code: string;
  title: string;
  purpose: string;
  requirements: string;
  ownerUnitId: number;
  parentCampaignId: number | null;
  sourceDirectiveId: number | null;
  sourceReference: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export async function selectCampaign(db: Queryable, where: { id: number } | { code: string }): Promise<CampaignRow | null> {
  const condition = 'id' in where ? sql`c.id = ${where.id}` : sql`c.code = ${where.code}`;
  const result = await db.execute<{
    id: number; code: string; title: string; purpose: string; requirements: string; owner_unit_id: number; parent_campaign_id: number | null;
    source_directive_id: number | null; source_reference: string | null; created_at: Date; updated_at: Date;
  }>(sql`select c.id, c.code, c.title, c.purpose, c.requirements, c.owner_unit_id, c.parent_campaign_id, c.source_directive_id,
      c.source_reference, c.created_at, c.updated_at from campaigns c where ${condition}`);
  const r = result.rows[0];
  if (!r) return null;
  return {
    id: r.id, code: r.code, title: r.title, purpose: r.purpose, requirements: r.requirements, ownerUnitId: r.owner_unit_id,
    parentCampaignId: r.parent_campaign_id, sourceDirectiveId: r.source_directive_id, sourceReference: r.source_reference,
    createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at),
  };
}

export type UnitRow = {
  id: number;
  code: string;
  name: string;
};

export async function selectUnitsByIds(db: Queryable, ids: readonly number[]): Promise<Map<number, UnitRow>> {
  if (ids.length === 0) return new Map();
  const result = await db.execute<UnitRow>(sql`select id, code, name from units where id = any(${pgArray([...new Set(ids)])}::int[])`);
  return new Map(result.rows.map((r) => [r.id, r]));
}

export async function selectUnitByCode(db: Queryable, code: string): Promise<UnitRow | null> {
  const result = await db.execute<UnitRow>(sql`select id, code, name from units where code = ${code}`);
  return result.rows[0] ?? null;
}

export async function selectQuantityKinds(db: Queryable): Promise<{ code: string; label: string }[]> {
  const result = await db.execute<{ code: string; label: string }>(sql`select code, label from campaign_quantity_kinds order by position, code`);
  return result.rows;
}
