import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnPeriodReport } from '../../src/core/period-reports/index.js';
import type { Actor } from '../../src/platform/access/roles.js';
import { openPool, type Db } from '../../src/platform/db/database.js';
import { startJobRunner, type JobRunner } from '../../src/platform/jobs/index.js';
import { configureMail, mailDeliverJob, type MailSettings } from '../../src/platform/mail/index.js';
import { returnedReportHandler, sendReminders, sendRemindersJob } from '../../src/modules/reports/reminders/send-reminders.js';
import { createTestDatabase } from '../support/db.js';
import { startSmtpServer } from '../support/smtp.js';
import { waitUntil } from '../support/wait.js';
import { buildReminderWorld, type ReminderWorld } from '../support/reminder-world.js';

/**
 * Reminders of report regimes, end to end: two app servers (two job runners, each with its own pool)
 * on one database run `reports.send-reminders` and `mail.deliver` against a real SMTP server; the
 * clock is the test's. Only units without a live submission are reminded, once per offset, even
 * after a restart; the recipient gets one notice listing its missing units; a returned report
 * notifies its reporter; e-mail off → in-app only; no SMTP → in-app only.
 */
const database = await createTestDatabase();
const { db } = database;
const other = openPool(database.url, 5);
const smtp = await startSmtpServer();
const HOUR = 3_600_000;
let clock = new Date();
let runners: JobRunner[] = [];
let world: ReminderWorld;
let settings: MailSettings;

afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop()));
  await other.close();
  await smtp.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startServers(): Promise<void> {
  const work = (on: Db) =>
    startJobRunner(on, {
      jobs: [sendRemindersJob({ now: () => clock, everyMs: 50 }), mailDeliverJob(settings, { everyMs: 50, retryDelayMs: 20 })],
      handlers: [returnedReportHandler],
      pollMs: 20,
      onError: () => undefined,
    });
  runners = await Promise.all([work(db), work(other.db)]);
}

async function stopServers(): Promise<void> {
  await Promise.all(runners.map((r) => r.stop()));
  runners = [];
}

/** Notifications per user name and kind, e.g. `{ 'ed.a': { 'reports.reminder': 2 } }`. */
async function notificationsByUser(): Promise<Record<string, Record<string, number>>> {
  const rows = await db.execute<{ username: string; kind: string; n: number }>(sql`
    select u.username, n.kind, count(*)::int as n from notifications n join users u on u.id = n.user_id group by 1, 2 order by 1, 2`);
  const out: Record<string, Record<string, number>> = {};
  for (const r of rows.rows) (out[r.username] ??= {})[r.kind] = r.n;
  return out;
}

