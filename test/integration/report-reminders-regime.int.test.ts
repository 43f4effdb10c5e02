import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliActor } from '../../src/platform/access/roles.js';
import type { UnitKind } from '../../src/platform/db/schema/org.js';
import { configureMail } from '../../src/platform/mail/index.js';
import { ensurePeriod } from '../../src/modules/reports/periods/index.js';
import { defineRegime } from '../../src/modules/reports/regimes/index.js';
import { sendReminders } from '../../src/modules/reports/reminders/send-reminders.js';
import { buildUnit, buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';

/**
 * Reminders over a regime defined and a period opened as the reports module does (seed 004: cells by
 * Tuesday 16:00, committees by the Wednesday 16:00 cut-off), at their exact instants: 48 h and 4 h
 * before each unit's own deadline, only while it has not submitted; the missing notice once every
 * reporter of a recipient is past its deadline.
 */
const { db } = await createTestDatabase();
const vn = (local: string) => new Date(`${local}+07:00`);
const id: Record<string, number> = {};
let regimeId = 0;
let periodKey = '';

async function unit(code: string, name: string, kind: UnitKind, parent: string | null): Promise<void> {
  id[code] = (await buildUnit(db, { code, name, kind, parentId: parent === null ? null : id[parent]! })).id;
  await buildUser(db, { username: `ed.${code.toLowerCase()}`, role: 'editor', unitId: id[code]! });
}

async function submitted(code: string, recipient: string, at: string): Promise<void> {
  await db.execute(sql`
    insert into period_report_submissions (subject_kind, subject_id, unit_id, recipient_unit_id, period_key, period_start, period_end, deadline, version, submitted_at, late, snapshot)
    select 'reports.regime', ${regimeId}, ${id[code]!}, ${id[recipient]!}, p.period_key, p.period_start, p.period_end, pu.deadline, 1, ${vn(at)}, false, '{}'::jsonb
    from report_periods p join report_period_units pu on pu.period_id = p.id and pu.unit_id = ${id[code]!}
    where p.regime_id = ${regimeId} and p.period_key = ${periodKey}`);
}

/** Who has been told what since the last call: `ed.cb2:reports.reminder`, … */
let seen = 0;
async function newNotices(): Promise<string[]> {
  const rows = await db.execute<{ id: number; who: string; body: string }>(sql`
    select n.id, u.username || ':' || n.kind as who, n.body from notifications n join users u on u.id = n.user_id where n.id > ${seen} order by u.username, n.kind`);
  seen = Math.max(seen, ...rows.rows.map((r) => r.id));
  return rows.rows.map((r) => r.who);
}

beforeAll(async () => {
  configureMail({ smtpUrl: undefined, mailFrom: 'x' });
  await unit('DU', 'Đảng ủy UBND tỉnh', 'party_committee', null);
  await unit('DUCS1', 'Đảng ủy Sở Tài chính', 'party_committee', 'DU');
  await unit('CB1', 'Chi bộ Phòng Ngân sách', 'party_cell', 'DUCS1');
  await unit('CB2', 'Chi bộ Phòng Giá', 'party_cell', 'DUCS1');
  await unit('CB3', 'Chi bộ Văn phòng Đảng ủy', 'party_cell', 'DU');
  const defined = await defineRegime(db, {
    actor: cliActor(),
    definition: {
      code: 'DU-TUAN',
      name: 'Báo cáo tình hình tuần',
      issuerUnit: 'DU',
      type: 'periodic',
      frequency: { kind: 'weekly', weekday: 'wednesday', time: '16:00' },
      reportingUnitKinds: ['party_committee', 'party_cell'],
      deadlines: [{ unitKinds: ['party_cell'], weekday: 'tuesday', time: '16:00' }],
      indicators: [{ code: 'HN', label: 'Số hội nghị', type: 'integer', aggregation: 'sum' }],
      outline: ['Kết quả'],
    },
    now: vn('2025-11-06T09:00:00'),
  });
  regimeId = defined.id;
  periodKey = (await ensurePeriod(db, regimeId, '2025-11-12')).key;
});

describe('reminders at their exact instants', () => {
  it('reminds the cells from 48 h before Tuesday 16:00, not a second earlier, and the committee from 48 h before Wednesday 16:00', async () => {
    expect(await sendReminders(db, vn('2025-11-09T15:59:59'))).toEqual({ reminders: 0, missing: 0 });
    expect(await sendReminders(db, vn('2025-11-09T16:00:00'))).toEqual({ reminders: 3, missing: 0 });
    expect(await newNotices()).toEqual(['ed.cb1:reports.reminder', 'ed.cb2:reports.reminder', 'ed.cb3:reports.reminder']);
    expect(await sendReminders(db, vn('2025-11-10T15:59:59'))).toEqual({ reminders: 0, missing: 0 });
    expect(await sendReminders(db, vn('2025-11-10T16:00:00'))).toEqual({ reminders: 1, missing: 0 });
    expect(await newNotices()).toEqual(['ed.ducs1:reports.reminder']);
  });

  it('at 4 h, reminds only the cells that have not submitted (a returned version counts as not submitted)', async () => {
    await submitted('CB1', 'DUCS1', '2025-11-10T08:00:00');
    await submitted('CB3', 'DU', '2025-11-10T09:00:00');
    await db.execute(sql`update period_report_submissions set state = 'returned', return_reason = 'Thiếu số liệu' where unit_id = ${id.CB3!}`);
    expect(await sendReminders(db, vn('2025-11-11T12:00:00'))).toEqual({ reminders: 2, missing: 0 });
    expect(await newNotices()).toEqual(['ed.cb2:reports.reminder', 'ed.cb3:reports.reminder']);
    expect(await sendReminders(db, vn('2025-11-11T15:59:59'))).toEqual({ reminders: 0, missing: 0 });
  });

  it('tells the committee at Tuesday 16:00 that CB2 is missing; the issuer waits for its last reporter’s deadline', async () => {
    expect(await sendReminders(db, vn('2025-11-11T16:00:00'))).toEqual({ reminders: 0, missing: 1 });
    const [notice] = (await db.execute<{ who: string; body: string }>(sql`
      select u.username as who, n.body from notifications n join users u on u.id = n.user_id where n.kind = 'reports.missing'`)).rows;
    expect(notice).toEqual({
      who: 'ed.ducs1',
      body: 'Đã quá hạn 16:00 Thứ Ba, 11/11/2025, 1 đơn vị chưa gửi báo cáo "Báo cáo tình hình tuần" kỳ Tuần 06/11/2025 – 12/11/2025 (chốt 16:00 thứ Tư 12/11/2025) cho Đảng ủy Sở Tài chính: Chi bộ Phòng Giá.',
    });
    await newNotices();
    expect(await sendReminders(db, vn('2025-11-12T12:00:00'))).toEqual({ reminders: 1, missing: 0 }); // the committee's 4 h reminder
    expect(await sendReminders(db, vn('2025-11-12T16:00:00'))).toEqual({ reminders: 0, missing: 1 });
    const missing = (await db.execute<{ body: string }>(sql`
      select n.body from notifications n join users u on u.id = n.user_id where n.kind = 'reports.missing' and u.username = 'ed.du'`)).rows;
    expect(missing).toHaveLength(1);
    expect(missing[0]!.body).toMatch(/2 đơn vị chưa gửi .* cho Đảng ủy UBND tỉnh: (Chi bộ Văn phòng Đảng ủy; Đảng ủy Sở Tài chính|Đảng ủy Sở Tài chính; Chi bộ Văn phòng Đảng ủy)\.$/);
    expect(await sendReminders(db, vn('2025-11-12T16:05:00'))).toEqual({ reminders: 0, missing: 0 });
  });

  it('stays quiet about a period opened more than a day after its deadlines', async () => {
    await ensurePeriod(db, regimeId, '2025-10-29');
    expect(await sendReminders(db, vn('2025-11-12T16:06:00'))).toEqual({ reminders: 0, missing: 0 });
  });
});
