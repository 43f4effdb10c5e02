import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { TimeBound } from '../tables.js';
import type { AssignmentRow } from './repository.js';

/** SQL of a plan's whole structure, as the implementing draft and the plan's DOCX read it. */

export type PlanStructure = {
  milestones: { id: number; title: string; startsAt: Date; endsAt: Date }[];
  phases: { id: number; title: string; starts: TimeBound | null; ends: TimeBound | null; startsAt: Date | null; endsAt: Date | null }[];
  themes: { id: number; phaseId: number | null; title: string }[];
  channels: { channel: string | null; text: string }[];
  assignments: (AssignmentRow & { id: number; taskUnitIds: number[] })[];
};

const date = (v: Date | string | null) => (v === null ? null : new Date(v));

export async function selectPlanStructure(db: Queryable, campaignId: number): Promise<PlanStructure> {
  const [milestones, phases, themes, channels, assignments] = await Promise.all([
    db.execute<PlanStructure['milestones'][number]>(sql`
      select id, title, starts_at as "startsAt", ends_at as "endsAt" from campaign_milestones where campaign_id = ${campaignId} order by position`),
    db.execute<PlanStructure['phases'][number]>(sql`
      select id, title, starts, ends, starts_at as "startsAt", ends_at as "endsAt" from campaign_phases where campaign_id = ${campaignId} order by position`),
    db.execute<PlanStructure['themes'][number]>(sql`
      select id, phase_id as "phaseId", title from campaign_themes where campaign_id = ${campaignId} order by position`),
    db.execute<PlanStructure['channels'][number]>(sql`select channel, text from campaign_channels where campaign_id = ${campaignId} order by position`),
    db.execute<PlanStructure['assignments'][number]>(sql`
      select a.id, a.text, a.units_as_written as "unitsAsWritten", a.lead_unit_id as "leadUnitId", a.coordinating_unit_ids as "coordinatingUnitIds",
        a.phase_id as "phaseId", a.deadline, a.theme_ids as "themeIds", a.channels, a.expected_outputs as "expectedOutputs",
        coalesce(array(select t.unit_id from campaign_tasks t where t.assignment_id = a.id order by t.id), '{}') as "taskUnitIds"
      from campaign_assignments a where a.campaign_id = ${campaignId} order by a.position`),
  ]);
  return {
    milestones: milestones.rows.map((m) => ({ ...m, startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt) })),
    phases: phases.rows.map((p) => ({ ...p, startsAt: date(p.startsAt), endsAt: date(p.endsAt) })),
    themes: themes.rows,
    channels: channels.rows,
    assignments: assignments.rows,
  };
}

/** The unit's tasks in a campaign (what it received), in the plan's order. */
export async function selectUnitTasks(db: Queryable, campaignId: number, unitId: number): Promise<{ id: number; assignmentId: number }[]> {
  const result = await db.execute<{ id: number; assignmentId: number }>(sql`
    select t.id, t.assignment_id as "assignmentId" from campaign_tasks t join campaign_assignments a on a.id = t.assignment_id
    where t.campaign_id = ${campaignId} and t.unit_id = ${unitId} order by a.position, t.id`);
  return result.rows;
}

