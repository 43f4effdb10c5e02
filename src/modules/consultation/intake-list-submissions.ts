import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../platform/db/database.js';
import type { Actor } from '../../platform/access/roles.js';
import { requireUnitRole } from '../../platform/access/scope.js';
import type { Channel, ContributorGroup, Stance } from './tables.js';
import { loadIntakeConsultation } from './intake-store.js';
import { receivesContacts } from './intake-contacts.js';
import { meetingKinds } from './intake-schemas.js';
import { RECENT_OPINIONS, RECENT_TEXT, type RecentSubmission } from './intake-staff-schemas.js';

type Row = {
  id: number;
  channel: Channel;
  contributor_group: ContributorGroup;
  submitted_at: Date | string;
  created_at: Date | string;
  self_submitted: boolean;
  opinion_count: number;
  entered_by: string | null;
  contact: 'stored' | 'erased' | null;
  opinions: { documentCode: string; sectionRef: string | null; stance: Stance; text: string; truncated: boolean }[];
};

/**
 * The most recently recorded submissions received by one unit (not its subtree), newest first, for
 * anyone who may see the unit: channel, group, times, who typed it in, the first opinions (text cut
 * to a few hundred characters), a meeting's kind, title and attendees (kept in its audit row), and —
 * for the receiving unit's own editors only — whether contact details are stored or were erased.
 * Never the contact details themselves. `before` pages on (ids below it).
 */
export async function listRecentSubmissions(
  db: Queryable,
  options: { actor: Actor; consultationCode: string; unitId: number; limit: number; before?: number | undefined },
): Promise<{ unitId: number; canViewContacts: boolean; items: RecentSubmission[]; nextBefore: number | null }> {
  const { actor, unitId, limit } = options;
  await requireUnitRole(db, actor, [unitId], 'viewer');
  const consultation = await loadIntakeConsultation(db, options.consultationCode);
  const canViewContacts = receivesContacts(actor, unitId);
  const contact = canViewContacts
    ? sql`(select case when c.erased_at is not null or c.sealed is null then 'erased' else 'stored' end from submission_contacts c where c.submission_id = s.id)`
    : sql`null::text`;
  const result = await db.execute<Row>(sql`
    select s.id, s.channel, s.contributor_group, s.submitted_at, s.created_at, s.self_submitted, s.opinion_count,
           u.full_name as entered_by, ${contact} as contact,
           coalesce((
             select json_agg(json_build_object(
                      'documentCode', d.code, 'sectionRef', x.section_ref, 'stance', x.stance,
                      'text', left(x.body, ${RECENT_TEXT}), 'truncated', length(x.body) > ${RECENT_TEXT}) order by x.id)
             from (select o.id, o.document_id, o.section_ref, o.stance, o.body from opinions o
                   where o.submission_id = s.id order by o.id limit ${RECENT_OPINIONS}) x
             join consultation_documents d on d.id = x.document_id), '[]'::json) as opinions
    from submissions s
    left join users u on u.id = s.entered_by_user_id
    where s.consultation_id = ${consultation.id} and s.unit_id = ${unitId}
      ${options.before === undefined ? sql`` : sql`and s.id < ${options.before}`}
    order by s.id desc
    limit ${limit + 1}`);
  const rows = result.rows.slice(0, limit);
  const meetings = await meetingDetails(
    db,
    unitId,
    rows.filter((r) => r.channel === 'meeting').map((r) => Number(r.id)),
  );
  return {
    unitId,
    canViewContacts,
    items: rows.map((r) => ({
      id: Number(r.id),
      channel: r.channel,
      contributorGroup: r.contributor_group,
      submittedAt: new Date(r.submitted_at).toISOString(),
      recordedAt: new Date(r.created_at).toISOString(),
      selfSubmitted: r.self_submitted,
      opinionCount: r.opinion_count,
      enteredBy: r.entered_by,
      meeting: meetings.get(Number(r.id)) ?? null,
      opinions: r.opinions,
      contact: canViewContacts ? r.contact : null,
    })),
    nextBefore: result.rows.length > limit ? Number(rows[rows.length - 1]?.id) : null,
  };
}

type MeetingDetails = NonNullable<RecentSubmission['meeting']>;

/** A meeting's kind, title and attendees have no column: they are read from the audit row of its entry. */
async function meetingDetails(db: Queryable, unitId: number, submissionIds: number[]): Promise<Map<number, MeetingDetails>> {
  const found = new Map<number, MeetingDetails>();
  if (submissionIds.length === 0) return found;
  const result = await db.execute<{ entity_id: string; meeting: { kind?: unknown; title?: unknown; attendees?: unknown } | null }>(sql`
    select entity_id, after->'meeting' as meeting from audit_log
    where unit_id = ${unitId} and action = 'consultation.meeting_record' and entity_type = 'submission'
      and entity_id = any(${pgArray(submissionIds.map(String))}::text[])`);
  for (const row of result.rows) {
    const m = row.meeting;
    const kind = meetingKinds.find((k) => k === m?.kind);
    if (!m || !kind || typeof m.title !== 'string' || typeof m.attendees !== 'number') continue;
    found.set(Number(row.entity_id), { kind, title: m.title, attendees: m.attendees });
  }
  return found;
}
