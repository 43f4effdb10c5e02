import { sql, type SQL } from 'drizzle-orm';
import { pgArray, type Queryable, type Tx } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { scopedUnitIds } from '../../../platform/access/scope.js';
import type { UnitKind } from '../../../platform/db/schema/org.js';
import {
  campaignAssignments,
  campaignChannels,
  campaignMilestones,
  campaignPhases,
  campaigns,
  campaignThemes,
  type AssignmentDeadline,
  type ExpectedOutput,
  type TimeBound,
} from '../tables.js';

/** SQL of a plan's structure: the campaign and its milestones, phases, themes, channels and assignments. */

export type OwnerUnit = {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  abbreviation: string | null;
};

export async function selectUnitsByIds(db: Queryable, ids: readonly number[]): Promise<OwnerUnit[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<OwnerUnit>(sql`
    select id, code, name, kind, abbreviation from units where id = any(${pgArray([...ids])}::int[]) order by sort_order, name, id`);
  return result.rows;
}

/**
 * A campaign the actor sees: one its scope owns or that sits in it (owner in the scope), or one it
 * received (a task to a unit of the scope). One SQL condition on `campaigns c`.
 */
export function visibleCampaign(actor: Actor): SQL {
  const scope = scopedUnitIds(actor, 'viewer');
  return sql`(c.owner_unit_id in ${scope} or exists (select 1 from campaign_tasks vt where vt.campaign_id = c.id and vt.unit_id in ${scope}))`;
}

export type CampaignRow = {
  id: number;
  code: string;
  ownerUnitId: number;
  title: string;
  purpose: string;
  requirements: string;
  parentCampaignId: number | null;
  sourceReference: string | null;
  createdAt: Date;
};

export async function selectVisibleCampaign(db: Queryable, actor: Actor, id: number): Promise<CampaignRow | undefined> {
  const result = await db.execute<CampaignRow>(sql`
    select c.id, c.code, c.owner_unit_id as "ownerUnitId", c.title, c.purpose, c.requirements,
      c.parent_campaign_id as "parentCampaignId", c.source_reference as "sourceReference", c.created_at as "createdAt"
    from campaigns c where c.id = ${id} and ${visibleCampaign(actor)}`);
  const row = result.rows[0];
  return row ? { ...row, createdAt: new Date(row.createdAt) } : undefined;
}

export async function selectCampaignOwner(db: Queryable, id: number): Promise<number | undefined> {
  const result = await db.execute<{ ownerUnitId: number }>(sql`select owner_unit_id as "ownerUnitId" from campaigns where id = ${id}`);
  return result.rows[0]?.ownerUnitId;
}

/** The quantity kinds among `codes` that the configurable list holds. */
export async function selectKnownQuantityKinds(db: Queryable, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const result = await db.execute<{ code: string }>(sql`select code from campaign_quantity_kinds where code = any(${pgArray([...codes])}::text[])`);
  return new Set(result.rows.map((r) => r.code));
}

export async function selectQuantityKinds(db: Queryable): Promise<{ code: string; label: string }[]> {
  const result = await db.execute<{ code: string; label: string }>(sql`select code, label from campaign_quantity_kinds order by position, code`);
  return result.rows;
}

export async function isCampaignCodeTaken(db: Queryable, code: string): Promise<boolean> {
  const result = await db.execute(sql`select 1 from campaigns where code = ${code}`);
  return result.rows.length > 0;
}

/**
 * The next generated code with the given suffix ("-KH/SVHTTDL" → "3-KH/SVHTTDL"): one more than the
 * highest number used with it, under a transaction-scoped advisory lock on the suffix so that two
 * plans confirmed at once get different numbers.
 */
export async function nextCampaignCode(tx: Tx, suffix: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`campaign-code:${suffix}`}))`);
  const result = await tx.execute<{ n: number }>(sql`
    select coalesce(max(substring(code from '^(\\d+)')::int), 0)::int + 1 as n
    from campaigns where code ~ '^\\d+' and substring(code from '^\\d+(.*)$') = ${suffix}`);
  return `${result.rows[0]?.n ?? 1}${suffix}`;
}

export async function insertCampaign(tx: Tx, row: typeof campaigns.$inferInsert): Promise<number> {
  const [inserted] = await tx.insert(campaigns).values(row).returning({ id: campaigns.id });
  return inserted?.id as number;
}

const byPosition = (rows: { id: number; position: number }[]) => rows.sort((a, b) => a.position - b.position).map((r) => r.id);

export async function insertMilestones(tx: Tx, campaignId: number, rows: { title: string; startsAt: Date; endsAt: Date }[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(campaignMilestones)
    .values(rows.map((r, position) => ({ campaignId, position, ...r })))
    .returning({ id: campaignMilestones.id, position: campaignMilestones.position });
  return byPosition(inserted);
}

export interface PhaseRow {
  title: string;
  starts: TimeBound | null;
  ends: TimeBound | null;
  startsAt: Date | null;
  endsAt: Date | null;
}

export async function insertPhases(tx: Tx, campaignId: number, rows: PhaseRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(campaignPhases)
    .values(rows.map((r, position) => ({ campaignId, position, ...r })))
    .returning({ id: campaignPhases.id, position: campaignPhases.position });
  return byPosition(inserted);
}

export async function insertThemes(tx: Tx, campaignId: number, rows: { title: string; phaseId: number | null }[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(campaignThemes)
    .values(rows.map((r, position) => ({ campaignId, position, ...r })))
    .returning({ id: campaignThemes.id, position: campaignThemes.position });
  return byPosition(inserted);
}

export async function insertChannels(tx: Tx, campaignId: number, rows: { channel: string | null; text: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(campaignChannels).values(rows.map((r, position) => ({ campaignId, position, ...r })));
}

export type AssignmentRow = {
  text: string;
  unitsAsWritten: string;
  leadUnitId: number | null;
  coordinatingUnitIds: number[];
  phaseId: number | null;
  deadline: AssignmentDeadline | null;
  themeIds: number[];
  channels: string[];
  expectedOutputs: ExpectedOutput[];
};

export async function insertAssignments(tx: Tx, campaignId: number, rows: AssignmentRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(campaignAssignments)
    .values(rows.map((r, position) => ({ campaignId, position, ...r })))
    .returning({ id: campaignAssignments.id, position: campaignAssignments.position });
  return byPosition(inserted);
}
