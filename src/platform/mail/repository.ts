/**
 * SQL of the mail outbox (table in schema/notifications.ts). A claim moves rows from `queued` to
 * `sending` in one statement with `for update skip locked`; nothing ever moves a row back from
 * `sending` except its own runner's failure report, so no message is sent twice.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';

export interface ClaimedMail {
  id: number;
  toAddress: string;
  subject: string;
  body: string;
  attempts: number;
}

export async function claimMail(db: Queryable, options: { limit: number; runner: string }): Promise<ClaimedMail[]> {
  const result = await db.execute<{ id: number; to_address: string; subject: string; body: string; attempts: number }>(sql`
    with next as (
      select id from mail_outbox where state = 'queued' and run_after <= now()
      order by id limit ${options.limit} for update skip locked
    )
    update mail_outbox m set state = 'sending', attempts = m.attempts + 1, claimed_at = now(), claimed_by = ${options.runner}
    from next where m.id = next.id
    returning m.id, m.to_address, m.subject, m.body, m.attempts`);
  return result.rows.map((r) => ({ id: r.id, toAddress: r.to_address, subject: r.subject, body: r.body, attempts: r.attempts }));
}

export async function markMailSent(db: Queryable, id: number): Promise<void> {
  await db.execute(sql`update mail_outbox set state = 'sent', sent_at = now(), last_error = null where id = ${id} and state = 'sending'`);
}

/** The SMTP server refused or could not be reached: queued again after a doubling delay, or failed for good. */
export async function markMailFailed(db: Queryable, options: { id: number; error: string; maxAttempts: number; retryDelayMs: number }): Promise<void> {
  await db.execute(sql`
    update mail_outbox set
      state = case when attempts >= ${options.maxAttempts} then 'failed' else 'queued' end,
      run_after = now() + ${options.retryDelayMs} * power(2, attempts - 1) * interval '1 millisecond',
      last_error = ${options.error.slice(0, 1000)}
    where id = ${options.id} and state = 'sending'`);
}

/**
 * Rows left in `sending` by a runner that died mid-exchange: the message may have gone out, so it
 * is marked failed rather than sent again (at most once).
 */
export async function failInterruptedMail(db: Queryable, olderThanMs: number): Promise<number> {
  const result = await db.execute(sql`
    update mail_outbox set state = 'failed', last_error = 'Interrupted while sending; not retried (it may have been delivered)'
    where state = 'sending' and claimed_at < now() - ${olderThanMs} * interval '1 millisecond'`);
  return result.rowCount ?? 0;
}
