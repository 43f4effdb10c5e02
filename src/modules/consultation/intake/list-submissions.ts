import type { Queryable } from '../../../platform/db/database.js';
import type { Actor } from '../../../platform/access/roles.js';
import { requireUnitRole } from '../../../platform/access/scope.js';
import { loadIntakeConsultation } from './store.js';
import { receivesContacts } from './contacts.js';
import { selectRecentSubmissions } from './repository.js';
import { selectMeetings } from './repository-meetings.js';
import { RECENT_OPINIONS, RECENT_TEXT, type RecentSubmission } from './staff-schemas.js';

/**
 * The most recently recorded submissions received by one unit (not its subtree), newest first, for
 * anyone who may see the unit: channel, group, times, who typed it in, the first opinions (text cut
 * to a few hundred characters), a meeting's kind, title and attendees, and —
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
  const rows = await selectRecentSubmissions(db, { consultationId: consultation.id, unitId, limit, before: options.before, withContact: canViewContacts, opinions: RECENT_OPINIONS, text: RECENT_TEXT });
  const page = rows.slice(0, limit);
  const meetings = await selectMeetings(db, page.filter((r) => r.channel === 'meeting').map((r) => Number(r.id)));
  return {
    unitId,
    canViewContacts,
    items: page.map((r) => ({
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
    nextBefore: rows.length > limit ? Number(page[page.length - 1]?.id) : null,
  };
}
