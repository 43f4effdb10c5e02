import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor, type Actor } from '../../src/platform/access/roles.js';
import { createConsultation } from '../../src/modules/consultation/create-consultation.js';
import { listRecentSubmissions } from '../../src/modules/consultation/intake/list-submissions.js';
import { recordMeeting } from '../../src/modules/consultation/intake/record-meeting.js';
import { storeSubmission } from '../../src/modules/consultation/intake/store.js';
import { buildUnit } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';

/** A meeting's kind, title and attendees live in submission_meetings, not in the audit log (migration 0013 copies the old ones). */
const { db } = await createTestDatabase();
const actor: Actor = cliActor();
let consultationId: number;
let documentId: number;
let unitId: number;

const list = async () => (await listRecentSubmissions(db, { actor, consultationCode: 'DH14', unitId, limit: 20 })).items;

/** The hand-written part of the migration: the back-fill from audit_log. */
function backFillSql(): string {
  const migration = readFileSync(new URL('../../drizzle/0013_submission_meetings.sql', import.meta.url), 'utf8');
  const custom = migration.split('--> statement-breakpoint').find((part) => part.includes('-- custom: back-fill'));
  if (!custom) throw new Error('the migration has no back-fill part');
  return custom;
}

/** A meeting as it was recorded before the details had their table: in the audit row only. */
async function oldMeeting(externalId: string, meeting: unknown): Promise<number> {
  const stored = await storeSubmission(db, {
    consultationId,
    externalId,
    unitId,
    channel: 'meeting',
    contributorGroup: 'khac',
    submittedAt: new Date(Date.now() - 7_200_000),
    selfSubmitted: false,
    enteredByUserId: null,
    opinions: [{ documentId, sectionRef: null, stance: 'agree', body: 'Nhất trí.' }],
    sealedContact: null,
    audit: { actor, action: 'consultation.meeting_record', after: { consultation: 'DH14', externalId, meeting, contributorGroup: 'khac', opinions: 1 } },
  });
  return stored.submissionId;
}

beforeAll(async () => {
  const created = await createConsultation(db, {
    actor,
    input: { code: 'DH14', title: 'Lấy ý kiến vào dự thảo văn kiện', documents: [{ code: 'BCCT', title: 'Báo cáo chính trị' }], opensAt: new Date(Date.now() - 30 * 86_400_000) },
  });
  consultationId = created.id;
  documentId = created.documents[0]!.id;
  unitId = (await buildUnit(db, { code: 'LCU-TD', name: 'Đảng ủy xã Tam Đường', kind: 'party_committee' })).id;
});

describe('meeting details', () => {
  it('are stored in their own table and listed from it, even without the audit row', async () => {
    const input = {
      idempotencyKey: randomUUID(),
      unitId,
      heldAt: new Date(Date.now() - 3_600_000).toISOString(),
      kind: 'hoi_nghi' as const,
      title: '  Hội nghị  lấy ý kiến đảng viên ',
      attendees: 120,
      contributorGroup: 'dang_vien' as const,
      opinions: [{ documentCode: 'BCCT', stance: 'agree' as const, text: 'Nhất trí.' }],
    };
    const stored = await recordMeeting(db, { actor, consultationCode: 'DH14', input });
    expect(stored.created).toBe(true);
    const again = await recordMeeting(db, { actor, consultationCode: 'DH14', input });
    expect(again).toEqual({ ...stored, created: false });
    const rows = await db.execute(sql`select submission_id, kind, title, attendees from submission_meetings`);
    expect(rows.rows).toEqual([{ submission_id: expect.anything(), kind: 'hoi_nghi', title: 'Hội nghị  lấy ý kiến đảng viên', attendees: 120 }]);
    expect(Number(rows.rows[0]?.submission_id)).toBe(stored.submissionId);
    await db.execute(sql`delete from audit_log where action = 'consultation.meeting_record'`);
    const [item] = await list();
    expect(item).toMatchObject({ id: stored.submissionId, channel: 'meeting', meeting: { kind: 'hoi_nghi', title: 'Hội nghị  lấy ý kiến đảng viên', attendees: 120 } });
  });

  it('recorded before the table are copied from the audit log by the migration, malformed ones left out', async () => {
    const old = await oldMeeting('meeting:old', { kind: 'toa_dam', title: 'Tọa đàm với cựu chiến binh', heldAt: new Date().toISOString(), attendees: 40 });
    const bad = await oldMeeting('meeting:bad', { kind: 'party', title: 'Không rõ loại', attendees: 3 });
    const byId = (items: Awaited<ReturnType<typeof list>>) => new Map(items.map((i) => [i.id, i.meeting]));
    expect(byId(await list()).get(old)).toBeNull();
    await db.execute(sql.raw(backFillSql()));
    await db.execute(sql.raw(backFillSql()));
    await db.execute(sql`delete from audit_log where action = 'consultation.meeting_record'`);
    const meetings = byId(await list());
    expect(meetings.get(old)).toEqual({ kind: 'toa_dam', title: 'Tọa đàm với cựu chiến binh', attendees: 40 });
    expect(meetings.get(bad)).toBeNull();
    expect((await db.execute(sql`select count(*)::int as n from submission_meetings`)).rows[0]).toEqual({ n: 2 });
  });
});
