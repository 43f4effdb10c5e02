import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import { periodClosingOn } from '../../src/platform/time/index.js';
import { frozenReports } from '../../src/modules/consultation/report/history.js';
import { computeWeeklyReport } from '../../src/modules/consultation/report/weekly-report.js';
import { loadConsultation } from '../../src/modules/consultation/repository.js';
import { submitWeeklyReport } from '../../src/modules/consultation/report/submit-weekly-report.js';
import { loadRepresentatives } from '../../src/modules/consultation/representatives/view.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import { TEST_PASSWORD } from '../support/factories.js';
import { createDatabaseAt } from '../support/migrations.js';

/**
 * Migration 0014 moves the consultation's weekly reports onto the submission ledger: rows written by
 * the previous version (migration 0013) read back unchanged through the consultation's own reads.
 */
const { database, migrateRest } = await createDatabaseAt('0013_submission_meetings');
const { db } = database;
const vn = (local: string) => new Date(`${local}+07:00`);
const ids: Record<string, number> = {};
const reports: Record<string, number> = {};
const pick = { id: 7, opinionId: 42, text: 'Ý kiến tiêu biểu đã đóng băng', note: 'Nhiều người cùng ý' };

async function weeklyReportRow(values: { consultation: string; unit: string; periodEnd: string; submittedAt: string; deadline: string; late: boolean; by: string | null; snapshot: unknown }) {
  const rows = await db.execute<{ id: number }>(sql`
    insert into weekly_reports (consultation_id, unit_id, period_end, submitted_at, deadline, late, snapshot, submitted_by_user_id)
    values (${ids[values.consultation]}, ${ids[values.unit]}, ${values.periodEnd}, ${vn(values.submittedAt)}, ${vn(values.deadline)}, ${values.late},
            ${JSON.stringify(values.snapshot)}::jsonb, ${values.by === null ? null : ids[values.by]})
    returning id`);
  return rows.rows[0]!.id;
}

/** A unit as schema 0013 holds it (raw SQL: the drizzle schema of today names columns added later). */
async function unitAt0013(values: { code: string; name: string; parentId?: number }) {
  const rows = await db.execute<{ id: number }>(sql`
    insert into units (code, name, kind, parent_id, search_key) values (${values.code}, ${values.name}, 'party_committee', ${values.parentId ?? null}, ${values.code.toLowerCase()})
    returning id`);
  return rows.rows[0]!;
}

/** An editor as schema 0013 holds it (raw SQL too: `users` has gained columns since). */
async function editorAt0013(values: { username: string; fullName: string; unitId: number }) {
  const rows = await db.execute<{ id: number }>(sql`
    insert into users (username, full_name, home_unit_id, password_hash) values (${values.username}, ${values.fullName}, ${values.unitId}, ${await hashPassword(TEST_PASSWORD)})
    returning id`);
  const id = rows.rows[0]!.id;
  await db.execute(sql`insert into role_grants (user_id, unit_id, role) values (${id}, ${values.unitId}, 'editor')`);
  return { id };
}

beforeAll(async () => {
  for (const [code, cutoffWeekday, cutoffTime] of [['DH14', 3, '16:00'], ['LUAT', 5, '24:00']] as const) {
    const rows = await db.execute<{ id: number }>(sql`
      insert into consultations (code, title, opens_at, cutoff_weekday, cutoff_time) values (${code}, ${`Lấy ý kiến ${code}`}, ${vn('2025-10-15T00:00:00')}, ${cutoffWeekday}, ${cutoffTime})
      returning id`);
    ids[code] = rows.rows[0]!.id;
  }
  ids.P = (await unitAt0013({ code: 'P', name: 'Tỉnh ủy' })).id;
  ids.X1 = (await unitAt0013({ code: 'X1', name: 'Đảng ủy xã Tam Đường', parentId: ids.P })).id;
  ids.X2 = (await unitAt0013({ code: 'X2', name: 'Đảng ủy xã Sìn Hồ', parentId: ids.P })).id;
  ids.X3 = (await unitAt0013({ code: 'X3', name: 'Đảng ủy xã Phong Thổ', parentId: ids.P })).id;
  ids.editor = (await editorAt0013({ username: 'bientap.x1', fullName: 'Lò Văn Biên', unitId: ids.X1! })).id;
  const snapshot = (unit: string, submissions: number) => ({ unit, submissions, opinions: submissions * 2, cumulative: { submissions, opinions: submissions * 2 }, representatives: { own: [pick], children: [] } });
  reports.X1 = await weeklyReportRow({ consultation: 'DH14', unit: 'X1', periodEnd: '2025-11-12', submittedAt: '2025-11-12T15:00:00', deadline: '2025-11-12T16:00:00', late: false, by: 'editor', snapshot: snapshot('X1', 3) });
  reports.X2 = await weeklyReportRow({ consultation: 'DH14', unit: 'X2', periodEnd: '2025-11-12', submittedAt: '2025-11-12T16:30:00', deadline: '2025-11-12T16:00:00', late: true, by: null, snapshot: snapshot('X2', 5) });
  reports.older = await weeklyReportRow({ consultation: 'DH14', unit: 'X1', periodEnd: '2025-11-05', submittedAt: '2025-11-05T10:00:00', deadline: '2025-11-05T16:00:00', late: false, by: 'editor', snapshot: snapshot('X1', 1) });
  reports.luat = await weeklyReportRow({ consultation: 'LUAT', unit: 'X1', periodEnd: '2025-11-14', submittedAt: '2025-11-14T09:00:00', deadline: '2025-11-15T00:00:00', late: false, by: 'editor', snapshot: snapshot('X1', 2) });
  await migrateRest();
});