const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address)).length;
const outboxUnsent = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from mail_outbox where state <> 'sent'`)).rows[0]!.n;

beforeAll(async () => {
  settings = configureMail({ smtpUrl: smtp.url, mailFrom: 'Lan Tỏa <lantoa@example.vn>' })!;
  world = await buildReminderWorld(db, { prefix: 'R', cellDeadline: new Date(Date.now() + 50 * HOUR) });
});

describe('reminders with two app servers and a real SMTP server', () => {
  it('reminds each non-reporter once at 48 h (never the reporter), and nothing again after a restart', async () => {
    clock = new Date(world.cellDeadline.getTime() - 47 * HOUR);
    await startServers();
    await waitUntil(() => mailsTo('a@example.vn') >= 1);
    await waitUntil(async () => (await outboxUnsent()) === 0);
    await sleep(400); // both servers ran the job several more times meanwhile
    expect(await notificationsByUser()).toEqual({ 'R.ed.a': { 'reports.reminder': 1 }, 'R.ed.d': { 'reports.reminder': 1 } });
    expect(mailsTo('a@example.vn')).toBe(1);
    expect(mailsTo('b@example.vn')).toBe(0); // B has submitted
    expect(mailsTo('d@example.vn')).toBe(0); // D's editor turned e-mail off: in-app only
    expect(smtp.received).toHaveLength(1);
    const [mail] = (await db.execute<{ subject: string; body: string }>(sql`select subject, body from mail_outbox`)).rows;
    expect(mail!.subject).toBe('Nhắc hạn gửi báo cáo: Báo cáo tuần R');
    expect(mail!.body).toContain('Chi bộ A chưa gửi báo cáo "Báo cáo tuần R"');
    expect(mail!.body).toContain(`/bao-cao/che-do/${world.regimeId}/ky/`);

    await stopServers();
    await startServers();
    await sleep(500);
    expect(await notificationsByUser()).toEqual({ 'R.ed.a': { 'reports.reminder': 1 }, 'R.ed.d': { 'reports.reminder': 1 } });
    expect(smtp.received).toHaveLength(1);
  });

  it('reminds again at 4 h, once; the committees get their own 48 h reminder', async () => {
    clock = new Date(world.cellDeadline.getTime() - 3 * HOUR);
    await waitUntil(() => mailsTo('a@example.vn') >= 2 && mailsTo('c1@example.vn') >= 1);
    await waitUntil(async () => (await outboxUnsent()) === 0);
    await sleep(400);
    expect(await notificationsByUser()).toEqual({
      'R.ed.a': { 'reports.reminder': 2 },
      'R.ed.d': { 'reports.reminder': 2 },
      'R.ed.c1': { 'reports.reminder': 1 },
      'R.ed.c2': { 'reports.reminder': 1 },
    });
    expect([mailsTo('a@example.vn'), mailsTo('b@example.vn'), mailsTo('c1@example.vn'), mailsTo('d@example.vn')]).toEqual([2, 0, 1, 0]);
  });

  it('after the deadline, tells each recipient once which of its units have not reported', async () => {
    clock = new Date(world.cellDeadline.getTime() + 60_000);
    await waitUntil(() => mailsTo('c1@example.vn') >= 2);
    await waitUntil(async () => (await outboxUnsent()) === 0);
    await sleep(400);
    const notices = await db.execute<{ username: string; body: string }>(sql`
      select u.username, n.body from notifications n join users u on u.id = n.user_id where n.kind = 'reports.missing' order by u.username`);
    expect(notices.rows.map((r) => r.username)).toEqual(['R.ed.c1', 'R.ed.c2']);
    expect(notices.rows[0]!.body).toContain('1 đơn vị chưa gửi báo cáo "Báo cáo tuần R"');
    expect(notices.rows[0]!.body).toMatch(/cho Đảng ủy C1: Chi bộ A\.$/);
    expect(notices.rows[1]!.body).toMatch(/cho Đảng ủy C2: Chi bộ D\.$/);
    expect(mailsTo('c1@example.vn')).toBe(2);
    expect(mailsTo('a@example.vn')).toBe(2); // no more reminders to the cells after their deadline
  });

  it('tells the reporter that its report was returned, with the reason, once', async () => {
    const actor: Actor = { userId: world.users.c1, username: 'R.ed.c1', grants: [{ id: 1, role: 'editor', unitId: world.units.C1 }], ip: null };
    await returnPeriodReport(db, { actor, submissionId: world.submissionB, reason: 'Thiếu số liệu tháng trước' });
    await waitUntil(() => mailsTo('b@example.vn') >= 1);
    await sleep(300);
    const [notice] = (await db.execute<{ title: string; body: string }>(sql`
      select n.title, n.body from notifications n where n.kind = 'reports.returned'`)).rows;
    expect(notice!.title).toBe('Báo cáo bị trả lại: Báo cáo tuần R');
    expect(notice!.body).toContain('của Chi bộ B (lần gửi 1) đã bị Đảng ủy C1 trả lại. Lý do: Thiếu số liệu tháng trước');
    expect(mailsTo('b@example.vn')).toBe(1);
    // Handled again (events are delivered at least once): no second notice.
    await runnersHandleAgain();
    expect((await notificationsByUser())['R.ed.b']).toEqual({ 'reports.returned': 1 });
  });
});

async function runnersHandleAgain(): Promise<void> {
  await returnedReportHandler.job.run({ db, payload: { submissionId: world.submissionB }, jobId: 0, attempt: 2 });
}

describe('without e-mail', () => {
  it('sends in-app reminders only when no SMTP server is configured', async () => {
    await stopServers();
    configureMail({ smtpUrl: undefined, mailFrom: 'x' });
    const before = smtp.received.length;
    const quiet = await buildReminderWorld(db, { prefix: 'Q', cellDeadline: new Date(Date.now() + 3 * HOUR) });
    const sent = await sendReminders(db, new Date());
    expect(sent.reminders).toBe(4); // cells A and D, committees C1 and C2 (B has submitted)
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.username like 'Q.%'`);
    expect(rows.rows[0]!.n).toBe(4);
    expect(await outboxUnsent()).toBe(0);
    expect((await db.execute<{ n: number }>(sql`select count(*)::int as n from mail_outbox m join notifications n on n.id = m.notification_id join users u on u.id = n.user_id where u.username like 'Q.%'`)).rows[0]!.n).toBe(0);
    expect(smtp.received.length).toBe(before);
    expect(quiet.regimeId).toBeGreaterThan(world.regimeId);
  });
});
