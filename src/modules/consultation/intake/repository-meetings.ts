import { inArray } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database.js';
import { submissionMeetings } from '../tables.js';
import type { MeetingDetails } from './submission.js';

/** SQL of meetings' details: one row beside each submission of channel `meeting`. */

export async function insertMeeting(db: Queryable, submissionId: number, meeting: MeetingDetails): Promise<void> {
  await db.insert(submissionMeetings).values({ submissionId, ...meeting }).onConflictDoNothing();
}

/** The details of the meetings among these submissions, by submission id. */
export async function selectMeetings(db: Queryable, submissionIds: number[]): Promise<Map<number, MeetingDetails>> {
  if (submissionIds.length === 0) return new Map();
  const rows = await db.select().from(submissionMeetings).where(inArray(submissionMeetings.submissionId, submissionIds));
  return new Map(rows.map((r) => [r.submissionId, { kind: r.kind, title: r.title, attendees: r.attendees }]));
}
