import { randomBytes } from 'node:crypto';
import { parseConfig } from '../../src/platform/config/config.js';
import type { Db } from '../../src/platform/db/database.js';
import { buildApp, type App } from '../../src/server/app.js';

/** A test app for the participant pages with a fixed contact key (tokens, sealed contacts) and the given env. */
export const CONTACT_KEY = randomBytes(32);

export async function buildTakeApp(db: Db, env: Record<string, string> = {}): Promise<App> {
  const config = parseConfig({ LANTOA_DATA_DIR: '/nonexistent', LANTOA_LOG_LEVEL: 'silent', LANTOA_CONTACT_KEY: CONTACT_KEY.toString('base64'), LANTOA_PUBLIC_RATE_LIMIT: '0', ...env });
  const app = await buildApp({ db, config, logger: false, webRoot: null });
  await app.ready();
  return app;
}

export const contactKey = () => CONTACT_KEY;

let phoneCounter = 0;
/** A fresh valid mobile number (national form). */
export function freshPhone(): string {
  phoneCounter++;
  return `09${String(10_000_000 + ((Date.now() + phoneCounter * 7919) % 89_999_999)).padStart(8, '0')}`;
}

export function registration(unitId: number, overrides: Record<string, unknown> = {}) {
  return { name: 'Nguyễn Văn An', phone: freshPhone(), unitId, group: 'dang-vien', consent: true, ...overrides };
}
