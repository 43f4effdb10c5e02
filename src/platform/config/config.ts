import path from 'node:path';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.js';

/**
 * Every environment setting Lan Tỏa reads, parsed once at start-up.
 * All invalid settings are reported together (see ConfigError).
 */
const portSchema = z.coerce
  .number({ error: 'phải là một số / must be a number' })
  .int('phải là số nguyên / must be an integer')
  .min(0, 'phải từ 0 đến 65535 / must be 0–65535')
  .max(65535, 'phải từ 0 đến 65535 / must be 0–65535');

const envSchema = z.object({
  PORT: portSchema.default(3000),
  HOST: z.string().min(1, 'không được để trống / must not be empty').default('127.0.0.1'),
  LANTOA_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// / must start with postgres://')
    .optional(),
  LANTOA_PG_PORT: portSchema.default(0),
  LANTOA_SESSION_HOURS: z.coerce
    .number({ error: 'phải là một số / must be a number' })
    .positive('phải lớn hơn 0 / must be positive')
    .max(24 * 30, 'tối đa 720 giờ / at most 720 hours')
    .default(12),
  LANTOA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LANTOA_SECURE_COOKIES: z.enum(['true', 'false', 'auto']).default('auto'),
  LANTOA_TRUST_PROXY: z
    .string()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if ('problem' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.problem });
        return z.NEVER;
      }
      return parsed.value;
    })
    .default(false),
  LANTOA_CONTACT_KEY: z
    .string()
    .refine((v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v.trim()) && Buffer.from(v.trim(), 'base64').length === 32, 'phải là 32 byte mã hóa base64 / must be 32 bytes in base64')
    .optional(),
  LANTOA_CONTACT_RETENTION_DAYS: z.coerce
    .number({ error: 'phải là một số / must be a number' })
    .int('phải là số nguyên / must be an integer')
    .positive('phải lớn hơn 0 / must be positive')
    .default(365),
  LANTOA_PUBLIC_RATE_LIMIT: z.coerce
    .number({ error: 'phải là một số / must be a number' })
    .int('phải là số nguyên / must be an integer')
    .min(0, 'không được âm / must not be negative')
    .default(30),
  LANTOA_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/\s]+/, 'phải có dạng smtp://người-dùng:mật-khẩu@máy:587 / must look like smtp://user:pass@host:587')
    .optional(),
  LANTOA_MAIL_FROM: z.string().min(3).default('Lan Tỏa <no-reply@lantoa.local>'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embeddedPgPort: number;
  sessionHours: number;
  logLevel: z.infer<typeof envSchema>['LANTOA_LOG_LEVEL'];
  secureCookies: 'true' | 'false' | 'auto';
  /**
   * Which proxies to believe about the client (Fastify's trustProxy): false, true (any), a hop
   * count, or addresses/CIDRs. Decides request.ip (rate limits, audit) and request.protocol (Secure cookies).
   */
  trustProxy: TrustProxy;
  /** Base64 of the 32-byte key sealing contact details; unset: generated in `<dataDir>/contact.key`. */
  contactKey: string | undefined;
  /** Days after which contributors' contact details are erased. */
  contactRetentionDays: number;
  /** Public form submissions per minute per client address; 0 turns the limit off (load tests). */
  publicRateLimit: number;
  /** SMTP server for e-mail notifications (nodemailer URL); unset: in-app notifications only. */
  smtpUrl: string | undefined;
  /** The From of every e-mail Lan Tỏa sends. */
  mailFrom: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: { setting: string; message: string; value: string | undefined }[]) {
    super(
      'Cấu hình không hợp lệ / Invalid configuration:\n' +
        problems.map((p) => `  - ${p.setting}=${JSON.stringify(p.value ?? '')}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws ConfigError listing every bad setting at once. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const setting = String(issue.path[0] ?? '?');
        return { setting, message: issue.message, value: env[setting] };
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.LANTOA_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    embeddedPgPort: e.LANTOA_PG_PORT,
    sessionHours: e.LANTOA_SESSION_HOURS,
    logLevel: e.LANTOA_LOG_LEVEL,
    secureCookies: e.LANTOA_SECURE_COOKIES,
    trustProxy: e.LANTOA_TRUST_PROXY,
    contactKey: e.LANTOA_CONTACT_KEY?.trim(),
    contactRetentionDays: e.LANTOA_CONTACT_RETENTION_DAYS,
    publicRateLimit: e.LANTOA_PUBLIC_RATE_LIMIT,
    smtpUrl: e.LANTOA_SMTP_URL,
    mailFrom: e.LANTOA_MAIL_FROM,
  };
}

/** Applies command-line overrides (e.g. `--port`) on top of the environment. */
export function withOverrides(config: Config, overrides: Partial<Pick<Config, 'port' | 'host'>>): Config {
  return { ...config, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}
