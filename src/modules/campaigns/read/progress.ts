import type { Actor } from '../../../platform/access/roles.js';
import type { Queryable } from '../../../platform/db/database.js';
import type { CampaignTaskStatus } from '../status.js';
import { requireVisibleCampaign, viewUnitId } from './access.js';
import { selectAssignmentHeads, selectProgressTasks, selectSortedUnits, type ProgressTaskRow, type SortedUnit } from './repository-progress.js';
import { groupBy, gridRow, tally, type GridCell, type Tally } from './rollup.js';
import { selectCampaign, selectQuantityKinds, selectUnitByCode, type CampaignRow } from './repository-read.js';
import { fail } from '../../../platform/errors.js';

/** How many idle units a task row names (the count is always exact). */
export const IDLE_UNITS_SHOWN = 50;

type UnitRef = { id: number; code: string; name: string };

export interface ProgressTask extends Omit<Tally, 'idleUnitIds'> {
  assignmentId: number;
  /** `<campaign code>-<assignment position>`: the assignment's task code (one per assignment, over the subtree's units). */
  code: string;
  text: string;
  idleUnits: UnitRef[];
  idleCount: number;
}

export interface CampaignProgress {
  campaign: { id: number; code: string; title: string; ownerUnitId: number };
  unit: UnitRef;
  generatedAt: Date;
  totals: Omit<ProgressTask, 'assignmentId' | 'code' | 'text'>;
  tasks: ProgressTask[];
  /** The grid's rows: the unit asked (its own tasks) and each child whose subtree holds tasks. */
  units: (UnitRef & { status: CampaignTaskStatus | null; drillable: boolean })[];
  grid: { unitId: number; tasks: GridCell[] }[];
  /** Every unit of the subtree holding a task of the campaign, with the status of its own tasks (`allUnits` only, else empty). */
  subtreeUnits: (UnitRef & { status: CampaignTaskStatus | null })[];
  /** The tasks themselves (for the XLSX: one row per unit and task). */
  rows: ProgressTaskRow[];
  /** Units named anywhere above (with `allUnits`: every unit holding a task), by id. */
  unitsById: Map<number, SortedUnit>;
}

function named(ids: readonly number[], unitsById: Map<number, SortedUnit>): UnitRef[] {
  return ids.flatMap((id) => {
    const u = unitsById.get(id);
    return u ? [{ id: u.id, code: u.code, name: u.name }] : [];
  });
}

function withIdle(t: Tally, unitsById: Map<number, SortedUnit>) {
  const { idleUnitIds, ...rest } = t;
  return { ...rest, idleUnits: named(idleUnitIds.slice(0, IDLE_UNITS_SHOWN), unitsById), idleCount: idleUnitIds.length };
}

/** Progress of a campaign over a unit's subtree, with the cascade of implementing plans rolled up. */
export async function campaignProgress(
  db: Queryable,
  input: { actor: Actor; campaignId: number; unitId?: number; now?: Date; allUnits?: boolean },
): Promise<CampaignProgress> {
  const campaign = await requireVisibleCampaign(db, input.actor, input.campaignId);
  const unitId = await viewUnitId(db, input.actor, campaign, input.unitId);
  return progressOf(db, campaign, unitId, input.now ?? new Date(), { allUnits: input.allUnits ?? false });
}

/** The same without the access check (the caller has made it): the CLI's operator, the XLSX. */
export async function progressOf(db: Queryable, campaign: CampaignRow, unitId: number, now: Date, options = { allUnits: true }): Promise<CampaignProgress> {
  const heads = await selectAssignmentHeads(db, campaign.id);
  const rows = await selectProgressTasks(db, { campaignId: campaign.id, unitId, now });
  const byAssignment = groupBy(rows, (r) => r.assignmentId);
  const byRow = groupBy(rows, (r) => r.rowUnitId);
  const byUnit = groupBy(rows, (r) => r.unitId);
  const idle = new Set<number>();
  const tallies = heads.map((h) => tally(byAssignment.get(h.id) ?? []));
  const overall = tally(rows);
  for (const t of [...tallies, overall]) for (const id of t.idleUnitIds.slice(0, IDLE_UNITS_SHOWN)) idle.add(id);
  // The page needs the grid's rows and the idle units named; the CLI and the XLSX every unit holding a task.
  const sorted = await selectSortedUnits(db, [unitId, ...byRow.keys(), ...(options.allUnits ? byUnit.keys() : []), ...idle]);
  const unitsById = new Map(sorted.map((u) => [u.id, u]));
  const unit = unitsById.get(unitId) ?? { id: unitId, code: '', name: '' };
  const assignmentIds = heads.map((h) => h.id);
  const rowIds = sorted.filter((u) => byRow.has(u.id)).map((u) => u.id);
  const gridRows = rowIds.map((id) => ({ id, ...gridRow(byRow.get(id) ?? [], assignmentIds) }));
  return {
    campaign: { id: campaign.id, code: campaign.code, title: campaign.title, ownerUnitId: campaign.ownerUnitId },
    unit: { id: unit.id, code: unit.code, name: unit.name },
    generatedAt: now,
    totals: withIdle(overall, unitsById),
    tasks: heads.map((h, i) => ({ assignmentId: h.id, code: `${campaign.code}-${h.position}`, text: h.text, ...withIdle(tallies[i]!, unitsById) })),
    units: gridRows.map((r) => ({ ...named([r.id], unitsById)[0]!, status: r.status, drillable: r.drillable })),
    grid: gridRows.map((r) => ({ unitId: r.id, tasks: r.cells })),
    subtreeUnits: (options.allUnits ? sorted : [])
      .filter((u) => byUnit.has(u.id))
      .map((u) => ({ id: u.id, code: u.code, name: u.name, status: gridRow((byUnit.get(u.id) ?? []).map((t) => ({ ...t, rowUnitId: u.id })), assignmentIds).status })),
    rows,
    unitsById,
  };
}

/** The same, named by codes (the `lantoa campaigns progress` command): CAMPAIGN_UNIT_NOT_IN_CAMPAIGN when either is unknown. */
export async function campaignProgressByCode(db: Queryable, input: { actor: Actor; campaignCode: string; unitCode: string; now?: Date }): Promise<CampaignProgress> {
  const campaign = await selectCampaign(db, { code: input.campaignCode });
  const unit = await selectUnitByCode(db, input.unitCode);
  if (!campaign || !unit) fail('CAMPAIGN_UNIT_NOT_IN_CAMPAIGN', { campaign: input.campaignCode, unit: input.unitCode });
  return campaignProgress(db, { actor: input.actor, campaignId: campaign.id, unitId: unit.id, now: input.now, allUnits: true });
}

/** The configurable quantity kinds with their Vietnamese labels, in order. */
export function listQuantityKinds(db: Queryable): Promise<{ code: string; label: string }[]> {
  return selectQuantityKinds(db);
}
