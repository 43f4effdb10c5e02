import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureMail, deliverMail, type MailSettings } from '../../src/platform/mail/index.js';
import { notify } from '../../src/platform/notifications/index.js';
import { buildUser } from '../support/factories.js';
import { createTestDatabase } from '../support/db.js';
import { startSmtpServer } from '../support/smtp.js';

/** mail.deliver against a real SMTP server: sent once, retried when refused, never resent when interrupted. */
const { db } = await createTestDatabase();
const smtp = await startSmtpServer();
let settings: MailSettings;
let userId = 0;

beforeAll(async () => {
  settings = configureMail({ smtpUrl: smtp.url, mailFrom: 'Lan Tỏa <lantoa@example.vn>' })!;
  userId = (await buildUser(db, { username: 'mail.user' })).id;
  await db.execute(sql`update users set email = 'nguoi.nhan@example.vn' where id = ${userId}`);
});
afterAll(async () => {
  configureMail({ smtpUrl: undefined, mailFrom: 'x' });
  await smtp.close();
});

const states = async () => (await db.execute<{ state: string; attempts: number }>(sql`select state, attempts from mail_outbox order by id`)).rows;
const queue = (title: string) => db.transaction((tx) => notify(tx, { userIds: [userId], kind: 'test.mail', title, body: 'Nội dung có dấu: Thứ Tư', email: true }));

describe('deliverMail', () => {
  it('sends each queued message once, in UTF-8, from the configured sender', async () => {
    await queue('Thư thứ nhất');
    await queue('Thư thứ hai');
    const [a, b] = await Promise.all([deliverMail(db, settings, { runner: 'a' }), deliverMail(db, settings, { runner: 'b' })]);
    expect(a.sent + b.sent).toBe(2);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received.every((m) => m.from === 'lantoa@example.vn' && m.to[0] === 'nguoi.nhan@example.vn')).toBe(true);
    expect(smtp.received[0]!.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(smtp.received[0]!.raw).toMatch(/^From: =\?UTF-8\?/im);
    expect(await states()).toEqual([{ state: 'sent', attempts: 1 }, { state: 'sent', attempts: 1 }]);
    expect((await deliverMail(db, settings, { runner: 'a' })).sent).toBe(0);
  });

  it('queues a refused message again with a delay, and gives up after the last attempt', async () => {
    await db.execute(sql`delete from mail_outbox`);
    await queue('Bị từ chối');
    const refusing = { send: () => Promise.reject(new Error('550 mailbox unavailable')) };
    expect(await deliverMail(db, settings, { runner: 'a', sender: refusing, maxAttempts: 2, retryDelayMs: 60_000 })).toEqual({ sent: 0, failed: 1 });
    expect(await states()).toEqual([{ state: 'queued', attempts: 1 }]);
    // Not due yet: the next run leaves it alone.
    expect(await deliverMail(db, settings, { runner: 'a', sender: refusing, maxAttempts: 2 })).toEqual({ sent: 0, failed: 0 });
    await db.execute(sql`update mail_outbox set run_after = now()`);
    await deliverMail(db, settings, { runner: 'a', sender: refusing, maxAttempts: 2 });
    const [row] = (await db.execute<{ state: string; last_error: string }>(sql`select state, last_error from mail_outbox`)).rows;
    expect(row).toEqual({ state: 'failed', last_error: 'Error: 550 mailbox unavailable' });
  });

  it('never sends again a message whose sender died mid-exchange', async () => {
    await db.execute(sql`delete from mail_outbox`);
    await queue('Gián đoạn');
    await db.execute(sql`update mail_outbox set state = 'sending', attempts = 1, claimed_at = now() - interval '11 minutes'`);
    const before = smtp.received.length;
    expect(await deliverMail(db, settings, { runner: 'b' })).toEqual({ sent: 0, failed: 0 });
    expect(await states()).toEqual([{ state: 'failed', attempts: 1 }]);
    expect(smtp.received.length).toBe(before);
  });
});
