import { api, data, setCsrfToken } from '../../api/client.js';
import type { Session } from '../../api/types.js';

/** Logs in; the session's CSRF token goes with every later write. */
export async function logIn(username: string, password: string): Promise<Session> {
  const session = await data(api.POST('/api/v1/auth/login', { body: { username, password } }));
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logOut(): Promise<void> {
  try {
    await data(api.POST('/api/v1/auth/logout'));
  } finally {
    setCsrfToken(null);
  }
}

export async function getSession(): Promise<Session> {
  const session = await data(api.GET('/api/v1/auth/me'));
  setCsrfToken(session.csrfToken);
  return session;
}
