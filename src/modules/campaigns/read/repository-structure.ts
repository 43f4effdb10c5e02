import { sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import type { AssignmentDeadline, ExpectedOutput, TimeBound } from '../tables.js';

/** SQL of a campaign's structure: milestones, phases (with resolved instants), themes, channels, assignments and their tasks' units. */

export interface StructureRows {
  milestones: { id: number; position: number; title: string; startsAt: Date; endsAt: Date }[];
  phases: { id: number; position: number; title: string; starts: TimeBound | null; ends: TimeBound | null; startsAt: Date | null; endsAt: Date | null }[];
  themes: { id: number; phaseId: number | null; position: number; title: string }[];
  channels: { id: number; position: number; channel: string | null; text: string }[];
  assignments: {
    id: number; position: number; text: string; unitsAsWritten: string; leadUnitId: number | null; coordinatingUnitIds: number[];
    phaseId: number | null; deadline: AssignmentDeadline | null; themeIds: number[]; channels: string[]; expectedOutputs: ExpectedOutput[];
    taskUnitIds: number[]; dueAt: Date | null;
  }[];
}

const when = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export async function selectStructure(db: Queryable, campaignId: number): Promise<StructureRows> {
  const milestones = await db.execute<{ id: number; position: number; title: string; starts_at: Date; ends_at: Date }>(
    sql`select id, position, title, starts_at, ends_at from campaign_milestones where campaign_id = ${campaignId} order by starts_at, position, id`,
  );
  const phases = await db.execute<{ id: number; position: number; title: string; starts: TimeBound | null; ends: TimeBound | null; starts_at: Date | null; ends_at: Date | null }>(
    sql`select id, position, title, starts, ends, starts_at, ends_at from campaign_phases where campaign_id = ${campaignId} order by position, id`,
  );
  const themes = await db.execute<{ id: number; phase_id: number | null; position: number; title: string }>(
    sql`select id, phase_id, position, title from campaign_themes where campaign_id = ${campaignId} order by position, id`,
  );
  const channels = await db.execute<{ id: number; position: number; channel: string | null; text: string }>(
    sql`select id, position, channel, text from campaign_channels where campaign_id = ${campaignId} order by position, id`,
  );
  const assignments = await db.execute<{
    id: number; position: number; text: string; units_as_written: string; lead_unit_id: number | null; coordinating_unit_ids: number[];
    phase_id: number | null; deadline: AssignmentDeadline | null; theme_ids: number[]; channels: string[]; expected_outputs: ExpectedOutput[];
    task_unit_ids: number[]; due_at: Date | null;
  }>(sql`
    select a.id, a.position, a.text, a.units_as_written, a.lead_unit_id, a.coordinating_unit_ids, a.phase_id, a.deadline, a.theme_ids,
      a.channels, a.expected_outputs,
      coalesce((select array_agg(t.unit_id order by t.unit_id) from campaign_tasks t where t.assignment_id = a.id), '{}') as task_unit_ids,
      (select max(t.due_at) from campaign_tasks t where t.assignment_id = a.id) as due_at
    from campaign_assignments a where a.campaign_id = ${campaignId} order by a.position, a.id`);
  return {
    milestones: milestones.rows.map((r) => ({ id: r.id, position: r.position, title: r.title, startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at) })),
    phases: phases.rows.map((r) => ({ id: r.id, position: r.position, title: r.title, starts: r.starts, ends: r.ends, startsAt: when(r.starts_at), endsAt: when(r.ends_at) })),
    themes: themes.rows.map((r) => ({ id: r.id, phaseId: r.phase_id, position: r.position, title: r.title })),
    channels: channels.rows,
    assignments: assignments.rows.map((r) => ({
      id: r.id, position: r.position, text: r.text, unitsAsWritten: r.units_as_written, leadUnitId: r.lead_unit_id,
      coordinatingUnitIds: r.coordinating_unit_ids, phaseId: r.phase_id, deadline: r.deadline, themeIds: r.theme_ids, channels: r.channels,
      expectedOutputs: r.expected_outputs, taskUnitIds: r.task_unit_ids, dueAt: when(r.due_at),
    })),
  };
}
