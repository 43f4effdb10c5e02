import type { Db, Tx } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { fail } from '../../../platform/errors.js';
import { isInSubtree } from '../../../core/unit-tree/index.js';
import { conventionOfUnitKind } from '../../../core/official-docx/index.js';
import type { CampaignInput } from '../schemas-write.js';
import { assertKnownChannels } from '../channels.js';
import { indexPlan, storedBound, storedDeadline, type IndexedPlan } from './resolve-keys.js';
import { boundInstant, dueOf } from './time-bounds.js';
import {
  insertAssignments,
  insertCampaign,
  insertChannels,
  insertMilestones,
  insertPhases,
  insertThemes,
  isCampaignCodeTaken,
  nextCampaignCode,
  selectKnownQuantityKinds,
  selectUnitsByIds,
  selectVisibleCampaign,
  type OwnerUnit,
} from './repository.js';
import { insertTasks, selectTasksByIds, type CreatedTask, type NewTask } from './task-repository.js';

/** The units that get a task of an assignment: the lead and the listed units (group members included), each once. */
export function taskUnitsOf(assignment: CampaignInput['assignments'][number]): number[] {
  return [...new Set([...(assignment.leadUnitId === null ? [] : [assignment.leadUnitId]), ...assignment.unitIds])];
}

/** Every unit the plan names (task units and coordinating units) must be the owner or below it: never climbs, never crosses. */
async function assertUnitsInSubtree(db: Db, input: CampaignInput): Promise<void> {
  const named = [...new Set(input.assignments.flatMap((a) => [...taskUnitsOf(a), ...a.coordinatingUnitIds]))];
  const inside = await isInSubtree(db, input.ownerUnitId, named);
  const outside = named.filter((id) => !inside.has(id));
  if (outside.length > 0) fail('CAMPAIGN_UNITS_OUT_OF_SUBTREE', { unitIds: outside });
}

async function assertKnownQuantityKinds(db: Db, input: CampaignInput): Promise<void> {
  const kinds = [...new Set(input.assignments.flatMap((a) => a.expectedOutputs.map((o) => o.kind)))];
  const known = await selectKnownQuantityKinds(db, kinds);
  const unknown = kinds.find((k) => !known.has(k));
  if (unknown !== undefined) fail('CAMPAIGN_QUANTITY_KIND_UNKNOWN', { kind: unknown });
}

/**
 * A plan implementing a parent plan: the parent must be visible to the actor, and every parent task
 * named must belong to it and to a unit of the owner's subtree (the unit implements its own task).
 */
async function assertParentTasks(db: Db, actor: Actor, input: CampaignInput): Promise<void> {
  const named = [...new Set(input.assignments.flatMap((a) => Object.values(a.parentTaskIds ?? {})))];
  const parentId = input.parentCampaignId ?? null;
  if (parentId === null) {
    if (named.length > 0) fail('CAMPAIGN_PARENT_TASK_INVALID', { taskIds: named });
    return;
  }
  if (!(await selectVisibleCampaign(db, actor, parentId))) fail('CAMPAIGN_NOT_FOUND');
  const tasks = await selectTasksByIds(db, named);
  const inside = await isInSubtree(db, input.ownerUnitId, tasks.map((t) => t.unitId));
  const valid = new Set(tasks.filter((t) => t.campaignId === parentId && inside.has(t.unitId)).map((t) => t.id));
  const invalid = named.filter((id) => !valid.has(id));
  if (invalid.length > 0) fail('CAMPAIGN_PARENT_TASK_INVALID', { taskIds: invalid });
}

/** "3-KH/SVHTTDL" (Party) or "3/KH-SVHTTDL" (State): the owner's abbreviation (else its code) and the next free number. */
async function campaignCode(tx: Tx, owner: OwnerUnit, given: string | undefined): Promise<string> {
  if (given !== undefined) {
    if (await isCampaignCodeTaken(tx, given)) fail('CAMPAIGN_CODE_TAKEN', { code: given });
    return given;
  }
  const abbr = (owner.abbreviation ?? owner.code).replace(/\s+/g, '');
  return nextCampaignCode(tx, conventionOfUnitKind(owner.kind) === 'party' ? `-KH/${abbr}` : `/KH-${abbr}`);
}

/**
 * Confirms a reviewed plan (editor of the owner unit): the campaign, its milestones, phases (bounds
 * resolved to instants), themes, channels and assignments, one task per assigned unit with its due
 * instant and parent task, a zero totals row per task, and the audit row — one transaction.
 */