describe('migration 0014: weekly reports onto the ledger', () => {
  it('keeps every report, read back through the consultation’s history: frozen figures, late flags, senders, deadlines', async () => {
    const consultation = await loadConsultation(db, 'DH14');
    const frozen = await frozenReports(db, { consultationId: consultation.id, unitId: ids.P!, periodEnd: '2025-11-12' });
    expect(frozen.own).toBeNull();
    expect([...frozen.children.keys()].sort()).toEqual(['X1', 'X2']);
    expect(frozen.children.get('X1')).toMatchObject({ unitId: ids.X1, late: false, submittedBy: 'Lò Văn Biên', snapshot: { unit: 'X1', submissions: 3, opinions: 6 } });
    expect(frozen.children.get('X1')?.deadline).toEqual(vn('2025-11-12T16:00:00'));
    expect(frozen.children.get('X2')).toMatchObject({ late: true, submittedBy: null, snapshot: { submissions: 5 } });
    expect(frozen.children.get('X2')?.submittedAt).toEqual(vn('2025-11-12T16:30:00'));
    const older = await frozenReports(db, { consultationId: consultation.id, unitId: ids.X1!, periodEnd: '2025-11-05' });
    expect(older.own).toMatchObject({ snapshot: { submissions: 1 } });

    const report = await computeWeeklyReport(db, { consultation, unitId: ids.P!, periodEnd: '2025-11-12' });
    // X3 never sent its report of a week long past: overdue.
    expect(report.children.map((c) => [c.code, c.status])).toEqual([
      ['X3', 'overdue'],
      ['X2', 'late'],
      ['X1', 'submitted'],
    ]);
    // The parent reads a submitted child's representative opinions from its frozen report.
    const representatives = await loadRepresentatives(db, { consultationId: consultation.id, unitId: ids.P!, periodEnd: '2025-11-12' });
    expect(representatives.children.map((c) => [c.code, c.source, c.items.map((i) => i.opinionId)])).toEqual([
      ['X2', 'frozen', [42]],
      ['X1', 'frozen', [42]],
    ]);
  });

  it('keeps the ids, the period instants of each consultation’s cut-off, and drops weekly_reports', async () => {
    const rows = await db.execute<{ id: number; subject_kind: string; period_key: string; period_start: string; period_end: string; version: number; state: string; recipient_unit_id: number }>(sql`
      select id, subject_kind, period_key, period_start, period_end, version, state, recipient_unit_id from period_report_submissions order by id`);
    expect(rows.rows.map((r) => r.id)).toEqual([reports.X1, reports.X2, reports.older, reports.luat]);
    expect(rows.rows.every((r) => r.subject_kind === 'consultation.weekly' && r.version === 1 && r.state === 'submitted' && r.recipient_unit_id === ids.P)).toBe(true);
    const week = periodClosingOn({ kind: 'weekly', weekday: 3, time: '16:00' }, '2025-11-12');
    expect([new Date(rows.rows[0]!.period_start), new Date(rows.rows[0]!.period_end)]).toEqual([week.start, week.end]);
    const friday = periodClosingOn({ kind: 'weekly', weekday: 5, time: '24:00' }, '2025-11-14');
    expect([rows.rows[3]!.period_key, new Date(rows.rows[3]!.period_start), new Date(rows.rows[3]!.period_end)]).toEqual([friday.key, friday.start, friday.end]);
    const table = await db.execute<{ name: string | null }>(sql`select to_regclass('weekly_reports')::text as name`);
    expect(table.rows[0]?.name).toBeNull();
  });

  it('refuses a second report for a migrated week, numbers new reports after the copied ones, and deletes them with their consultation', async () => {
    const actor = cliActor();
    await expect(submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: ids.X1!, periodEnd: '2025-11-12' })).rejects.toMatchObject({ code: 'CONFLICT', reason: 'WEEKLY_REPORT_SUBMITTED' });
    const fresh = await submitWeeklyReport(db, { actor, consultationCode: 'DH14', unitId: ids.X3!, periodEnd: '2025-11-12', now: vn('2025-11-11T15:59:59') });
    expect(fresh.id).toBeGreaterThan(reports.luat!);
    expect(fresh.late).toBe(false); // a grassroots unit: due by Tuesday 16:00
    expect(fresh.deadline).toBe(vn('2025-11-11T16:00:00').toISOString());
    await db.execute(sql`delete from consultations where id = ${ids.LUAT}`);
    const left = await db.execute<{ subject_id: number }>(sql`select distinct subject_id from period_report_submissions`);
    expect(left.rows.map((r) => r.subject_id)).toEqual([ids.DH14]);
  });
});
