import { sql } from 'drizzle-orm';
import { pgArray, type Queryable } from '../../../platform/db/database.js';
import type { Channel, ContributorGroup, Stance } from '../tables.js';
import { subtreeIdsOf } from '../../../core/unit-tree/index.js';

/**
 * SQL of intake's reads: which units take part, which sections exist, the recent submissions of a
 * unit, contact details. The one statement that writes submissions is `repository-write.ts`;
 * meetings are in `repository-meetings.ts`.
 */

/**
 * SQL condition: the unit `u` takes part in the consultation (every unit by default; otherwise the
 * units listed and their subtrees) and is not dissolved, unless `dissolvedToo` (the file import:
 * a file may carry what a unit received before it was dissolved).
 */
export function participates(consultation: { id: number; allUnits: boolean }, options: { dissolvedToo?: boolean } = {}): ReturnType<typeof sql> {
  const active = options.dissolvedToo ? sql`true` : sql`(u.active_to is null or u.active_to >= (now() at time zone 'Asia/Ho_Chi_Minh')::date)`;
  if (consultation.allUnits) return active;
  return sql`${active} and u.id in ${subtreeIdsOf(sql`select unit_id from consultation_units where consultation_id = ${consultation.id}`)}`;
}

/** The id of a unit taking part in the consultation, by code or id; null when none. */
export async function selectParticipatingUnitId(db: Queryable, consultation: { id: number; allUnits: boolean }, unit: { code: string } | { id: number }): Promise<number | null> {
  const which = 'code' in unit ? sql`u.code = ${unit.code}` : sql`u.id = ${unit.id}`;
  const result = await db.execute<{ id: number }>(sql`select u.id from units u where ${which} and ${participates(consultation)}`);
  return result.rows[0]?.id ?? null;
}

/** Units taking part whose search key contains every token; at most `limit + 1` (to tell whether there are more). */
export async function selectParticipatingUnits(db: Queryable, consultation: { id: number; allUnits: boolean }, tokens: string[], limit: number) {
  const match = tokens.length > 0 ? sql`and u.search_key like all(${pgArray(tokens.map((t) => `%${t.replace(/[\\%_]/g, (c) => '\\' + c)}%`))}::text[])` : sql``;
  const result = await db.execute<{ code: string; name: string }>(sql`
    select u.code, u.name from units u
    where ${participates(consultation)} ${match}
    order by u.sort_order, u.name, u.id
    limit ${limit + 1}`);
  return result.rows;
}

/** Which of the (document, section reference) pairs exist. */
export async function selectKnownSections(db: Queryable, pairs: { documentId: number; ref: string }[]): Promise<{ documentId: number; ref: string }[]> {
  const found = await db.execute<{ document_id: number; ref: string }>(sql`
    select s.document_id, s.ref from document_sections s
    join unnest(${pgArray(pairs.map((p) => p.documentId))}::int[], ${pgArray(pairs.map((p) => p.ref))}::text[]) as q(document_id, ref)
      on s.document_id = q.document_id and s.ref = q.ref`);
  return found.rows.map((r) => ({ documentId: r.document_id, ref: r.ref }));
}

export type RecentSubmissionRow = {
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
 * The submissions received by one unit, newest first (ids below `before`), at most `limit + 1`, with
 * their first `opinions` opinions (text cut to `text` characters) and, with `withContact`, whether
 * contact details are stored or were erased.
 */
export async function selectRecentSubmissions(
  db: Queryable,
  options: { consultationId: number; unitId: number; limit: number; before?: number | undefined; withContact: boolean; opinions: number; text: number },
): Promise<RecentSubmissionRow[]> {
  const contact = options.withContact
    ? sql`(select case when c.erased_at is not null or c.sealed is null then 'erased' else 'stored' end from submission_contacts c where c.submission_id = s.id)`
    : sql`null::text`;
  const result = await db.execute<RecentSubmissionRow>(sql`
    select s.id, s.channel, s.contributor_group, s.submitted_at, s.created_at, s.self_submitted, s.opinion_count,
           u.full_name as entered_by, ${contact} as contact,
           coalesce((
             select json_agg(json_build_object(
                      'documentCode', d.code, 'sectionRef', x.section_ref, 'stance', x.stance,
                      'text', left(x.body, ${options.text}), 'truncated', length(x.body) > ${options.text}) order by x.id)
             from (select o.id, o.document_id, o.section_ref, o.stance, o.body from opinions o
                   where o.submission_id = s.id order by o.id limit ${options.opinions}) x
             join consultation_documents d on d.id = x.document_id), '[]'::json) as opinions
    from submissions s
    left join users u on u.id = s.entered_by_user_id
    where s.consultation_id = ${options.consultationId} and s.unit_id = ${options.unitId}
      ${options.before === undefined ? sql`` : sql`and s.id < ${options.before}`}
    order by s.id desc
    limit ${options.limit + 1}`);
  return result.rows;
}

/** A submission of the consultation with its contact row, if any; undefined when there is no such submission. */
export async function selectSubmissionContact(db: Queryable, consultationCode: string, submissionId: number) {
  const found = await db.execute<{ unit_id: number; has_contact: boolean; sealed: string | null; consent: boolean | null; created_at: Date | string | null; erased_at: Date | string | null }>(sql`
    select s.unit_id, (c.submission_id is not null) as has_contact, c.sealed, c.consent, c.created_at, c.erased_at
    from submissions s
    join consultations k on k.id = s.consultation_id and k.code = ${consultationCode}
    left join submission_contacts c on c.submission_id = s.id
    where s.id = ${submissionId}`);
  return found.rows[0];
}

/** Erases up to `limit` contact details stored before `before` (sealed becomes null, erased_at `now`); how many. */
export async function eraseContacts(db: Queryable, options: { now: Date; before: Date; limit: number }): Promise<number> {
  const result = await db.execute(sql`
    update submission_contacts set sealed = null, erased_at = ${options.now}
    where submission_id in (
      select submission_id from submission_contacts
      where erased_at is null and created_at < ${options.before}
      limit ${options.limit} for update skip locked)`);
  return result.rowCount ?? 0;
}
