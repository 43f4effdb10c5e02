import type { App } from '../../src/server/app.js';
import { buildApp } from '../../src/server/app.js';
import { parseConfig } from '../../src/platform/config/config.js';
import type { Db } from '../../src/platform/db/database.js';
import { TEST_PASSWORD } from './factories.js';

export async function buildTestApp(db: Db): Promise<App> {
  const config = parseConfig({ LANTOA_DATA_DIR: '/nonexistent', LANTOA_LOG_LEVEL: 'silent' });
  const app = await buildApp({ db, config, logger: false, webRoot: null });
  await app.ready();
  return app;
}

/** A signed-in client: the session cookie and CSRF token of a real login through the API. */
export interface Session {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

export async function logInAs(app: App, username: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = String(raw).split(';')[0] as string;
  const { csrfToken } = response.json() as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
