import type { Config } from '../config/config.js';

/** Where and as whom Lan Tỏa sends e-mail. */
export interface MailSettings {
  /** nodemailer SMTP URL, e.g. `smtp://user:pass@host:587`. */
  smtpUrl: string;
  from: string;
}

let current: MailSettings | null = null;

/**
 * Reads the configuration's mail settings once at start (`lantoa start`, `lantoa jobs`): with
 * `LANTOA_SMTP_URL` set, `notify` also queues e-mail; without it, notifications stay in-app only.
 * Returns the settings (null when e-mail is off). Process-wide, like the figure providers registry:
 * notifications are written from routes, jobs and event handlers alike, none of which holds the config.
 */
export function configureMail(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): MailSettings | null {
  current = config.smtpUrl ? { smtpUrl: config.smtpUrl, from: config.mailFrom } : null;
  return current;
}

/** The settings `configureMail` read, or null when e-mail is off. */
export function mailSettings(): MailSettings | null {
  return current;
}

/** The one line `lantoa start` prints about e-mail (Vietnamese, then English). */
export function mailStatusLine(settings: MailSettings | null): string {
  if (settings === null) {
    return 'Thư điện tử: tắt (chưa đặt LANTOA_SMTP_URL) — chỉ gửi thông báo trong ứng dụng. / E-mail is off (LANTOA_SMTP_URL unset): in-app notifications only.';
  }
  const host = new URL(settings.smtpUrl).host;
  return `Thư điện tử: gửi qua ${host}, người gửi ${settings.from}. / E-mail on via ${host}.`;
}