export async function createCampaign(db: Db, options: { actor: Actor; input: CampaignInput }): Promise<{ id: number; code: string; tasks: ReturnType<typeof presentTask>[] }> {
  const { actor, input } = options;
  await requireUnitRole(db, actor, [input.ownerUnitId], 'editor');
  const plan = indexPlan(input);
  assertKnownChannels([...input.channels.map((c) => c.channel), ...input.assignments.flatMap((a) => a.channels)]);
  await assertUnitsInSubtree(db, input);
  await assertKnownQuantityKinds(db, input);
  await assertParentTasks(db, actor, input);
  const [owner] = await selectUnitsByIds(db, [input.ownerUnitId]);
  if (!owner) fail('UNIT_NOT_FOUND');
  return db.transaction(async (tx) => {
    const code = await campaignCode(tx, owner, input.code);
    const id = await insertCampaign(tx, {
      code,
      ownerUnitId: input.ownerUnitId,
      title: input.title,
      purpose: input.purpose,
      requirements: input.requirements,
      parentCampaignId: input.parentCampaignId ?? null,
      sourceDirectiveId: input.sourceDirectiveId ?? null,
      sourceReference: input.sourceReference ?? null,
      bodyText: input.bodyText ?? null,
      createdByUserId: actor.userId,
    });
    const tasks = await writeStructure(tx, id, input, plan);
    await recordAudit(tx, actor, {
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: id,
      unitId: input.ownerUnitId,
      after: { code, title: input.title, parentCampaignId: input.parentCampaignId ?? null, assignments: input.assignments.length, tasks: tasks.length },
    });
    return { id, code, tasks: tasks.map(presentTask) };
  });
}

/** Milestones, phases, themes, channels, assignments and tasks of a new campaign, in that order (each needs the ids before it). */
async function writeStructure(tx: Tx, campaignId: number, input: CampaignInput, plan: IndexedPlan): Promise<(CreatedTask & { assignmentIndex: number })[]> {
  const milestoneIds = await insertMilestones(tx, campaignId, plan.milestones);
  const milestones = new Map(plan.milestones.map((m, i) => [milestoneIds[i] as number, m]));
  const phaseRows = plan.phases.map((p) => {
    const starts = storedBound(p.starts, milestoneIds);
    const ends = storedBound(p.ends, milestoneIds);
    const startsAt = boundInstant(starts, 'start', milestones);
    const endsAt = boundInstant(ends, 'end', milestones);
    if (startsAt && endsAt && endsAt < startsAt) fail('CAMPAIGN_RANGE_INVALID', { title: p.title });
    return { title: p.title, starts, ends, startsAt, endsAt };
  });
  const phaseIds = await insertPhases(tx, campaignId, phaseRows);
  const phaseEnds = new Map(phaseRows.map((p, i) => [phaseIds[i] as number, p.endsAt]));
  const phaseId = (i: number | null) => (i === null ? null : (phaseIds[i] as number));
  const themeIds = await insertThemes(tx, campaignId, plan.themes.map((t) => ({ title: t.title, phaseId: phaseId(t.phase) })));
  await insertChannels(tx, campaignId, input.channels);
  const assignmentRows = input.assignments.map((a, i) => {
    const indexed = plan.assignments[i] as IndexedPlan['assignments'][number];
    return {
      text: a.text,
      unitsAsWritten: a.unitsAsWritten,
      leadUnitId: a.leadUnitId,
      coordinatingUnitIds: [...new Set(a.coordinatingUnitIds)],
      phaseId: phaseId(indexed.phase),
      deadline: storedDeadline(indexed.deadline, milestoneIds, phaseIds),
      themeIds: indexed.themes.map((t) => themeIds[t] as number),
      channels: [...new Set(a.channels)],
      expectedOutputs: a.expectedOutputs,
    };
  });
  const assignmentIds = await insertAssignments(tx, campaignId, assignmentRows);
  const tasks: NewTask[] = input.assignments.flatMap((a, i) => {
    const row = assignmentRows[i] as (typeof assignmentRows)[number];
    const due = dueOf(row.deadline, row.phaseId, phaseEnds, milestones);
    return taskUnitsOf(a).map((unitId) => ({ assignmentId: assignmentIds[i] as number, unitId, ...due, parentTaskId: a.parentTaskIds?.[String(unitId)] ?? null }));
  });
  const created = await insertTasks(tx, campaignId, tasks);
  const indexOf = new Map(assignmentIds.map((id, i) => [id, i]));
  return created.map((t) => ({ ...t, assignmentIndex: indexOf.get(t.assignmentId) as number }));
}

function presentTask(t: CreatedTask & { assignmentIndex: number }) {
  return { id: t.id, assignmentIndex: t.assignmentIndex, unitId: t.unitId, dueAt: t.dueAt?.toISOString() ?? null, parentTaskId: t.parentTaskId };
}
