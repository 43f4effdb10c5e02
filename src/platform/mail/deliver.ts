import { hostname } from 'node:os';
import nodemailer from 'nodemailer';
import { defineJob, type JobDefinition } from '../jobs/index.js';
import type { Db } from '../db/database.js';
import { claimMail, failInterruptedMail, markMailFailed, markMailSent } from './repository.js';
import type { MailSettings } from './settings.js';

/** What sends one message (nodemailer's transport; tests may pass another). */
export interface MailSender {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export function smtpSender(smtpUrl: string): MailSender {
  const transport = nodemailer.createTransport(smtpUrl);
  return { send: (message) => transport.sendMail(message) };
}

export interface DeliverOptions {
  sender?: MailSender;
  /** Messages taken per claim (default 20) and at most per run (default 500). */
  batch?: number;
  perRun?: number;
  maxAttempts?: number;
  retryDelayMs?: number;
  /** A row `sending` for longer than this belonged to a runner that died: failed, not resent (default 10 min). */
  interruptedAfterMs?: number;
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Sends queued mail: claims a batch (`queued` → `sending`, skip locked), sends each message, marks
 * it sent, or queues it again with a doubling delay when the SMTP server refused it. Returns the
 * number sent.
 */
export async function deliverMail(db: Db, settings: MailSettings, options: DeliverOptions & { runner: string }): Promise<{ sent: number; failed: number }> {
  const sender = options.sender ?? smtpSender(settings.smtpUrl);
  const batch = options.batch ?? 20;
  const perRun = options.perRun ?? 500;
  await failInterruptedMail(db, options.interruptedAfterMs ?? 600_000);
  let sent = 0;
  let failed = 0;
  while (sent + failed < perRun) {
    const claimed = await claimMail(db, { limit: Math.min(batch, perRun - sent - failed), runner: options.runner });
    if (claimed.length === 0) break;
    for (const mail of claimed) {
      try {
        await sender.send({ from: settings.from, to: mail.toAddress, subject: mail.subject, text: mail.body });
        await markMailSent(db, mail.id);
        sent++;
      } catch (error) {
        await markMailFailed(db, { id: mail.id, error: describe(error), maxAttempts: options.maxAttempts ?? 5, retryDelayMs: options.retryDelayMs ?? 30_000 });
        failed++;
      }
    }
  }
  return { sent, failed };
}

/** The `mail.deliver` job (every 5 s by default), registered only when e-mail is configured. */
export function mailDeliverJob(settings: MailSettings, options: DeliverOptions & { everyMs?: number } = {}): JobDefinition {
  const sender = options.sender ?? smtpSender(settings.smtpUrl);
  const runner = `${hostname()}:${process.pid}`;
  return defineJob({
    name: 'mail.deliver',
    everyMs: options.everyMs ?? 5_000,
    maxAttempts: 1,
    run: ({ db }) => deliverMail(db, settings, { ...options, sender, runner }),
  });
}
